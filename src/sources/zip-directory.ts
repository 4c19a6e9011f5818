/**
 * What a zip says of its entries before anything is inflated: each entry's name and
 * uncompressed size, from the zip's central directory (PKWARE APPNOTE.TXT 4.3.12 "central
 * directory file header", 4.3.16 "end of central directory record", 4.3.14/4.3.15 and 4.5.3 for
 * ZIP64). JSZip reads the same directory but keeps the sizes private, so this reads them itself;
 * they are a zip's own claim, so the inflating is counted as well (see zip-source.ts).
 */
export interface DeclaredEntry {
  name: string;
  uncompressedBytes: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const ZIP64_EXTRA = 0x0001;
/** A 16- or 32-bit field with all bits set: "the value is in the ZIP64 record". */
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/** The entries a zip declares, or null when its directory cannot be read (not a zip, cut short). */
export function declaredEntries(bytes: Uint8Array): DeclaredEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fits = (at: number, length: number) => at >= 0 && at + length <= bytes.byteLength;
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;

  // The end record is the last 22 bytes, unless a comment (at most 65,535 bytes) follows it.
  let end = -1;
  for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 22 - MAX16); at--) {
    if (u32(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  let count = u16(end + 10);
  let offset = u32(end + 16);
  if (count === MAX16 || offset === MAX32) {
    const locator = end - 20;
    if (!fits(locator, 20) || u32(locator) !== ZIP64_LOCATOR) return null;
    const record = u64(locator + 8);
    if (!fits(record, 56) || u32(record) !== ZIP64_END_OF_DIRECTORY) return null;
    count = u64(record + 32);
    offset = u64(record + 48);
  }

  const entries: DeclaredEntry[] = [];
  const names = new TextDecoder("utf-8");
  for (let i = 0, at = offset; i < count; i++) {
    if (!fits(at, 46) || u32(at) !== DIRECTORY_ENTRY) return null;
    const [nameLength, extraLength, commentLength] = [u16(at + 28), u16(at + 30), u16(at + 32)];
    if (!fits(at + 46, nameLength + extraLength)) return null;
    let uncompressedBytes = u32(at + 24);
    if (uncompressedBytes === MAX32) {
      // The real size is the first field of the ZIP64 extra block (APPNOTE 4.5.3).
      const zip64 = extraField(view, at + 46 + nameLength, extraLength, ZIP64_EXTRA);
      if (zip64 === null || zip64.length < 8) return null;
      uncompressedBytes = u64(zip64.start);
    }
    entries.push({ name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)), uncompressedBytes });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where the extra block with `id` starts and how long it is, within an entry's extra fields. */
function extraField(view: DataView, start: number, length: number, id: number): { start: number; length: number } | null {
  for (let at = start; at + 4 <= start + length; ) {
    const size = view.getUint16(at + 2, true);
    if (view.getUint16(at, true) === id) return at + 4 + size <= start + length ? { start: at + 4, length: size } : null;
    at += 4 + size;
  }
  return null;
}
