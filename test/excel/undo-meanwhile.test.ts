import { MonitorPackage } from "../../src/data/types";
import { regenerate } from "../../src/excel/regenerate";
import { fakeRun, SheetModel, WorkbookModel } from "../support/fake-excel";
import { emptiedDataSheet } from "../support/data-sheet-states";
import { errorOf, withNthWriteRefused } from "../support/refuse-write";
import { asExcel, edition, generatedWorkbook, runLoadData, snapshot, userWorkbook } from "../support/workbooks";

/**
 * What the analyst does while Regenerate or a pull's first load runs (between two of its syncs)
 * is theirs, also when the add-in then has to put the workbook back (a refused sync, a cancel):
 * the undo removes only the sheets the add-in added and clears only what it wrote on a blank
 * sheet. Workbook states before and after, on the fake.
 */

/** Regenerate with `meanwhile` done once, at its first pause (after it inspected the workbook), and its `nth` write refused. */
async function regenerateRefusedWhile(model: WorkbookModel, meanwhile: () => void, nth = 1) {
  let done = false;
  const run = () =>
    fakeRun(model, (context) =>
      regenerate(asExcel(context), {
        edition,
        language: "nl",
        today: () => "2026-11-25",
        yieldToUi: async () => {
          if (!done) meanwhile();
          done = true;
        },
      }),
    );
  return errorOf(withNthWriteRefused(model, nth, run));
}

/** The workbook without `sheet`, to compare with the state before the analyst added it. */
function without(model: WorkbookModel, sheet: SheetModel): string {
  const others = model.sheets.filter((s) => s !== sheet);
  const copy = Object.assign(Object.create(Object.getPrototypeOf(model)) as WorkbookModel, model, { sheets: others });
  return snapshot(copy);
}

describe("a sheet the analyst adds while the add-in writes, when the add-in puts the workbook back", () => {
  it.each([
    ["Regenerate on a workbook without monitor sheets", userWorkbook],
    ["Regenerate on a workbook with its sheets (written again in place)", generatedWorkbook],
  ])("%s: the add-in's sheets are removed, the analyst's new sheet stays with what is on it", async (_what, make) => {
    const model = await make();
    const before = snapshot(model);
    let mine: SheetModel | null = null;
    const error = await regenerateRefusedWhile(model, () => {
      mine = model.addSheet("Mijn nieuwe blad");
      Object.assign(mine.cell(0, 0), { value: "belangrijk" });
    });
    expect(error).not.toBeNull();
    expect(mine).not.toBeNull();
    const theirs = mine as unknown as SheetModel;
    expect(model.sheets).toContain(theirs);
    expect(theirs.cell(0, 0).value).toBe("belangrijk");
    expect(without(model, theirs)).toBe(before);
  });

  it("a pull's first load that is cancelled: the Data sheet it began is removed, the analyst's new sheet stays", async () => {
    const model = userWorkbook();
    const before = snapshot(model);
    const next: MonitorPackage = { ...edition, observations: edition.observations.map((o) => (o.eenheid === "aantal" ? { ...o, waarde: o.waarde + 1 } : o)) };
    const cancel = new AbortController();
    let syncs = 0;
    let mine: SheetModel | null = null;
    const { result } = await runLoadData(model, next, {
      syncLimit: 8 * 1024,
      signal: cancel.signal,
      onProgress: () => {
        syncs++;
        if (syncs === 2) mine = model.addSheet("Mijn nieuwe blad");
        if (syncs === 3) cancel.abort();
      },
    });
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    const theirs = mine as unknown as SheetModel;
    expect(model.sheets).toContain(theirs);
    expect(without(model, theirs)).toBe(before);
  });
});

describe("a note the analyst types on the add-in's blank Data sheet while Regenerate writes its tables there", () => {
  it("stays when Excel refuses a sync and the sheet is put back: only what the tables' writes put there goes; the table style's look stays and is said", async () => {
    const model = await generatedWorkbook();
    const data = emptiedDataSheet(model);
    const before = snapshot(model);
    // Column AO: right of MonitorBronnen (Z:AF), the last of the three tables.
    const error = await regenerateRefusedWhile(model, () => Object.assign(data.cell(0, 40), { value: "mijn notitie" }));
    expect(error).not.toBeNull();
    expect((error as Error).message).toBe(
      "Excel weigerde een wijziging (Excel: GeneralException). De werkmap is teruggezet, op één ding na. Op het blad 'Data' zijn de tabellen die de invoegtoepassing schreef weer gewone cellen en is wat ze schreef weer weg, maar de opmaak van de tabelstijl (vulling, lettertype) blijft op A1:P113, R1:X23, Z1:AF6 staan als opmaak van de cellen zelf: Excel laat die na Converteren naar bereik staan, en de invoegtoepassing wist geen opmaak, om niets van uw eigen opmaak weg te nemen. Wilt u hem weg, kies dan op die cellen Start › Wissen › Opmaak wissen (dat wist daar ook uw eigen opmaak). Het blad is daardoor niet leeg; de volgende keer laden maakt een nieuw blad. Probeer het opnieuw.",
    );
    expect(data.cells.get("0,40")?.value).toBe("mijn notitie");
    data.cells.delete("0,40");
    // The look the three tables' style left (fake-excel's convertToRange): 1,024 cells, empty and General, with a fill (the headers also bold white).
    const looks = [...data.cells.values()].map((cell) => JSON.stringify(cell));
    expect([looks.length, [...new Set(looks)].sort()]).toEqual([
      1024,
      ['{"value":null,"formula":null,"numberFormat":"General","fill":"#4472C4","bold":true,"color":"#FFFFFF"}', '{"value":null,"formula":null,"numberFormat":"General","fill":"#D9E1F2"}'],
    ]);
    data.cells.clear();
    expect(snapshot(model)).toBe(before);
  });
});
