import { INDICATOR_COLUMNS, SOURCE_COLUMNS, tableCells } from "../data/columns";
import { decodeUtf8, parseCsv } from "../data/csv";
import { TABLE_NAMES, parsePackageTables } from "../data/package";
import { MonitorPackage } from "../data/types";
import { ByteLimits, DEFAULT_LIMITS, fileTooLarge } from "./limits";
import { PullResult, sourceProblem } from "./types";
import { pullFromZip } from "./zip-source";
import { AnyMessage, say } from "../text/message";
import { SOURCES } from "../text/sources";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const isZip = (bytes: Uint8Array) => ZIP_MAGIC.every((b, i) => bytes[i] === b);

/**
 * A file the user picked: a .zip of a data package, or a CSV of observations in the contract's
 * columns (comma CSV, or Dutch Excel's semicolon CSV), whose indicators and sources are those of
 * `base` (the workbook's tables, or the edition). Bounded like every read (`limits`).
 */
export async function pullFromFile(name: string, bytes: Uint8Array, base: MonitorPackage, onProgress?: (message: AnyMessage) => void, limits: ByteLimits = DEFAULT_LIMITS): Promise<PullResult> {
  const tooLarge = fileTooLarge(name, bytes.byteLength, limits);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  if (isZip(bytes)) return pullFromZip(name, bytes, onProgress, limits);
  if (/\.zip$/i.test(name)) return { ok: false, problems: [sourceProblem(name, say(SOURCES.notZip, { name }))] };
  const text = decodeUtf8(bytes, name);
  if (!text.ok) return text;
  const csv = parseCsv(text.value, TABLE_NAMES.observations);
  if (!csv.ok) return csv;
  onProgress?.(say(SOURCES.checking));
  const pkg = parsePackageTables(
    { observations: csv.value.rows, indicators: tableCells(INDICATOR_COLUMNS, base.indicators), sources: tableCells(SOURCE_COLUMNS, base.sources) },
    { observations: csv.value.dialect },
  );
  if (!pkg.ok) return pkg;
  return { ok: true, value: { package: pkg.value, edition: { name, title: name, version: "", referenceDate: "" }, origin: name } };
}
