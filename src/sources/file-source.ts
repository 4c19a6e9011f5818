import JSZip from "jszip";
import { INDICATOR_COLUMNS, SOURCE_COLUMNS, tableCells } from "../data/columns";
import { decodeUtf8, parseCsv } from "../data/csv";
import { TABLE_NAMES, parsePackageTables } from "../data/package";
import { MonitorPackage } from "../data/types";
import { readPackage } from "./package-reader";
import { PullResult, SourceError, sourceProblem } from "./types";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const isZip = (bytes: Uint8Array) => ZIP_MAGIC.every((b, i) => bytes[i] === b);

/**
 * A file the user picked: a .zip of a data package, or a CSV of observations in the contract's
 * columns (comma CSV, or Dutch Excel's semicolon CSV), whose indicators and sources are those of
 * `base` (the workbook's tables, or the edition).
 */
export async function pullFromFile(name: string, bytes: Uint8Array, base: MonitorPackage, onProgress?: (message: string) => void): Promise<PullResult> {
  if (isZip(bytes)) return pullFromZip(name, bytes, onProgress);
  if (/\.zip$/i.test(name)) return { ok: false, problems: [sourceProblem(name, `${name} is geen zip-bestand (het begint niet zoals een zip).`)] };
  const text = decodeUtf8(bytes, name);
  if (!text.ok) return text;
  const csv = parseCsv(text.value, TABLE_NAMES.observations);
  if (!csv.ok) return csv;
  onProgress?.("Controleren…");
  const pkg = parsePackageTables(
    { observations: csv.value.rows, indicators: tableCells(INDICATOR_COLUMNS, base.indicators), sources: tableCells(SOURCE_COLUMNS, base.sources) },
    { observations: csv.value.dialect },
  );
  if (!pkg.ok) return pkg;
  return { ok: true, value: { package: pkg.value, edition: { name, title: name, version: "", referenceDate: "" }, origin: name } };
}

async function pullFromZip(name: string, bytes: Uint8Array, onProgress?: (message: string) => void): Promise<PullResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { ok: false, problems: [sourceProblem(name, `${name} is een beschadigd zip-bestand.`)] };
  }
  // datapackage.json at the top, or in the one folder the zip holds.
  const descriptors = Object.keys(zip.files).filter((path) => /^([^/]+\/)?datapackage\.json$/.test(path));
  if (descriptors.length !== 1) {
    return { ok: false, problems: [sourceProblem(name, descriptors.length ? `${name} bevat meer dan één datapackage.json.` : `${name} bevat geen datapackage.json; is dit een datapakket van de monitor?`)] };
  }
  const folder = descriptors[0].slice(0, -"datapackage.json".length);
  const descriptor = await (zip.file(descriptors[0]) as JSZip.JSZipObject).async("uint8array");
  return readPackage(
    { bytes: descriptor },
    async (path) => {
      const file = zip.file(folder + path);
      if (!file) throw new SourceError([sourceProblem(name, `${name}: ${path} ontbreekt in de zip, terwijl datapackage.json het noemt.`)]);
      return file.async("uint8array");
    },
    name,
    onProgress,
  );
}
