import { MonitorPackage } from "../../src/data/types";
import { pullFromCbs } from "../../src/sources/cbs/pull";
import { runLoadData } from "../../src/taskpane/excel-actions";
import { fakeRun, WorkbookModel } from "./fake-excel";
import { FakeSettings } from "./fake-settings";
import { UsedCbsServer } from "./use-cbs-server";
import { edition } from "./workbooks";

/** The workbook and the document's settings the pane's code reaches in the test that runs. */
export interface PaneOnFake {
  readonly model: WorkbookModel;
  readonly settings: FakeSettings;
}

/**
 * Office and Excel as the pane's own code reaches them (src/taskpane/excel-actions.ts:
 * `Office.context.document.settings`, `Excel.run`), over the fake. Before each test of the calling
 * file or describe block: the workbook `workbook` makes (an empty one unless told) and new, empty
 * document settings; after it, both globals as they were. Call it at the top level of the file or
 * a describe block; the handle's fields are read when a test runs, after its set-up.
 */
export function usePaneOnFake(workbook: () => WorkbookModel | Promise<WorkbookModel> = () => new WorkbookModel()): PaneOnFake {
  const saved = { office: (globalThis as { Office?: unknown }).Office, excel: (globalThis as { Excel?: unknown }).Excel };
  let current: PaneOnFake | undefined;
  beforeEach(async () => {
    const model = await workbook();
    const settings = new FakeSettings();
    current = { model, settings };
    Object.assign(globalThis, {
      Office: { context: { document: { settings } } },
      Excel: { run: async <T>(body: (context: unknown) => Promise<T>) => (await fakeRun(model, body as never)).result },
    });
  });
  afterEach(() => {
    Object.assign(globalThis, { Office: saved.office, Excel: saved.excel });
    current = undefined;
  });
  const used = (): PaneOnFake => current ?? (() => { throw new Error("the pane's fake is used outside a test"); })();
  return {
    get model() { return used().model; },
    get settings() { return used().settings; },
  };
}

/**
 * Pulls from the CBS stand-in as the pane makes them: `pulled(areas)` the package of 2022 and
 * 2023 for `areas`, which must come; `write(pkg)` that package written the pane's way (runLoadData
 * of excel-actions: compared with the snapshots the workbook keeps, within the pull's scope, its
 * memory saved), which must succeed. Needs usePaneOnFake.
 */
export function cbsPulls(cbs: UsedCbsServer) {
  const pulled = async (areas: string[]): Promise<MonitorPackage> => {
    const result = await pullFromCbs({ areas, from: 2022, to: 2023 }, cbs.options());
    if (!result.ok) throw new Error(`the pull of ${areas.join(", ")} failed`);
    return result.value.package;
  };
  const write = async (pkg: MonitorPackage) => {
    const result = await runLoadData({ pkg, source: { kind: "cbs", location: cbs.url, edition: { title: "CBS", version: "1", date: "2026-12-01" } as never } }, edition, {});
    if (!result.ok) throw new Error("the write failed");
    return result;
  };
  return { pulled, write };
}
