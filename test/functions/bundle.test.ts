import { readFileSync, statSync } from "fs";
import { join } from "path";
import { runInNewContext } from "vm";
import { buildBundles } from "../support/build";
import { validateOoxml, withValidator } from "../support/ooxml-validator";
import { shippedPackage } from "../support/fixtures";
import { MonitorPackage } from "../../src/data/types";

/**
 * dist/functions.js must load where Excel's custom functions runtime gives it nothing but
 * CustomFunctions.associate and Office.onReady: no window, no document, no fetch.
 */
describe("the built functions.js", () => {
  const outDir = buildBundles(["functions"]);
  const file = join(outDir, "functions.js");
  const code = readFileSync(file, "utf8");

  it("loads in a bare JavaScript context and associates every function", () => {
    const associated = new Map<string, (...args: unknown[]) => unknown>();
    let readyCallbacks = 0;
    const context = {
      CustomFunctions: { associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn) },
      Office: { onReady: (callback: () => void) => (readyCallbacks++, callback()) },
    };
    runInNewContext(code, context, { filename: "functions.js" });
    expect(associated.size).toBe(17);
    expect(readyCallbacks).toBe(1);
    // Calling works there too: a formula waits until told the workbook has no monitor tables,
    // then answers from the edition the pane hands over, indexed on first use.
    const cell = (id: string, ...args: unknown[]) => {
      const results: unknown[] = [];
      (associated.get(id) as (...a: unknown[]) => unknown)(...args, { setResult: (value: unknown) => results.push(value) });
      return results;
    };
    const early = cell("AANTAL", "Italiaans", 2022);
    expect(early).toEqual([]);
    (context as unknown as { LeidenMonitorFunctions: { resetData(edition: MonitorPackage): void } }).LeidenMonitorFunctions.resetData(shippedPackage());
    expect(early).toEqual([1253]);
    expect(cell("SHARE", "Italiaans", 2022)).toEqual([1253 / 14472]);
  });

  it("is small and carries no exceljs, zip or UI code", () => {
    // The queries, a store that edits update in place and the clerk's sentence patterns for every indicator in
    // two languages (about 8 KB); not the validation of tables (the pane validates them and hands over the store
    // built, about 20 KB) and not the shipped edition (33 KB of rows), which the pane hands over. 46.2 KB
    // measured, under the README's 64 KiB.
    expect(statSync(file).size).toBeLessThan(64 * 1024);
    expect(code).not.toMatch(/exceljs|JSZip|document\.|window\./i);
  });

  it("comes with functions.json", () => {
    const metadata = JSON.parse(readFileSync(join(outDir, "functions.json"), "utf8"));
    expect(metadata.functions).toHaveLength(17);
  });

  withValidator().it("passes the add-in schemas: functions.json and the built manifest", () => {
    const result = validateOoxml([join(outDir, "manifest.xml"), join(outDir, "functions.json")]);
    expect(result.output).toMatch(/validate-ooxml: OK, 2 file\(s\), 0 violations/);
  });
});
