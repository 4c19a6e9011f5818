import { snapshotOf } from "../../src/data/compare";
import { MonitorPackage } from "../../src/data/types";
import { restorable } from "../../src/excel/restore-cells";
import { problemText } from "../../src/text/problems";
import { FakeContext, TableModel, WorkbookModel } from "../support/fake-excel";
import { pullRefusedWhileWriting } from "../support/refuse-write";
import { edition, runLoadData, snapshot, tableNamed, userWorkbook } from "../support/workbooks";

/**
 * A pull that is cancelled or refused puts text back as text: a Toelichting the add-in wrote as
 * a literal ("=1200+53 (som van twee wijken)") reads back through `formulas` without its
 * apostrophe (office-js #6687), and must not come back as a formula.
 */
const TEXTS = ["=1200+53 (som van twee wijken)", "+3 ten opzichte van 2021", "-voorlopig cijfer", "@gemeente: eigen telling"];
const TOELICHTING = 12;

function withTexts(): MonitorPackage {
  const pkg = structuredClone(edition);
  TEXTS.forEach((text, i) => (pkg.observations[i].toelichting = text));
  return pkg;
}

async function loaded(): Promise<{ model: WorkbookModel; data: TableModel; first: MonitorPackage }> {
  const model = userWorkbook();
  const first = withTexts();
  await runLoadData(model, first);
  const data = tableNamed(model, "MonitorData");
  if (!data) throw new Error("no MonitorData");
  return { model, data, first };
}

const toelichtingen = (data: TableModel) => TEXTS.map((_, i) => {
  const cell = data.sheet.cell(data.box.row + 1 + i, data.box.column + TOELICHTING);
  return { value: cell.value, formula: cell.formula };
});
const asText = TEXTS.map((value) => ({ value, formula: null }));

/** The next edition: every count one higher, the four texts changed (written) or the rows dropped (deleted). */
function next(first: MonitorPackage, drop: boolean): MonitorPackage {
  const pkg = structuredClone(first);
  for (const o of pkg.observations) if (o.eenheid === "aantal") o.waarde += 1;
  if (drop) pkg.observations.splice(0, TEXTS.length);
  else TEXTS.forEach((_, i) => (pkg.observations[i].toelichting = `nieuwe noot ${i}`));
  return pkg;
}

describe("a pull put back after a cancel or a refusal keeps text as text", () => {
  it("the add-in writes the texts as literal text", async () => {
    const { data } = await loaded();
    expect(toelichtingen(data)).toEqual(asText);
  });

  it("overwritten cells: a refusal in the middle of the write", async () => {
    const { model, data, first } = await loaded();
    const before = snapshot(model);
    const { result } = await pullRefusedWhileWriting(model, next(first, false), first, 4);
    expect(!result.ok && problemText(result.problems[0], "nl")).toBe("Excel weigerde een wijziging (Excel: InsertDeleteConflict); de werkmap is teruggezet zoals hij was.");
    expect(toelichtingen(data)).toEqual(asText);
    expect(snapshot(model)).toBe(before);
  });

  it("overwritten cells: a cancel", async () => {
    const { model, data, first } = await loaded();
    const before = snapshot(model);
    const cancel = new AbortController();
    let syncs = 0;
    const { result } = await runLoadData(model, next(first, false), { syncLimit: 2 * 1024, previous: new Set(snapshotOf(first)), signal: cancel.signal, onProgress: () => void (++syncs === 4 && cancel.abort()) });
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(toelichtingen(data)).toEqual(asText);
    expect(snapshot(model)).toBe(before);
  });

  it("deleted rows added again: Excel reports a failure after the deletes ran", async () => {
    const { model, data, first } = await loaded();
    const before = snapshot(model);
    const rows = data.box.rows;
    const original = FakeContext.prototype.sync;
    let refused = false;
    const spy = jest.spyOn(FakeContext.prototype, "sync").mockImplementation(async function (this: FakeContext) {
      await original.call(this);
      // The sync that deleted the dropped rows ran, and is reported refused: the undo starts from what Excel holds.
      if (!refused && tableNamed(model, "MonitorData")!.box.rows === rows - TEXTS.length) {
        refused = true;
        throw Object.assign(new Error("refused"), { code: "InsertDeleteConflict" });
      }
    });
    try {
      const { result } = await runLoadData(model, next(first, true), { previous: new Set(snapshotOf(first)) });
      // A refused delete: the pane says what under the table can cause it (load.deleteRefused), and that the workbook was put back.
      expect(!result.ok && problemText(result.problems[0], "nl")).toMatch(/^Uit MonitorData moesten 4 rijen weg, en Excel weigerde die te verwijderen \(Excel: InsertDeleteConflict\)\. .* De werkmap is teruggezet zoals hij was\. /);
    } finally {
      spy.mockRestore();
    }
    expect(refused).toBe(true);
    expect(toelichtingen(data)).toEqual(asText);
    expect(snapshot(model)).toBe(before);
  });
});

describe("restorable", () => {
  it("puts constants back as literals and only real formulas as formulas", () => {
    expect(
      restorable(
        ["=1200+53 (som van twee wijken)", "=1000+2", "-voorlopig", "@x", "+3", 12, "", "'al", "=A1", true],
        ["=1200+53 (som van twee wijken)", 1002, "-voorlopig", "@x", "+3", 12, "", "'al", "=A1", true],
        ["@", "General", "General", "@", "General", "0", "General", "@", "@", "General"],
      ),
    ).toEqual(["'=1200+53 (som van twee wijken)", "=1000+2", "'-voorlopig", "'@x", "'+3", 12, "", "''al", "'=A1", true]);
  });

  it("a formula in a General cell whose result differs from its text is a formula; the same text read as its value is text", () => {
    expect(restorable(["=B2*2", "=x"], [84, "=x"], ["General", "General"])).toEqual(["=B2*2", "'=x"]);
  });
});
