import { fakeRun, WorkbookModel } from "./fake-excel";
import { FakeSettings } from "./fake-settings";

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
