import JSZip from "jszip";
import { declaredEntries } from "../../src/sources/zip-directory";
import { zipOf } from "../support/zips";

/**
 * A ZIP64 archive of one stored file, written byte by byte after PKWARE's APPNOTE.TXT (4.3.7
 * local header, 4.3.12 central directory header, 4.5.3 the ZIP64 extra field, 4.3.14 the ZIP64
 * end record, 4.3.15 its locator, 4.3.16 the end record): every size and count that has a ZIP64
 * form is given only there, as a writer does for a file over 4 GB or when streaming.
 */
function zip64Of(name: string, content: Buffer, crc: number): Uint8Array {
  const fileName = Buffer.from(name);
  const u16 = (n: number) => Buffer.from([n & 0xff, (n >> 8) & 0xff]);
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n >>> 0);
    return b;
  };
  const u64 = (n: number) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    return b;
  };
  const extra = (withOffset: boolean) => Buffer.concat([u16(0x0001), u16(withOffset ? 24 : 16), u64(content.length), u64(content.length), ...(withOffset ? [u64(0)] : [])]);
  const local = Buffer.concat([u32(0x04034b50), u16(45), u16(0), u16(0), u16(0), u16(0x21), u32(crc), u32(0xffffffff), u32(0xffffffff), u16(fileName.length), u16(20), fileName, extra(false), content]);
  const central = Buffer.concat([
    u32(0x02014b50), u16(45), u16(45), u16(0), u16(0), u16(0), u16(0x21), u32(crc), u32(0xffffffff), u32(0xffffffff),
    u16(fileName.length), u16(28), u16(0), u16(0), u16(0), u32(0), u32(0xffffffff), fileName, extra(true),
  ]);
  const zip64End = Buffer.concat([u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(1), u64(1), u64(central.length), u64(local.length)]);
  const locator = Buffer.concat([u32(0x07064b50), u32(0), u64(local.length + central.length), u32(1)]);
  const end = Buffer.concat([u32(0x06054b50), u16(0xffff), u16(0xffff), u16(0xffff), u16(0xffff), u32(0xffffffff), u32(0xffffffff), u16(0)]);
  return Uint8Array.from(Buffer.concat([local, central, zip64End, locator, end]));
}

/** CRC-32 (IEEE 802.3), as a zip stores it: for the hand-made archive only. */
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe("the sizes a zip declares, read from its central directory", () => {
  it("names every entry with the size it unpacks to, in a zip made by JSZip", async () => {
    const zip = await zipOf({ "datapackage.json": "{}", "map/observations.csv": Buffer.alloc(70_000, "1"), "é.csv": "" });
    expect(declaredEntries(zip)).toEqual([
      { name: "datapackage.json", uncompressedBytes: 2 },
      { name: "map/", uncompressedBytes: 0 },
      { name: "map/observations.csv", uncompressedBytes: 70_000 },
      { name: "é.csv", uncompressedBytes: 0 },
    ]);
  });

  it("finds the directory behind a comment", async () => {
    const zip = new JSZip();
    zip.file("a.csv", "x,y\n");
    const bytes = await zip.generateAsync({ type: "uint8array", comment: "c".repeat(1000) });
    expect(declaredEntries(bytes)).toEqual([{ name: "a.csv", uncompressedBytes: 4 }]);
  });

  it("reads a ZIP64 archive's counts, offsets and sizes from its ZIP64 records", async () => {
    const content = Buffer.from("id,naam\nBRP,Basisregistratie\n");
    const bytes = zip64Of("sources.csv", content, crc32(content));
    // The hand-made archive is a real zip: JSZip reads it, with its CRC checked.
    const read = await JSZip.loadAsync(bytes, { checkCRC32: true });
    await expect(read.file("sources.csv")?.async("string")).resolves.toBe(content.toString());
    expect(declaredEntries(bytes)).toEqual([{ name: "sources.csv", uncompressedBytes: content.length }]);
  });

  it("says it cannot read a zip that is cut short or is not one", async () => {
    const zip = await zipOf({ "a.csv": "1" });
    expect(declaredEntries(zip.subarray(0, zip.length - 10))).toBeNull();
    expect(declaredEntries(zip.subarray(10))).toBeNull(); // the directory's offset points past its start now
    expect(declaredEntries(Buffer.from("geen zip"))).toBeNull();
    expect(declaredEntries(new Uint8Array(0))).toBeNull();
  });
});
