import { MARK_KEY } from "../../src/excel/marks";
import { say, textOf } from "../../src/text/message";
import { PANE_OUTCOMES } from "../../src/text/outcomes";
import { edition, generatedWorkbook, runLoadData, runRegenerate, sheetNamed } from "../support/workbooks";

/**
 * A corrected edition that no longer has an indicator (the publisher withdrew every woonduur
 * figure; review R2): the pull deletes those rows, and Regenerate has no plan for Woonduur any
 * more. Its old sheet is then the old sheet of a new layout without a new one: removed when it
 * is exactly as the add-in wrote it and nothing points into it, else kept unchanged under a
 * dated name without the add-in's mark; the pane says which, never leaving it marked, silent
 * and showing figures the data no longer has.
 */

const withdrawn = { ...edition, observations: edition.observations.filter((o) => o.indicator !== "woonduur") };

async function pulledAndRegenerated(model: Awaited<ReturnType<typeof generatedWorkbook>>) {
  expect((await runLoadData(model, withdrawn)).result.ok).toBe(true);
  const { result } = await runRegenerate(model, withdrawn);
  if (!result.ok) throw new Error("regenerate failed");
  return result;
}

describe("a sheet whose figures left the data", () => {
  it("is removed when it is exactly as written and nothing points into it, and the pane says so", async () => {
    const model = await generatedWorkbook();
    expect(sheetNamed(model, "Woonduur").customProperties.has(MARK_KEY)).toBe(true);
    const others = model.sheets.filter((s) => s.name !== "Woonduur").map((s) => s.name);
    const result = await pulledAndRegenerated(model);
    expect(model.sheets.map((s) => s.name)).toEqual(others);
    expect(result.removed).toEqual([{ key: "woonduur", name: "Woonduur" }]);
    expect(result.kept).toEqual([]);
    expect(result.sheets.some((s) => s.key === "woonduur")).toBe(false);
    expect(textOf(say(PANE_OUTCOMES.withdrawnRemoved, { name: "Woonduur" }), "en")).toBe(
      "'Woonduur': the data has no figures for this sheet any more; it was exactly as the add-in wrote it and nothing pointed into it, so it was removed.",
    );
  });

  it("is kept unchanged under a dated name, without the mark, while a formula points into it", async () => {
    const model = await generatedWorkbook();
    const woonduur = sheetNamed(model, "Woonduur");
    const shown = woonduur.cell(6, 1).value;
    expect(typeof shown).toBe("number");
    Object.assign(sheetNamed(model, "Mijn analyse").cell(7, 0), { formula: "=Woonduur!B7", value: shown });
    const result = await pulledAndRegenerated(model);
    expect(result.removed).toEqual([]);
    expect(result.kept).toEqual([{ key: "woonduur", name: "Woonduur 2026-11-25", was: "Woonduur", why: "referenced", by: [{ kind: "formula", sheet: "Mijn analyse" }], moves: false, withdrawn: true }]);
    expect(woonduur.name).toBe("Woonduur 2026-11-25");
    expect(woonduur.customProperties.has(MARK_KEY)).toBe(false);
    expect(woonduur.cell(6, 1).value).toBe(shown);
    expect(model.sheets.some((s) => s.name === "Woonduur")).toBe(false);
    expect(textOf(say(PANE_OUTCOMES.withdrawnKept, { name: "Woonduur 2026-11-25", was: "Woonduur", why: "referenced", by: [{ kind: "formula", sheet: "Mijn analyse" }] }), "nl")).toBe(
      "'Woonduur 2026-11-25': de gegevens hebben geen cijfers meer voor 'Woonduur'; formules op het blad 'Mijn analyse' verwijzen ernaar, dus het blad is ongewijzigd bewaard, met de cijfers die het toonde. Het is nu uw eigen blad en wordt niet meer bijgewerkt.",
    );
  });

  it("is kept when it holds something of the analyst's", async () => {
    const model = await generatedWorkbook();
    Object.assign(sheetNamed(model, "Woonduur").cell(3, 8), { value: "mijn opmerking" });
    const result = await pulledAndRegenerated(model);
    expect(result.removed).toEqual([]);
    expect(result.kept).toEqual([{ key: "woonduur", name: "Woonduur 2026-11-25", was: "Woonduur", why: "edited", withdrawn: true }]);
    const kept = sheetNamed(model, "Woonduur 2026-11-25");
    expect(kept.customProperties.has(MARK_KEY)).toBe(false);
    expect(kept.cell(3, 8).value).toBe("mijn opmerking");
    // A further Regenerate leaves it alone: it is the analyst's sheet now.
    const again = await runRegenerate(model, withdrawn);
    if (!again.result.ok) throw new Error("regenerate failed");
    expect(again.result.kept).toEqual([]);
    expect(again.result.removed).toEqual([]);
    expect(model.sheets.some((s) => s.name === "Woonduur 2026-11-25")).toBe(true);
  });
});
