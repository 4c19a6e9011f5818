import JSZip from "jszip";

/** A zip (deflated) of these files, as a user's archiver would make it. */
export async function zipOf(files: Record<string, string | Buffer | Uint8Array>, folder = ""): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(folder + name, content);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } });
}

/**
 * The same zip with the uncompressed size in its central directory (APPNOTE.TXT 4.3.12: at byte
 * 24 of an entry, its name at 46) set to `size` for the entries named (all when none are): a zip
 * that lies about what it holds.
 */
export function declaring(zip: Uint8Array, size: number, names?: string[]): Uint8Array {
  const bytes = Uint8Array.from(zip);
  const view = new DataView(bytes.buffer);
  for (let at = 0; at + 46 <= bytes.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + view.getUint16(at + 28, true))).toString();
    if (!names || names.includes(name)) view.setUint32(at + 24, size, true);
  }
  return bytes;
}
