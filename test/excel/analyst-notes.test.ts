import { Comparison } from "../../src/data/compare";
import { MonitorPackage, Observation } from "../../src/data/types";
import { comparisonLines } from "../../src/taskpane/comparison-lines";
import { paneTexts } from "../../src/taskpane/i18n";
import { WorkbookModel } from "../support/fake-excel";
import { edition, runLoadData, tableNamed, tableValues, userWorkbook } from "../support/workbooks";

/**
 * A note is the analyst's as much as a figure is: a workbook state before and after Load data
 * (the pane's "Opnieuw ophalen") on the Excel fake, where only the Toelichting of one row differs.
 */
const COLUMN = { groep: 3, indicator: 1, waarde: 6, toelichting: 12 } as const;
const isItalianRow = (r: unknown[]) => r[COLUMN.indicator] === "inwoners" && r[COLUMN.groep] === "Italiaans" && r[5] === "2022" && r[2] === "Leiden";
const isItalian = (o: Observation) => o.indicator === "inwoners" && o.groep === "Italiaans" && o.periode === "2022" && o.gebied === "Leiden";

async function loaded(): Promise<WorkbookModel> {
  const model = userWorkbook();
  await runLoadData(model);
  return model;
}

function setItalianNote(model: WorkbookModel, note: string): void {
  const data = tableNamed(model, "MonitorData");
  if (!data) throw new Error("no MonitorData");
  const row = data.sheet.values(data.box).findIndex(isItalianRow);
  expect(data.sheet.values(data.box)[0][COLUMN.toelichting]).toBe("Toelichting");
  Object.assign(data.sheet.cell(data.box.row + row, data.box.column + COLUMN.toelichting), { value: note, formula: null });
}

const italianRow = (model: WorkbookModel) => tableValues(model, "MonitorData").find(isItalianRow);

/** The lines the pane shows of a comparison, in English and in Dutch. */
const lines = (c: Comparison) => ({ en: comparisonLines(c, paneTexts("en"), "en").items, nl: comparisonLines(c, paneTexts("nl"), "nl").items });

describe("an analyst's note on a figure of the edition", () => {
  it("survives Load data again: their note is kept and reported, the figure beside it unchanged", async () => {
    const model = await loaded();
    setItalianNote(model, "Nagevraagd bij Burgerzaken: klopt.");
    const { result } = await runLoadData(model);
    if (!result.ok) throw new Error("expected ok");
    expect(italianRow(model)?.[COLUMN.toelichting]).toBe("Nagevraagd bij Burgerzaken: klopt.");
    expect(italianRow(model)?.[COLUMN.waarde]).toBe(1253);
    expect(result.comparison.kept.map((k) => [k.row.groep, k.row.toelichting, k.source?.toelichting])).toEqual([["Italiaans", "Nagevraagd bij Burgerzaken: klopt.", ""]]);
    expect([result.comparison.added, result.comparison.changed, result.comparison.removed]).toEqual([[], [], []]);
    expect(result.comparison.unchanged).toBe(edition.observations.length - 1);
    // The pane says what the analyst's edit was, not "your own row", which it is not.
    expect(lines(result.comparison)).toEqual({
      en: ["= Italiaans · Leiden · 2022 (inwoners): 1,253, your Toelichting stays (the source has the same figure)"],
      nl: ["= Italiaans · Leiden · 2022 (inwoners): 1.253, uw Toelichting blijft staan (de bron heeft hetzelfde cijfer)"],
    });
  });
});

describe("a source that changes only a note", () => {
  it("on an untouched workbook: the new note is written, and the pane says the note changed, not the figure", async () => {
    const model = await loaded();
    const renoted: MonitorPackage = { ...edition, observations: edition.observations.map((o) => (isItalian(o) ? { ...o, toelichting: "Herzien: inclusief tijdelijke inschrijvingen." } : o)) };
    const { result } = await runLoadData(model, renoted);
    if (!result.ok) throw new Error("expected ok");
    expect(result.comparison.changed.map((c) => [c.before.toelichting, c.after.toelichting, c.after.waarde])).toEqual([["", "Herzien: inclusief tijdelijke inschrijvingen.", 1253]]);
    expect(result.comparison.kept).toEqual([]);
    expect(italianRow(model)?.[COLUMN.toelichting]).toBe("Herzien: inclusief tijdelijke inschrijvingen.");
    // Not "1,253 → 1,253": the figure stays, the note changed.
    expect(lines(result.comparison)).toEqual({
      en: ["~ Italiaans · Leiden · 2022 (inwoners): 1,253, the source changed Toelichting"],
      nl: ["~ Italiaans · Leiden · 2022 (inwoners): 1.253, de bron wijzigde Toelichting"],
    });
  });
});
