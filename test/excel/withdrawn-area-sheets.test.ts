import { snapshotOf } from "../../src/data/compare";
import { runSteps } from "../../src/data/slices";
import { MonitorStore } from "../../src/data/store";
import { MonitorPackage } from "../../src/data/types";
import { MARK_KEY } from "../../src/excel/marks";
import { heldAreaKeysInSteps } from "../../src/report/area-sheets";
import { pullFromCbs } from "../../src/sources/cbs/pull";
import { say, textOf } from "../../src/text/message";
import { PANE_OUTCOMES } from "../../src/text/outcomes";
import { WorkbookModel } from "../support/fake-excel";
import { useCbsServer } from "../support/use-cbs-server";
import { edition, markKey, runLoadData, runRegenerate, sheetNamed, sheetState, userWorkbook } from "../support/workbooks";

/**
 * A municipality's sheets (Bevolking Delft, Nationaliteiten Delft, Vergelijking gemeenten) when
 * the data no longer holds figures for them: the analyst loaded a package without Delft. As a
 * report's indicator whose figures left the data (withdrawn-sheet.test.ts): removed when exactly
 * as the add-in wrote them and nothing points into them, else kept unchanged under a dated name
 * without the mark, and the pane says which. The sheets of a municipality the data still has
 * figures for, but that Regenerate was not asked for, stay as they are. Workbook states before and after.
 */
const cbs = useCbsServer();

const HAGUE = "'s-Gravenhage";
const SHEETS = {
  delft: ["Bevolking Delft", "Nationaliteiten Delft"],
  hague: ["Bevolking 's-Gravenhage", "Nationaliteiten 's-Gravenhage"],
};

let pulled: MonitorPackage;
beforeAll(async () => {
  const result = await pullFromCbs({ areas: ["Delft", HAGUE], from: 2020, to: 2024 }, cbs.options());
  if (!result.ok) throw new Error("the CBS stand-in's pull failed");
  pulled = result.value.package;
});

const without = (pkg: MonitorPackage, ...areas: string[]): MonitorPackage => ({ ...pkg, observations: pkg.observations.filter((o) => !areas.includes(o.gebied)) });

async function regenerated(model: WorkbookModel, pkg: MonitorPackage, area?: string) {
  const { result } = await runRegenerate(model, pkg, "2026-11-25", area ? { area } : {});
  if (!result.ok) throw new Error("regenerate failed");
  return result;
}

/** A workbook of the two municipalities' CBS figures with both their sheets: Delft's first, so that the comparison is 's-Gravenhage's. */
async function bothMunicipalities(): Promise<WorkbookModel> {
  const model = userWorkbook();
  await regenerated(model, pulled, "Delft");
  await regenerated(model, pulled, HAGUE);
  expect(model.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([...SHEETS.delft, ...SHEETS.hague, "Vergelijking gemeenten"]));
  return model;
}

/** The analyst loads a package with the figures of `pkg` only: the rows it no longer has are deleted from MonitorData. */
async function loaded(model: WorkbookModel, pkg: MonitorPackage, before: MonitorPackage): Promise<void> {
  const { result } = await runLoadData(model, pkg, { previous: new Set(snapshotOf(before)) });
  expect(result.ok).toBe(true);
}

describe("which municipality sheets the data still holds figures for", () => {
  it("each pulled municipality's two sheets, the comparison while one can be made, and the areas with shares a comparison may show", () => {
    const keys = (pkg: MonitorPackage) => [...runSteps(heldAreaKeysInSteps(new MonitorStore(pkg)))].sort();
    expect(keys(pulled)).toEqual([
      "gebied-delft-bevolking",
      "gebied-delft-nationaliteiten",
      "gebied-s-gravenhage-bevolking",
      "gebied-s-gravenhage-nationaliteiten",
      "gebied-vergelijking",
      "gebied-vergelijking:'s-Gravenhage",
      "gebied-vergelijking:Delft",
      "gebied-vergelijking:Nederland",
    ]);
    expect(keys(without(pulled, "Delft"))).toEqual(["gebied-s-gravenhage-bevolking", "gebied-s-gravenhage-nationaliteiten", "gebied-vergelijking", "gebied-vergelijking:'s-Gravenhage", "gebied-vergelijking:Nederland"]);
    // Without Nederland there is nothing to compare a single municipality with; both together still compare.
    expect(keys(without(pulled, "Nederland"))).toEqual([
      "gebied-delft-bevolking",
      "gebied-delft-nationaliteiten",
      "gebied-s-gravenhage-bevolking",
      "gebied-s-gravenhage-nationaliteiten",
      "gebied-vergelijking",
      "gebied-vergelijking:'s-Gravenhage",
      "gebied-vergelijking:Delft",
    ]);
    expect(keys(without(pulled, "Nederland", HAGUE))).toEqual(["gebied-delft-bevolking", "gebied-delft-nationaliteiten", "gebied-vergelijking:Delft"]);
    expect(keys(without(pulled, "Delft", HAGUE))).toEqual(["gebied-vergelijking:Nederland"]);
  });
});

describe("a municipality's sheets whose figures left the data", () => {
  it("are removed when exactly as written; those of a municipality still in the data stay as they are; a second Regenerate changes nothing", async () => {
    const model = await bothMunicipalities();
    const kept = [...SHEETS.hague, "Vergelijking gemeenten"].map((name) => sheetNamed(model, name));
    const keptBefore = kept.map((s) => JSON.stringify([s.name, [...s.customProperties], sheetState(s)]));
    const others = model.sheets.filter((s) => !SHEETS.delft.includes(s.name)).map((s) => s.name);

    await loaded(model, without(pulled, "Delft"), pulled);
    const result = await regenerated(model, without(pulled, "Delft"));
    expect(result.removed).toEqual([
      { key: "gebied-delft-bevolking", name: "Bevolking Delft" },
      { key: "gebied-delft-nationaliteiten", name: "Nationaliteiten Delft" },
    ]);
    expect(result.kept).toEqual([]);
    expect(model.sheets.map((s) => s.name)).toEqual(others);
    // 's-Gravenhage's sheets were not asked for: exactly as they were, mark and all.
    expect(kept.map((s) => JSON.stringify([s.name, [...s.customProperties], sheetState(s)]))).toEqual(keptBefore);
    expect(textOf(say(PANE_OUTCOMES.withdrawnRemoved, { name: "Bevolking Delft" }), "nl")).toBe(
      "'Bevolking Delft': de gegevens hebben geen cijfers meer voor dit blad; het stond er zoals de invoegtoepassing het schreef en niets verwees ernaar, dus het is verwijderd.",
    );
    expect(textOf(say(PANE_OUTCOMES.withdrawnRemoved, { name: "Bevolking Delft" }), "en")).toBe(
      "'Bevolking Delft': the data has no figures for this sheet any more; it was exactly as the add-in wrote it and nothing pointed into it, so it was removed.",
    );

    const again = await regenerated(model, without(pulled, "Delft"));
    expect([again.removed, again.kept]).toEqual([[], []]);
    expect(model.sheets.map((s) => s.name)).toEqual(others);
  });

  it("go with the comparison once no municipality is left to compare", async () => {
    const model = await bothMunicipalities();
    const report = model.sheets.filter((s) => ![...SHEETS.delft, ...SHEETS.hague, "Vergelijking gemeenten"].includes(s.name)).map((s) => s.name);
    const nederland = without(pulled, "Delft", HAGUE);
    await loaded(model, nederland, pulled);
    const result = await regenerated(model, nederland);
    expect(result.removed.map((r) => r.key).sort()).toEqual(["gebied-delft-bevolking", "gebied-delft-nationaliteiten", "gebied-s-gravenhage-bevolking", "gebied-s-gravenhage-nationaliteiten", "gebied-vergelijking"]);
    expect(result.kept).toEqual([]);
    expect(model.sheets.map((s) => s.name)).toEqual(report);
  });

  it("go with a comparison that shows a municipality whose figures left the data, though another's remain", async () => {
    const model = userWorkbook();
    await regenerated(model, pulled, HAGUE);
    await regenerated(model, pulled, "Delft");
    const comparison = sheetNamed(model, "Vergelijking gemeenten");
    expect(comparison.values({ row: 0, column: 0, rows: 7, columns: 3 })).toEqual([
      ["Delft vergeleken met Nederland", "", ""],
      ["Aandeel inwoners met een buitenlandse nationaliteit en met een herkomst buiten Nederland op 1 januari 2024, en de plek onder alle Nederlandse gemeenten.", "", ""],
      ["", "", ""],
      ["Aandeel van de inwoners, 2024", "", ""],
      ["Gebied", "Buitenlandse nationaliteit", "Herkomst buiten Nederland"],
      ["Delft", 0.112597347218, 0.225194694436],
      ["Nederland", 0.166365440203, 0.272234282601],
    ]);
    const others = model.sheets.filter((s) => ![...SHEETS.delft, "Vergelijking gemeenten"].includes(s.name)).map((s) => s.name);

    await loaded(model, without(pulled, "Delft"), pulled);
    const result = await regenerated(model, without(pulled, "Delft"));
    expect(result.removed).toEqual([
      { key: "gebied-vergelijking", name: "Vergelijking gemeenten" },
      { key: "gebied-delft-bevolking", name: "Bevolking Delft" },
      { key: "gebied-delft-nationaliteiten", name: "Nationaliteiten Delft" },
    ]);
    expect(result.kept).toEqual([]);
    expect(model.sheets.map((s) => s.name)).toEqual(others);
    const again = await regenerated(model, without(pulled, "Delft"));
    expect([again.removed, again.kept]).toEqual([[], []]);
  });

  it("keep such a comparison unchanged under a dated name, without the mark, when the analyst added to it", async () => {
    const model = userWorkbook();
    await regenerated(model, pulled, HAGUE);
    await regenerated(model, pulled, "Delft");
    const comparison = sheetNamed(model, "Vergelijking gemeenten");
    Object.assign(comparison.cell(2, 9), { value: "Delft stijgt" });
    const shown = JSON.stringify(comparison.values({ row: 0, column: 0, rows: 30, columns: 10 }));

    await loaded(model, without(pulled, "Delft"), pulled);
    const result = await regenerated(model, without(pulled, "Delft"));
    expect(result.kept).toEqual([{ key: "gebied-vergelijking", name: "Vergelijking 2026-11-25", was: "Vergelijking gemeenten", why: "edited", withdrawn: true }]);
    // "Vergelijking gemeenten 2026-11-25" is longer than a sheet name may be (31 characters).
    expect(comparison.name).toBe("Vergelijking 2026-11-25");
    expect(comparison.customProperties.has(MARK_KEY)).toBe(false);
    expect(JSON.stringify(comparison.values({ row: 0, column: 0, rows: 30, columns: 10 }))).toBe(shown);
    expect(textOf(say(PANE_OUTCOMES.withdrawnKept, result.kept[0]), "en")).toBe(
      "'Vergelijking 2026-11-25': the data has no figures for 'Vergelijking gemeenten' any more; it holds your own additions, so the sheet was kept unchanged, with the figures it showed. It is your own sheet now and is no longer updated.",
    );
  });

  it("is kept unchanged under a dated name, without the mark, when the analyst added to it; the pane says why", async () => {
    const model = await bothMunicipalities();
    const population = sheetNamed(model, "Bevolking Delft");
    Object.assign(population.cell(2, 9), { value: "vergelijk met 2019" });
    const shown = JSON.stringify(population.values({ row: 0, column: 0, rows: 30, columns: 10 }));

    await loaded(model, without(pulled, "Delft"), pulled);
    const result = await regenerated(model, without(pulled, "Delft"));
    expect(result.removed).toEqual([{ key: "gebied-delft-nationaliteiten", name: "Nationaliteiten Delft" }]);
    expect(result.kept).toEqual([{ key: "gebied-delft-bevolking", name: "Bevolking Delft 2026-11-25", was: "Bevolking Delft", why: "edited", withdrawn: true }]);
    expect(population.name).toBe("Bevolking Delft 2026-11-25");
    expect(population.customProperties.has(MARK_KEY)).toBe(false);
    expect(JSON.stringify(population.values({ row: 0, column: 0, rows: 30, columns: 10 }))).toBe(shown);
    expect(model.sheets.some((s) => s.name === "Bevolking Delft" || s.name === "Nationaliteiten Delft")).toBe(false);
    const kept = result.kept[0];
    expect(textOf(say(PANE_OUTCOMES.withdrawnKept, kept), "nl")).toBe(
      "'Bevolking Delft 2026-11-25': de gegevens hebben geen cijfers meer voor 'Bevolking Delft'; het bevat uw eigen aanvullingen, dus het blad is ongewijzigd bewaard, met de cijfers die het toonde. Het is nu uw eigen blad en wordt niet meer bijgewerkt.",
    );
    expect(textOf(say(PANE_OUTCOMES.withdrawnKept, kept), "en")).toBe(
      "'Bevolking Delft 2026-11-25': the data has no figures for 'Bevolking Delft' any more; it holds your own additions, so the sheet was kept unchanged, with the figures it showed. It is your own sheet now and is no longer updated.",
    );
    // It is the analyst's now: a further Regenerate leaves it alone.
    const again = await regenerated(model, without(pulled, "Delft"));
    expect([again.removed, again.kept]).toEqual([[], []]);
    expect(markKey(sheetNamed(model, "Bevolking Delft 2026-11-25"))).toBeNull();
  });

  it("stay as they are when the workbook has no data of its own (the Data sheet deleted): Regenerate builds from the shipped edition, which has no CBS figures, and those sheets may be the last copy of theirs", async () => {
    const model = await bothMunicipalities();
    const municipality = [...SHEETS.delft, ...SHEETS.hague, "Vergelijking gemeenten"].map((name) => sheetNamed(model, name));
    const before = municipality.map((s) => JSON.stringify([s.name, [...s.customProperties], sheetState(s)]));
    const data = new Set(model.tables.filter((t) => t.name.startsWith("Monitor")).map((t) => t.sheet));
    model.tables = model.tables.filter((t) => !data.has(t.sheet));
    model.sheets = model.sheets.filter((s) => !data.has(s));

    const result = await regenerated(model, edition);
    expect([result.removed, result.kept]).toEqual([[], []]);
    expect(municipality.map((s) => JSON.stringify([s.name, [...s.customProperties], sheetState(s)]))).toEqual(before);
    expect(municipality.every((s) => model.sheets.includes(s))).toBe(true);
  });
});
