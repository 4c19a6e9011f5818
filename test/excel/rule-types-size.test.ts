import { SheetState } from "../../src/excel/inspect";
import { ruleFormulas } from "../../src/excel/references-scan";
import { FakeContext, fakeRun, RuleModel, WorkbookModel } from "../support/fake-excel";
import { asExcel } from "../support/workbooks";

/**
 * The reference scan reads the conditional formats of the other sheets (ruleFormulas): first each
 * format's type, to know which part of it holds its formulas. A sheet's formats split by copying
 * and pasting can run to hundreds of thousands; more than 5,000 (MAX_RULES) are not read one by
 * one (every sheet to be rebuilt then counts as referenced). The types are read at most 5,001 in
 * all, in the first sync with their number, so that a sheet of 340,000 formats (each type's JSON
 * 16 characters, "PresetCriteria": 5.4 MB of types, more than Excel on the web answers in one
 * response) still gets the safe answer, not a refused read. Where a sheet has more formats than
 * its share of that first read, and all are few enough, the rest of its types come in one sync
 * more, and every format's rule is still read.
 */

const MB = 1024 * 1024;

/** A sheet as the scan takes it (its name and its worksheet), out of a bare workbook. */
const asState = (context: FakeContext, name: string) => ({ name, sheet: asExcel(context).workbook.worksheets.getItem(name) }) as unknown as SheetState;

/** `count` one-cell formats down column A of `sheet`, each made by `rule(i)`. */
function addFormats(model: WorkbookModel, sheet: string, count: number, rule: (i: number) => Partial<RuleModel>): void {
  const formats = model.sheets.find((s) => s.name === sheet)!.conditionalFormats;
  for (let i = 0; i < count; i++) formats.push({ row: i, column: 0, rows: 1, columns: 1, ...rule(i) });
}

/** The scan's rules of `sheets`, its syncs and its largest response. */
async function rulesOf(model: WorkbookModel, sheets: string[]) {
  model.batches.length = 0;
  const { result, syncs } = await fakeRun(model, (context) => ruleFormulas(asExcel(context), sheets.map((name) => asState(context, name))));
  return { result, syncs, response: Math.max(...model.batches.map((b) => b.responseBytes)) };
}

describe("conditional formats' types, more than one response holds", () => {
  it("340,000 formats on a sheet: the safe side (null: every target referenced), in responses under 5 MB", async () => {
    const model = new WorkbookModel();
    model.addSheet("Mijn analyse");
    const many = 340_000;
    addFormats(model, "Mijn analyse", many, () => ({ type: "PresetCriteria" }));
    // What all their types weigh in one response, as the fake counts them (each type's JSON): over 5 MB.
    expect(many * JSON.stringify("PresetCriteria").length).toBeGreaterThan(5 * MB);
    const { result, response } = await rulesOf(model, ["Mijn analyse"]);
    expect(result).toBeNull();
    expect(response).toBeLessThan(5 * MB);
  }, 120_000);

  it("5,000 formats between two sheets, one with more than its share of the first read: every rule read, the last one's too", async () => {
    const model = new WorkbookModel();
    model.addSheet("Mijn analyse");
    model.addSheet("Notities");
    addFormats(model, "Mijn analyse", 4_990, (i) => ({ type: "Custom", formula: i === 4_989 ? "=A5000>Nationaliteiten!$B$6" : "=A1>0" }));
    addFormats(model, "Notities", 10, () => ({ type: "Custom", formula: "=A1>1" }));
    const { result } = await rulesOf(model, ["Mijn analyse", "Notities"]);
    expect(result).toHaveLength(5_000);
    expect(result!.filter((p) => p.text.includes("Nationaliteiten"))).toEqual([{ text: "=A5000>Nationaliteiten!$B$6", from: { kind: "conditionalFormat", sheet: "Mijn analyse" } }]);
    expect(result!.filter((p) => p.from.kind === "conditionalFormat" && p.from.sheet === "Notities")).toHaveLength(10);
  }, 120_000);

  it("a few formats on each sheet take no sync more: their types and validation in the first, their rules in the second", async () => {
    const model = new WorkbookModel();
    model.addSheet("Mijn analyse");
    model.addSheet("Notities");
    addFormats(model, "Mijn analyse", 3, () => ({ type: "Custom", formula: "=Nationaliteiten!$B$6>0" }));
    addFormats(model, "Notities", 2, () => ({ type: "Custom", formula: "=A1>1" }));
    const { result, syncs } = await rulesOf(model, ["Mijn analyse", "Notities"]);
    expect(result).toHaveLength(5);
    // Two, and the one fakeRun ends with (Excel.run's last sync, nothing queued).
    expect(syncs).toBe(3);
  });
});
