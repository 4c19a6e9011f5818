import { LiveData } from "../../src/data/live-data";
import { isMonitorError } from "../../src/data/errors";
import { parsePackageTables, PackageTables } from "../../src/data/package";
import { MonitorQueries } from "../../src/data/queries";
import { MonitorStore } from "../../src/data/store";
import { csvRows, shippedObservationCells, shippedTexts } from "../support/fixtures";

/**
 * The store indexes every area the data holds with its other names (areaAliases); an area the
 * vocabulary knows keeps the vocabulary's English name: Nederland is 'the Netherlands'.
 */
const texts = shippedTexts();
const tables = (): PackageTables => ({ observations: shippedObservationCells(), indicators: csvRows(texts.indicators), sources: csvRows(texts.sources) });

function shippedStore(): MonitorStore {
  const parsed = parsePackageTables(tables());
  if (!parsed.ok) throw new Error("shipped package invalid");
  return new MonitorStore(parsed.value);
}

function englishMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isMonitorError(error)) return error.text("en");
    throw error;
  }
  throw new Error("no error");
}

describe("English names of areas in the store", () => {
  it("a store built at once keeps 'the Netherlands' for Nederland, which its data holds", () => {
    const store = shippedStore();
    expect(store.observations.some((o) => o.gebied === "Nederland")).toBe(true);
    expect(store.areaNames.label("Nederland", "en")).toBe("the Netherlands");
    expect(store.areaNames.label("Regio071", "en")).toBe("Leiden region (Regio071)");
    expect(store.areaNames.resolve("the Netherlands").found).toBe("Nederland");
  });

  it("the live data, whose area names are indexed in parts, keeps it too", async () => {
    const live = await LiveData.read(tables(), () => Promise.resolve());
    expect(live.store.areaNames.label("Nederland", "en")).toBe("the Netherlands");
    expect(live.store.areaNames.label("Leiden", "en")).toBe("Leiden");
  });

  it("an English 'did you mean' names the area in English", () => {
    const queries = new MonitorQueries(shippedStore());
    expect(englishMessage(() => queries.area("Nederlnd"))).toBe("Unknown area 'Nederlnd'. Did you mean 'the Netherlands'?");
  });
});
