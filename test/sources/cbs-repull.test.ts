import { compareWithWorkbook, Comparison, snapshotOf } from "../../src/data/compare";
import { MonitorPackage } from "../../src/data/types";
import { pullFromCbs } from "../../src/sources/cbs/pull";
import { startCbsServer } from "../support/cbs-server";
import { shippedPackage } from "../support/fixtures";

/**
 * CBS pulls sit beside one another: pulling Utrecht after Delft keeps Delft's figures (and
 * keeps them the source's, so a later Delft pull still corrects them); a pull drops rows only
 * within the areas and years it asked for. Against the synthetic CBS server the tests start.
 */
let delft: MonitorPackage;
let utrecht: MonitorPackage;
let delftEarlier: MonitorPackage;

beforeAll(async () => {
  const cbs = await startCbsServer();
  const options = { baseUrl: cbs.url, fetch: (input: string, init?: RequestInit) => fetch(input, init), timeoutMs: 5000, retryDelayMs: 5 };
  try {
    const pull = async (areas: string[], from: number, to: number) => {
      const result = await pullFromCbs({ areas, from, to }, options as never);
      if (!result.ok) throw new Error(`pull of ${areas.join(", ")} failed`);
      return result.value.package;
    };
    delft = await pull(["Delft"], 2022, 2024);
    utrecht = await pull(["Utrecht"], 2022, 2024);
    delftEarlier = await pull(["Delft"], 2020, 2021);
  } finally {
    await cbs.close();
  }
}, 60_000);

const edition = shippedPackage();
const editionSnapshot = () => new Set(snapshotOf(edition));
const areasOf = (rows: { gebied: string }[]) => [...new Set(rows.map((o) => o.gebied))].sort();

/** The first CBS pull into a workbook loaded from the edition. */
const firstPull = (pkg: MonitorPackage): Comparison => compareWithWorkbook(pkg, edition, new Set(), editionSnapshot(), "workbook", "pulled");
const nextPull = (pkg: MonitorPackage, before: Comparison): Comparison => compareWithWorkbook(pkg, before.result, new Set(before.snapshot), editionSnapshot(), "workbook", "pulled");

describe("a second CBS pull", () => {
  it("of another municipality keeps the first one's figures", () => {
    const first = firstPull(delft);
    const second = nextPull(utrecht, first);
    expect(second.removed).toEqual([]);
    expect(areasOf(second.added)).toEqual(["Utrecht"]);
    const delftRows = (c: Comparison) => c.result.observations.filter((o) => o.gebied === "Delft");
    expect(delftRows(second)).toEqual(delftRows(first));
    expect(delftRows(second).length).toBeGreaterThan(0);
    // Delft's rows stay the source's: Delft pulled again changes nothing, and is not the analyst's.
    const third = nextPull(delft, second);
    expect({ added: third.added.length, changed: third.changed.length, removed: third.removed.length, kept: third.kept.length }).toEqual({ added: 0, changed: 0, removed: 0, kept: 0 });
  });

  it("of other years of the same municipality keeps the years pulled before", () => {
    const first = firstPull(delft);
    const second = nextPull(delftEarlier, first);
    expect(second.removed).toEqual([]);
    const years = (c: Comparison, area: string) => [...new Set(c.result.observations.filter((o) => o.gebied === area && /^\d{4}$/.test(o.periode)).map((o) => o.periode))].sort();
    expect(years(second, "Delft")).toEqual(["2020", "2021", "2022", "2023", "2024"]);
  });

  it("drops a row the source no longer has, within the areas and years it asked for", () => {
    const first = firstPull(delft);
    const second = nextPull(utrecht, first);
    const dropped = delft.observations.find((o) => o.gebied === "Delft" && o.periode === "2023" && o.indicator === "inwoners")!;
    const withoutIt = { ...delft, observations: delft.observations.filter((o) => o !== dropped) };
    const third = nextPull(withoutIt, second);
    expect(third.removed).toEqual([dropped]);
    expect(areasOf(third.result.observations.filter((o) => o.gebied !== "Leiden"))).toContain("Utrecht");
  });

  it("an edition replaces the one before it: rows it no longer has go, wherever they are", () => {
    const next = { ...edition, observations: edition.observations.slice(1) };
    const c = compareWithWorkbook(next, edition, editionSnapshot());
    expect(c.removed).toEqual([edition.observations[0]]);
  });
});
