import { FlateError, Zip, ZipDeflate, ZipInputFile } from "fflate";

/**
 * The .xlsx package written as a stream of zip bytes with fflate's Zip, one part after the
 * other, so that neither a part nor the package is ever held whole: the Data sheet of a million
 * rows goes from its rows to compressed bytes a chunk at a time. Every part carries the same
 * timestamp, so the same input gives the same bytes.
 */

/** Where the zip's bytes go, in order: a file in the CLI, chunks for a Blob in the pane. */
export type ZipSink = (chunk: Uint8Array) => void;

/** A part written a piece at a time; each write resolves when the compressor can take more. */
export interface PartWriter {
  /** Text, as UTF-8. */
  write(text: string): Promise<void>;
  /** Bytes the caller writes over once this resolves (a buffer used again for the next chunk). */
  writeBytes(bytes: Uint8Array): Promise<void>;
  end(): Promise<void>;
}

/** A zip entry that compresses what it is pushed: fflate's ZipDeflate, or one on the host's own zlib. */
export interface DeflatingEntry extends ZipInputFile {
  push(chunk: Uint8Array, final?: boolean): void;
  /**
   * Bytes the caller will write over, for an entry that copies them into buffers of its own (no
   * new buffer per chunk); resolves when the compressor can take more. Without it, a copy is pushed.
   */
  pushCopy?(bytes: Uint8Array): Promise<void>;
}

export type EntryFactory = (filename: string, mtime: Date) => DeflatingEntry;

export const fflateEntry: EntryFactory = (filename, mtime) => Object.assign(new ZipDeflate(filename, { level: 6 }), { mtime });

/**
 * Without ZIP64, which fflate does not write, no part may be larger than 4 GiB (the sizes are
 * 32-bit); Excel opens no sheet of that size anyway. Writing more stops with a PartTooLargeError.
 */
export const MAX_PART_BYTES = 0xffff_ffff;

export class PartTooLargeError extends Error {}

export interface ZipWriter {
  /** A whole part, as its bytes. */
  add(name: string, data: Uint8Array): Promise<void>;
  /** A part written chunk by chunk; the next part starts after its end(). */
  stream(name: string): PartWriter;
  /** Writes the central directory; resolves when the last byte went to the sink. */
  finish(): Promise<void>;
}

export interface ZipWriterOptions {
  mtime: Date;
  /**
   * The entries for the parts: fflate's deflate unless given (the CLI gives Node's zlib, native
   * and on libuv's threads, for the Data sheet written chunk by chunk and the other parts alike).
   */
  streamedEntry?: EntryFactory;
  /** MAX_PART_BYTES unless given (a test gives less). */
  maxPartBytes?: number;
}

export function zipWriter(sink: ZipSink, options: ZipWriterOptions): ZipWriter {
  const encoder = new TextEncoder();
  const maxPartBytes = options.maxPartBytes ?? MAX_PART_BYTES;
  let failure: FlateError | null = null;
  let closed: () => void = () => undefined;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure ??= error;
    else sink(chunk);
    if (final) closed();
  });
  const check = () => {
    if (failure) throw new Error(`The workbook package could not be written: ${failure.message}`);
  };
  /** Adds an entry to the zip; resolves `last` when its last compressed bytes have reached the zip. */
  const open = (name: string, make: EntryFactory) => {
    check();
    const entry = make(name, options.mtime);
    zip.add(entry);
    // fflate's Zip sets the entry's handler on add; wrapped here to see the entry's final chunk.
    const forward = entry.ondata as NonNullable<ZipInputFile["ondata"]>;
    let arrived: () => void = () => undefined;
    const last = new Promise<void>((resolve) => (arrived = resolve));
    entry.ondata = (error, chunk, final) => {
      forward(error, chunk, final);
      if (final || error) arrived();
    };
    const end = async () => {
      entry.push(new Uint8Array(0), true);
      await last;
      check();
    };
    return { entry, end };
  };
  return {
    async add(name, data) {
      const { entry, end } = open(name, options.streamedEntry ?? fflateEntry);
      entry.push(data, false);
      await end();
    },
    stream(name) {
      const { entry, end } = open(name, options.streamedEntry ?? fflateEntry);
      const writeBytes = async (bytes: Uint8Array, reused: boolean) => {
        check();
        if (entry.pushCopy) await entry.pushCopy(bytes);
        else entry.push(reused ? bytes.slice() : bytes, false);
        if (entry.size > maxPartBytes) throw new PartTooLargeError(`${name} would be larger than 4 GiB, more than an .xlsx package holds. Nothing was written.`);
      };
      return {
        write: (text) => writeBytes(encoder.encode(text), false),
        writeBytes: (bytes) => writeBytes(bytes, true),
        end,
      };
    },
    async finish() {
      check();
      const done = new Promise<void>((resolve) => (closed = resolve));
      zip.end();
      await done;
      check();
    },
  };
}
