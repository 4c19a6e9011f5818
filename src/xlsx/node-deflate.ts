import { FlateError } from "fflate";
import { crc32, createDeflateRaw } from "zlib";
import { DeflatingEntry } from "./zip-writer";

/**
 * zlib's level 2, not its default 6: the Data sheet's 82 MB of XML at 100,000 rows deflate in
 * 0.25 s of CPU against 0.75 s (zlib alone, median of five on this machine), into 9.8 MB against
 * 8.5 MB. The sheet repeats the same few hundred texts on every row, so the longer searches of
 * the higher levels find little more; level 1 was no faster and 3% larger, level 3 a third slower.
 * Only the CLI's parts are deflated here; the pane's fflate entries (zip-writer.ts) keep level 6.
 */
const DEFLATE_LEVEL = 2;

/**
 * zlib's output buffer: 256 KB, not Node's 16 KB, so that the Data sheet's 9.8 MB of deflated
 * bytes (at 100,000 rows) come back in about 40 calls from the thread pool instead of 600
 * (Node's zlib runs deflate again for each full buffer). The bytes are the same, only cut into
 * fewer chunks.
 */
const OUTPUT_BYTES = 256 * 1024;

/**
 * A zip entry compressed by Node's own zlib, for the CLI's Data sheet. Native deflate is about
 * three times as fast as deflate in JavaScript (68 MB of sheet XML: 0.35 s against 1.0 s on
 * this machine) and runs on libuv's thread pool while the main thread writes the next rows.
 * The rows' bytes (written over by the next chunk) are copied into two buffers used in turn,
 * each taken again only once zlib is done with it: a new buffer per chunk is memory outside
 * V8's heap, whose growth makes V8 collect the whole heap again and again (seconds at a
 * million rows). Size and CRC-32 are counted as the bytes go in (zlib's crc32), as fflate's
 * ZipInputFile asks of an entry with its own compression.
 */
export class NodeDeflateEntry implements DeflatingEntry {
  readonly compression = 8; // deflate (APPNOTE 4.4.5)
  size = 0;
  crc = 0;
  /** Set by fflate's Zip when the entry is added. */
  ondata: NonNullable<DeflatingEntry["ondata"]> = () => undefined;
  private readonly deflate = createDeflateRaw({ level: DEFLATE_LEVEL, chunkSize: OUTPUT_BYTES });
  private readonly buffers = [{ bytes: Buffer.alloc(0), free: Promise.resolve() }, { bytes: Buffer.alloc(0), free: Promise.resolve() }];
  private turn = 0;

  constructor(
    readonly filename: string,
    readonly mtime: Date,
  ) {
    this.deflate.on("data", (chunk: Buffer) => this.ondata(null, new Uint8Array(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.length), false));
    this.deflate.on("end", () => this.ondata(null, new Uint8Array(0), true));
    this.deflate.on("error", (error: Error) => this.ondata(Object.assign(error, { code: 0 }) as FlateError, new Uint8Array(0), true));
  }

  /** Resolves when the buffer the bytes were copied into is queued; the other buffer is then free or being freed. */
  async pushCopy(chunk: Uint8Array): Promise<void> {
    const buffer = this.buffers[this.turn];
    this.turn = 1 - this.turn;
    await buffer.free;
    if (buffer.bytes.length < chunk.length) buffer.bytes = Buffer.allocUnsafe(chunk.length);
    buffer.bytes.set(chunk);
    const bytes = buffer.bytes.subarray(0, chunk.length);
    this.count(bytes);
    buffer.free = new Promise<void>((resolve) => this.deflate.write(bytes, () => resolve()));
  }

  push(chunk: Uint8Array, final = false): void {
    if (chunk.length > 0) {
      this.count(chunk);
      this.deflate.write(chunk);
    }
    if (final) this.deflate.end();
  }

  private count(bytes: Uint8Array): void {
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
  }
}
