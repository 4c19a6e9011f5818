import { ChartModel, RuleModel, TableModel, WorkbookModel } from "../support/fake-excel";
import { editionChanged, onceDeleting, pullTexts as texts, sheetRowOf } from "../support/pull-stops";
import { edition, loadedWorkbook, runLoadData, sheetNamed } from "../support/workbooks";

/**
 * Issue 14, the put-back's own syncs: a pull that stops after deleting rows puts the rows back and
 * then writes back the rules over them (rules-watch.ts). An analyst's edit of such a rule made
 * while it does so, at any of its syncs (the rows going back, the formulas, the rules' own read
 * and write), stays as they made it and the pane names it, in Dutch and English; before, the
 * put-back wrote the rule as it was before the pull over their edit without a word.
 */
// As in pull-put-back-edited-rules.test.ts: three rows dropped far apart, each delete a sync of its own at 150 bytes, the row of observation 90 first.
const next = editionChanged(edition, 10, [20, 50, 90], 5);
const EDIT = "=C1>Data!$G$5";

/** The analyst's rule on their own sheet pointing at the row deleted first (Data!G92): the delete makes #REF! of it, the put-back writes it back. */
function analystRule(model: WorkbookModel, data: TableModel): RuleModel {
  expect(sheetRowOf(data, edition.observations[90])).toBe(91);
  const mine: RuleModel = { row: 0, column: 2, rows: 3, columns: 1, type: "Custom", formula: "=C1>Data!$G$92" };
  sheetNamed(model, "Mijn analyse").conditionalFormats.push(mine);
  return mine;
}

/** Cancels at the pull's first deleting sync; at the start of the `at`-th sync after the cancel (1: the put-back's first), does `edit`. Gives the result and the syncs after the cancel. */
async function cancelledEditingAt(model: WorkbookModel, data: TableModel, at: number, edit: () => void) {
  const cancel = new AbortController();
  let after = -1;
  model.meanwhile = () => {
    if (after < 0) return;
    if (++after === at) edit();
  };
  const onProgress = onceDeleting(data, data.box.rows + 5, () => {
    after = 0;
    cancel.abort();
  });
  const { result } = await runLoadData(model, next, { syncLimit: 150, signal: cancel.signal, onProgress });
  model.meanwhile = null;
  return { result, syncs: after };
}

const editedText = [
  "The pull had deleted rows of MonitorData on the sheet 'Data' when it stopped; they are back. Changed by you during the pull, so left as you made it and not put back: conditional formatting on the sheet 'Mijn analyse'.",
];
const editedTextNl = [
  "Het ophalen had al rijen van MonitorData op het blad 'Data' verwijderd toen het stopte; die staan er weer. Tijdens het ophalen door u gewijzigd, dus gelaten zoals u het maakte en niet teruggezet: voorwaardelijke opmaak op het blad 'Mijn analyse'.",
];

/**
 * Measured on the fake (main at 3a599d2, and the same with the looks): this cancel is followed by 22 syncs, the put-back's 21 (from the
 * one sending what was still queued to the rule's write) and Excel.run's own at the end (fakeRun: it sends what is still queued).
 */
const SYNCS_AFTER_CANCEL = 22;
const PUT_BACK_SYNCS = 21;

describe("an edit of a rule during the put-back of a stopped pull is the analyst's", () => {
  it("nothing edited: the rule comes back as it was, the pane names nothing, and the put-back takes as many syncs as before", async () => {
    const { model, data } = await loadedWorkbook();
    const mine = analystRule(model, data);
    const { result, syncs } = await cancelledEditingAt(model, data, 0, () => undefined);
    expect(mine.formula).toBe("=C1>Data!$G$92");
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
    expect(syncs).toBe(SYNCS_AFTER_CANCEL);
  });

  for (let at = 1; at <= PUT_BACK_SYNCS; at++) {
    it(`an edit at the put-back's sync ${at} of ${PUT_BACK_SYNCS} stays as typed, and the pane names it (en, nl)`, async () => {
      const { model, data } = await loadedWorkbook();
      const mine = analystRule(model, data);
      const { result } = await cancelledEditingAt(model, data, at, () => (mine.formula = EDIT));
      expect(mine.formula).toBe(EDIT);
      expect(result).toMatchObject({ ok: false, cancelled: true });
      expect(texts(result)).toEqual(editedText);
      expect(texts(result, "nl")).toEqual(editedTextNl);
    });
  }

  it("an edit at the rule's own write, just before it in its sync: the write overwrote it, and it is written back as the analyst made it, in one sync more", async () => {
    const { model, data } = await loadedWorkbook();
    const mine = analystRule(model, data);
    const { result, syncs } = await cancelledEditingAt(model, data, PUT_BACK_SYNCS, () => (mine.formula = EDIT));
    expect(mine.formula).toBe(EDIT);
    expect(texts(result)).toEqual(editedText);
    expect(syncs).toBe(SYNCS_AFTER_CANCEL + 1);
  });

  it("an edit at Excel.run's last sync, after the pull answered: it stays, and the pane (already written) says nothing of it", async () => {
    const { model, data } = await loadedWorkbook();
    const mine = analystRule(model, data);
    const { result } = await cancelledEditingAt(model, data, SYNCS_AFTER_CANCEL, () => (mine.formula = EDIT));
    expect(mine.formula).toBe(EDIT);
    expect(result).toEqual({ ok: false, problems: [], cancelled: true });
  });
});

/**
 * The same for a validation list and a chart series pointing into the rows deleted (as in
 * pull-put-back-edited-rules.test.ts): an edit at each sync of the put-back stays and is named.
 * Their put-back's syncs measured on the fake (main at 3a599d2), Excel.run's own at the end not counted.
 */
const kinds = [
  {
    kind: "validation",
    syncs: 19,
    named: ["data validation on the sheet 'Mijn analyse'", "gegevensvalidatie op het blad 'Mijn analyse'"],
    setUp: (model: WorkbookModel) => {
      const list: RuleModel = { row: 0, column: 3, rows: 1, columns: 1, type: "List", formula: "=Data!$D$85:$D$92" };
      const sheet = sheetNamed(model, "Mijn analyse");
      sheet.dataValidations.push(list);
      // Read from the sheet: a put-back clears the cells' validation and sets a new one (restoreValidations).
      return { edit: () => (sheet.dataValidations[0].formula = "=Data!$D$2:$D$4"), now: () => sheet.dataValidations.map((v) => v.formula).join(), was: "=Data!$D$85:$D$92", edited: "=Data!$D$2:$D$4" };
    },
  },
  {
    kind: "chart",
    syncs: 21,
    named: ["the chart 'Mijn grafiek' on the sheet 'Mijn analyse'", "de grafiek 'Mijn grafiek' op het blad 'Mijn analyse'"],
    setUp: (model: WorkbookModel) => {
      const chart = { name: "Mijn grafiek", type: "ColumnClustered", source: { row: 0, column: 0, rows: 3, columns: 2 }, dataSources: [{ values: "=Data!$G$85:$G$92", categories: "=Data!$D$92" }] } as ChartModel;
      sheetNamed(model, "Mijn analyse").charts.push(chart);
      return { edit: () => (chart.dataSources = [{ values: "=Data!$G$2:$G$4", categories: "=Data!$D$2" }]), now: () => JSON.stringify(chart.dataSources), was: JSON.stringify([{ values: "=Data!$G$85:$G$92", categories: "=Data!$D$92" }]), edited: JSON.stringify([{ values: "=Data!$G$2:$G$4", categories: "=Data!$D$2" }]) };
    },
  },
];

describe.each(kinds)("an edit of a $kind during the put-back of a stopped pull is the analyst's", ({ syncs, named, setUp }) => {
  const text = (language: "en" | "nl") => (language === "en" ? editedText[0] : editedTextNl[0]).replace(language === "en" ? "conditional formatting on the sheet 'Mijn analyse'" : "voorwaardelijke opmaak op het blad 'Mijn analyse'", named[language === "en" ? 0 : 1]);

  it("nothing edited: it comes back as it was, and the put-back takes as many syncs as before", async () => {
    const { model, data } = await loadedWorkbook();
    const rule = setUp(model);
    const { result, syncs: after } = await cancelledEditingAt(model, data, 0, () => undefined);
    expect([rule.now(), texts(result)]).toEqual([rule.was, []]);
    expect(after).toBe(syncs + 1);
  });

  it.each(Array.from({ length: syncs }, (_, k) => k + 1))("an edit at the put-back's sync %i stays as made, and the pane names it (en, nl)", async (at) => {
    const { model, data } = await loadedWorkbook();
    const rule = setUp(model);
    const { result } = await cancelledEditingAt(model, data, at, rule.edit);
    expect(rule.now()).toBe(rule.edited);
    expect(texts(result)).toEqual([text("en")]);
    expect(texts(result, "nl")).toEqual([text("nl")]);
  });
});
