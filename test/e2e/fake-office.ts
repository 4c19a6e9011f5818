/**
 * Stands in for office.js in the browser test of the pane's Excel mode: `Office` says the host
 * is Excel, `Excel.run` runs on the fake Excel object model, `CustomFunctions` records what the
 * functions bundle registers, and `Office.actions` what the ribbon commands register. The test
 * reads and drives all of it through `window.__fakeOffice`.
 */
import { FakeContext, WorkbookModel } from "../support/fake-excel";
import { callExcel, ErrorCode, FakeCustomFunctionsError } from "../support/custom-functions-fake";

const model = new WorkbookModel();
const sheet = model.addSheet("Blad1");
Object.assign(sheet.cell(0, 0), { value: "Mijn blad" });
model.selection = { sheet: "Blad1", box: { row: 2, column: 1, rows: 1, columns: 1 } };

const functions = new Map<string, (...args: unknown[]) => unknown>();
const actions = new Map<string, (event: { completed: () => void }) => unknown>();
const settings = new Map<string, unknown>();
let syncs = 0;
let paneShown = 0;

const info = { host: "Excel", platform: "OfficeOnline" };
/** Excel's display language: Dutch, unless the test set another before the page loaded (page.addInitScript). */
const displayLanguage = (globalThis as { __fakeOfficeDisplayLanguage?: string }).__fakeOfficeDisplayLanguage ?? "nl-NL";
Object.assign(globalThis, {
  Office: {
    HostType: { Excel: "Excel" },
    onReady: (callback?: (i: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage,
      requirements: { isSetSupported: (name: string, version: string) => name === "ExcelApi" && Number(version) <= 1.17 },
      document: { settings: { get: (k: string) => settings.get(k) ?? null, set: (k: string, v: unknown) => settings.set(k, v), remove: (k: string) => settings.delete(k), saveAsync: (cb?: (result: { status: string }) => void) => cb?.({ status: "succeeded" }) } },
    },
    actions: { associate: (id: string, fn: (event: { completed: () => void }) => unknown) => actions.set(id, fn) },
    addin: { showAsTaskpane: async () => void paneShown++ },
  },
  Excel: {
    run: async <T>(body: (context: FakeContext) => Promise<T>) => {
      const context = new FakeContext(model);
      const result = await body(context);
      await context.sync();
      syncs += context.syncs;
      return result;
    },
  },
  CustomFunctions: { associate: (id: string, fn: (...args: unknown[]) => unknown) => functions.set(id, fn), Error: FakeCustomFunctionsError, ErrorCode },
  __fakeOffice: {
    model,
    /** What a cell with this formula shows: its value, `{ error, message }`, or `{ pending }` while the functions wait for the workbook's tables. */
    call: (id: string, ...args: unknown[]) => {
      const fn = functions.get(id);
      return fn ? callExcel(fn, ...args) : undefined;
    },
    functionIds: () => [...functions.keys()],
    runAction: (id: string) => new Promise<void>((resolve) => void actions.get(id)?.({ completed: resolve })),
    syncs: () => syncs,
    paneShown: () => paneShown,
  },
});
