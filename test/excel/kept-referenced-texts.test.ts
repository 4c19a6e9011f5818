import { MARK_KEY } from "../../src/excel/marks";
import { EXCEL } from "../../src/text/excel";
import { say, textsOf } from "../../src/text/message";
import { PANE_OUTCOMES } from "../../src/text/outcomes";
import type { Reference } from "../../src/text/references";
import { notesText } from "../support/notes";
import { duitsMovesUp, generatedWorkbook, regenerated, sheetNamed, sheetState } from "../support/workbooks";

/**
 * A monitor sheet kept because something points into it says what: formulas on a sheet, a
 * conditional format or data validation on a sheet, a chart's series, a PivotTable's source, a
 * defined name; or what could not be checked. Its note on the sheet (EXCEL.keptSheet) and the
 * pane's line (PANE_OUTCOMES.keptItem), in Dutch and English, for each kind; on the fake, a chart beside a
 * formula and a workbook's defined name, as Regenerate reports them.
 */
const sheetNote = (by: Reference[], moves = true) => textsOf(say(EXCEL.keptSheet, { why: "referenced", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", by, moves }));
const paneLine = (by: Reference[], moves = true) => textsOf(say(PANE_OUTCOMES.keptItem, { why: "referenced", name: "Nationaliteiten 2026-11-25", was: "Nationaliteiten", by, moves }));

const NL_KEPT = "het blad staat ongewijzigd onder 'Nationaliteiten 2026-11-25', zodat wat ernaar verwijst blijft tonen wat het toonde.";
const EN_KEPT = "the sheet is kept unchanged as 'Nationaliteiten 2026-11-25', so what points into it keeps showing what it showed.";

describe("what points into a kept sheet, as its note says it", () => {
  it.each<[string, Reference, string, string]>([
    ["formulas on a sheet", { kind: "formula", sheet: "Mijn analyse" }, "Formules op het blad 'Mijn analyse' verwijzen", "Formulas on the sheet 'Mijn analyse' point"],
    ["a conditional format", { kind: "conditionalFormat", sheet: "Mijn analyse" }, "Voorwaardelijke opmaak op het blad 'Mijn analyse' verwijst", "Conditional formatting on the sheet 'Mijn analyse' points"],
    ["data validation", { kind: "validation", sheet: "Mijn analyse" }, "Gegevensvalidatie op het blad 'Mijn analyse' verwijst", "Data validation on the sheet 'Mijn analyse' points"],
    ["a chart's series", { kind: "chart", sheet: "Mijn analyse", chart: "Mijn grafiek" }, "De grafiek 'Mijn grafiek' op het blad 'Mijn analyse' verwijst", "The chart 'Mijn grafiek' on the sheet 'Mijn analyse' points"],
    ["a PivotTable's source", { kind: "pivot", pivot: "MijnDraaitabel" }, "De draaitabel 'MijnDraaitabel' verwijst", "The PivotTable 'MijnDraaitabel' points"],
    ["a defined name", { kind: "name", name: "Woonduur_kort" }, "De gedefinieerde naam 'Woonduur_kort' verwijst", "The defined name 'Woonduur_kort' points"],
  ])("%s", (_what, reference, nl, en) => {
    expect(sheetNote([reference])).toEqual({
      nl: `${nl} naar dit blad en de nieuwe indeling zou de cijfers verplaatsen; ${NL_KEPT}`,
      en: `${en} into this sheet and the new layout would move its figures; ${EN_KEPT}`,
    });
    const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
    expect(paneLine([reference])).toEqual({
      nl: `'Nationaliteiten 2026-11-25': ${lower(nl)} ernaar en de nieuwe indeling zou de cijfers verplaatsen; ongewijzigd bewaard, zodat wat ernaar verwijst blijft tonen wat het toonde.`,
      en: `'Nationaliteiten 2026-11-25': ${lower(en)} into it and the new layout would move its figures; kept unchanged, so what points into it keeps showing what it showed.`,
    });
  });

  it("several: listed, the fourth and later counted; a layout that stays is not said to move", () => {
    const by: Reference[] = [
      { kind: "formula", sheet: "Mijn analyse" },
      { kind: "chart", sheet: "Mijn analyse", chart: "Mijn grafiek" },
    ];
    expect(sheetNote(by, false)).toEqual({
      nl: `Formules op het blad 'Mijn analyse' en de grafiek 'Mijn grafiek' op het blad 'Mijn analyse' verwijzen naar dit blad; ${NL_KEPT}`,
      en: `Formulas on the sheet 'Mijn analyse' and the chart 'Mijn grafiek' on the sheet 'Mijn analyse' point into this sheet; ${EN_KEPT}`,
    });
    const many: Reference[] = [...by, { kind: "pivot", pivot: "P1" }, { kind: "name", name: "N1" }, { kind: "name", name: "N2" }];
    expect(sheetNote(many).en).toBe(`Formulas on the sheet 'Mijn analyse', the chart 'Mijn grafiek' on the sheet 'Mijn analyse' and 3 more point into this sheet and the new layout would move its figures; ${EN_KEPT}`);
    expect(sheetNote(many).nl).toBe(`Formules op het blad 'Mijn analyse', de grafiek 'Mijn grafiek' op het blad 'Mijn analyse' en nog 3 andere verwijzen naar dit blad en de nieuwe indeling zou de cijfers verplaatsen; ${NL_KEPT}`);
  });

  it("what could not be checked is said as such, not as the user's formulas", () => {
    expect(sheetNote([{ kind: "unchecked", what: "pivots" }])).toEqual({
      nl: "Niet na te gaan of draaitabellen naar dit blad verwijzen (te veel om te lezen, of Excel kan het niet zeggen) en de nieuwe indeling zou de cijfers verplaatsen; het blad staat ongewijzigd onder 'Nationaliteiten 2026-11-25'.",
      en: "Whether PivotTables point into this sheet cannot be checked (too many to read, or Excel cannot say), and the new layout would move its figures; the sheet is kept unchanged as 'Nationaliteiten 2026-11-25'.",
    });
    expect(paneLine([{ kind: "unchecked", what: "formulas" }])).toEqual({
      nl: "'Nationaliteiten 2026-11-25': niet na te gaan of formules op andere bladen ernaar verwijzen (te veel om te lezen, of Excel kan het niet zeggen) en de nieuwe indeling zou de cijfers verplaatsen; ongewijzigd bewaard.",
      en: "'Nationaliteiten 2026-11-25': whether formulas on other sheets point into it cannot be checked (too many to read, or Excel cannot say), and the new layout would move its figures; kept unchanged.",
    });
  });
});

describe("Regenerate's note on a kept sheet, on the fake", () => {
  it("a chart and a formula on the user's sheet point into Nationaliteiten: both named, each once", async () => {
    const model = await generatedWorkbook();
    const mine = sheetNamed(model, "Mijn analyse");
    Object.assign(mine.cell(5, 1), { formula: "=Nationaliteiten!B6" });
    Object.assign(mine.cell(6, 1), { formula: "=Nationaliteiten!B7*2" });
    const chart = JSON.parse(JSON.stringify(sheetNamed(model, "Nationaliteiten").charts[0]));
    mine.charts.push({ ...chart, name: "Mijn grafiek", dataSources: [{ values: "=Nationaliteiten!$B$6:$B$10", categories: "=Nationaliteiten!$A$6:$A$10" }] });
    duitsMovesUp(model);
    const result = await regenerated(model);
    expect(result.kept).toEqual([
      {
        key: "nationaliteiten",
        name: "Nationaliteiten 2026-11-25",
        was: "Nationaliteiten",
        why: "referenced",
        by: [
          { kind: "formula", sheet: "Mijn analyse" },
          { kind: "chart", sheet: "Mijn analyse", chart: "Mijn grafiek" },
        ],
        moves: true,
      },
    ]);
    const outcome = result.sheets.find((s) => s.key === "nationaliteiten");
    // The kept sheet keeps its tables' names, so the fresh sheet's tables get suffixes (the note before).
    expect(notesText(outcome, "en")).toBe(
      `Table name in use: lm_nationaliteiten_aantal, lm_nationaliteiten_groei got suffixes. Formulas on the sheet 'Mijn analyse' and the chart 'Mijn grafiek' on the sheet 'Mijn analyse' point into this sheet and the new layout would move its figures; ${EN_KEPT}`,
    );
    expect(notesText(outcome, "nl")).toBe(
      `Tabelnamen al in gebruik: lm_nationaliteiten_aantal, lm_nationaliteiten_groei kregen een achtervoegsel. Formules op het blad 'Mijn analyse' en de grafiek 'Mijn grafiek' op het blad 'Mijn analyse' verwijzen naar dit blad en de nieuwe indeling zou de cijfers verplaatsen; ${NL_KEPT}`,
    );
  });

  it("a workbook's defined name pointing into Woonduur keeps it, unchanged, named in the note; no layout is said to move", async () => {
    const model = await generatedWorkbook();
    const woonduur = sheetNamed(model, "Woonduur");
    model.names.push({ name: "Woonduur_kort", formula: "=Woonduur!$B$6", sheet: null });
    const theirs = JSON.stringify(sheetState(woonduur));
    const result = await regenerated(model);
    expect(result.kept).toEqual([{ key: "woonduur", name: "Woonduur 2026-11-25", was: "Woonduur", why: "referenced", by: [{ kind: "name", name: "Woonduur_kort" }], moves: false }]);
    expect(JSON.stringify(sheetState(woonduur))).toBe(theirs);
    expect(woonduur.customProperties.has(MARK_KEY)).toBe(false);
    expect(model.names).toEqual([{ name: "Woonduur_kort", formula: "='Woonduur 2026-11-25'!$B$6", sheet: null }]);
    const outcome = result.sheets.find((s) => s.key === "woonduur");
    expect(notesText(outcome, "nl")).toBe(
      "Tabelnaam al in gebruik: lm_woonduur_woonduur kreeg een achtervoegsel. De gedefinieerde naam 'Woonduur_kort' verwijst naar dit blad; het blad staat ongewijzigd onder 'Woonduur 2026-11-25', zodat wat ernaar verwijst blijft tonen wat het toonde.",
    );
    expect(notesText(outcome, "en")).toBe(
      "Table name in use: lm_woonduur_woonduur got a suffix. The defined name 'Woonduur_kort' points into this sheet; the sheet is kept unchanged as 'Woonduur 2026-11-25', so what points into it keeps showing what it showed.",
    );
  });
});
