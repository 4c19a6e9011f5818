import { once } from "events";
import { FlateError, ZipPassThrough } from "fflate";
import { createDeflateRaw, DeflateRaw } from "zlib";
import { DeflatingEntry } from "./zip-writer";

/**
 * A zip entry compressed by Node's own zlib, for the CLI's Data sheet: native deflate is about
 * three times as fast as deflate in JavaScript (68 MB of sheet XML: 0.35 s against 1.0 s on
 * this machine), and it runs on libuv's thread pool while the main thread writes the next rows.
 * fflate's ZipPassThrough counts the size and the CRC of what is pushed, as fflate's
 * documentation suggests for an entry with its own compression.
 */
export class NodeDeflateEntry extends ZipPassThrough implements DeflatingEntry {
  private readonly deflate: DeflateRaw = createDeflateRaw({ level: 6 });

  constructor(filename: string, mtime: Date) {
    super(filename);
    this.compression = 8; // deflate (APPNOTE 4.4.5)
    this.mtime = mtime;
    this.deflate.on("data", (chunk: Buffer) => this.ondata(null, new Uint8Array(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.length), false));
    this.deflate.on("end", () => this.ondata(null, new Uint8Array(0), true));
    this.deflate.on("error", (error: Error) => this.ondata(Object.assign(error, { code: 0 }) as FlateError, new Uint8Array(0), true));
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    if (chunk.length > 0) this.deflate.write(chunk);
    if (final) this.deflate.end();
  }

  /** Waits while zlib still has a full buffer: the rows are written no faster than they are compressed. */
  async ready(): Promise<void> {
    if (this.deflate.writableNeedDrain) await once(this.deflate, "drain");
  }
}
