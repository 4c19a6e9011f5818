import JSZip from "jszip";
import { ByteLimits, DEFAULT_LIMITS, fileTooLarge, tooLargeProblem } from "./limits";
import { readPackage } from "./package-reader";
import { PullResult, SourceError, sourceProblem } from "./types";
import { declaredEntries } from "./zip-directory";
import { AnyMessage, say } from "../text/message";
import { SOURCES } from "../text/sources";

const damaged = (name: string) => new SourceError([sourceProblem(name, say(SOURCES.damagedZip, { name }))]);

/**
 * An entry's bytes, counted while JSZip inflates them (ZipObject#internalStream, a documented
 * JSZip API): stopped as soon as they pass `maxBytes`, whatever the directory claimed, so a zip
 * that lies about its sizes is cut off as early as one that tells the truth is refused.
 */
function inflateBounded(file: JSZip.JSZipObject, maxBytes: number, tooLarge: () => SourceError, onError: () => SourceError): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let done = false;
    const stream = (file as unknown as { internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream("uint8array");
    stream
      .on("data", (chunk) => {
        if (done) return;
        total += chunk.byteLength;
        if (total > maxBytes) {
          done = true;
          stream.pause();
          return reject(tooLarge());
        }
        chunks.push(chunk);
      })
      .on("error", () => {
        if (!done) reject(onError());
        done = true;
      })
      .on("end", () => {
        if (done) return;
        done = true;
        const bytes = new Uint8Array(total);
        let offset = 0;
        for (const chunk of chunks) {
          bytes.set(chunk, offset);
          offset += chunk.byteLength;
        }
        resolve(bytes);
      })
      .resume();
  });
}

/**
 * A .zip of a data package: datapackage.json at the top or in the one folder the zip holds.
 * Before anything is inflated, every entry's declared size and their sum are checked against the
 * limits; while inflating, the bytes are counted against the same limits.
 */
export async function pullFromZip(name: string, bytes: Uint8Array, onProgress?: (message: AnyMessage) => void, limits: ByteLimits = DEFAULT_LIMITS): Promise<PullResult> {
  try {
    const tooLarge = fileTooLarge(name, bytes.byteLength, limits);
    if (tooLarge) throw new SourceError([tooLarge]);
    const declared = declaredEntries(bytes);
    if (!declared) throw damaged(name);
    let declaredTotal = 0;
    for (const entry of declared) {
      if (entry.uncompressedBytes > limits.archiveEntryBytes) {
        throw new SourceError([tooLargeProblem(name, { limit: "archiveEntryBytes", what: `${name}: ${entry.name}`, limitBytes: limits.archiveEntryBytes, sizeBytes: entry.uncompressedBytes })]);
      }
      declaredTotal += entry.uncompressedBytes;
    }
    const archiveTooLarge = (sizeBytes?: number) => new SourceError([tooLargeProblem(name, { limit: "archiveBytes", what: name, limitBytes: limits.archiveBytes, sizeBytes })]);
    if (declaredTotal > limits.archiveBytes) throw archiveTooLarge(declaredTotal);

    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch {
      throw damaged(name);
    }
    let inflated = 0;
    const inflate = async (path: string, file: JSZip.JSZipObject) => {
      const entryTooLarge = () => new SourceError([tooLargeProblem(name, { limit: "archiveEntryBytes", what: `${name}: ${path}`, limitBytes: limits.archiveEntryBytes })]);
      const left = limits.archiveBytes - inflated;
      const maxBytes = Math.min(limits.archiveEntryBytes, left);
      const content = await inflateBounded(file, maxBytes, () => (left < limits.archiveEntryBytes ? archiveTooLarge() : entryTooLarge()), () => damaged(name));
      inflated += content.byteLength;
      return content;
    };

    const descriptors = Object.keys(zip.files).filter((path) => /^([^/]+\/)?datapackage\.json$/.test(path));
    if (descriptors.length !== 1) {
      throw new SourceError([sourceProblem(name, say(descriptors.length ? SOURCES.severalDescriptors : SOURCES.noDescriptor, { name }))]);
    }
    const folder = descriptors[0].slice(0, -"datapackage.json".length);
    const descriptor = await inflate(descriptors[0], zip.files[descriptors[0]]);
    return await readPackage(
      { bytes: descriptor },
      async (path) => {
        const file = zip.file(folder + path);
        if (!file) throw new SourceError([sourceProblem(name, say(SOURCES.missingFromZip, { name, path }))]);
        return inflate(folder + path, file);
      },
      name,
      onProgress,
    );
  } catch (error) {
    if (error instanceof SourceError) return { ok: false, problems: error.problems };
    throw error;
  }
}
