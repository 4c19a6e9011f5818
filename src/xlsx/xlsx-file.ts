import * as ExcelJS from "exceljs";
import { closeSync, openSync, renameSync, rmSync, writeSync } from "fs";
import { basename, dirname, join } from "path";
import { WorkbookPlan } from "../report/types";
import { NodeDeflateEntry } from "./node-deflate";
import { writeXlsx } from "./workbook";

/**
 * Writes the .xlsx to `path` as it is rendered, in Node (the CLI), and returns its size in
 * bytes. The package goes to a temporary file beside it, renamed into place only when complete:
 * a failure at any point leaves no file and no half-written workbook.
 */
export async function writeXlsxFile(plan: WorkbookPlan, path: string): Promise<number> {
  const partial = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  const fd = openSync(partial, "w");
  let bytes = 0;
  try {
    await writeXlsx(plan, ExcelJS, {
      sink: (chunk) => {
        for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at);
        bytes += chunk.length;
      },
      streamedEntry: (filename, mtime) => new NodeDeflateEntry(filename, mtime),
    });
    closeSync(fd);
    renameSync(partial, path);
    return bytes;
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(partial, { force: true });
    throw e;
  }
}
