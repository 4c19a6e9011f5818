import { MonitorPackage } from "../../src/data/types";
import { pullFromCbs } from "../../src/sources/cbs/pull";
import { useCbsServer } from "../support/use-cbs-server";
import { runRegenerate, userWorkbook } from "../support/workbooks";

/**
 * End to end on the fake: a municipality whose name holds a comma (Nuenen,
 * Gerwen en Nederwetten, GM0820) gets sheets whose names hold one ("Bevolking Nuenen, Gerwen en",
 * areaSheetName), which Excel quotes in the merged areas' address (office-js #512). The seal
 * once split that address at every comma (new-sheet-seal.ts sameAreas), so the add-in's own
 * merges counted as an analyst's and every second Regenerate kept the sheets as edited. Control:
 * the same figures under Delft's name.
 */
const cbs = useCbsServer();
const NUENEN = "Nuenen, Gerwen en Nederwetten";
let pulled: MonitorPackage;
beforeAll(async () => {
  const result = await pullFromCbs({ areas: ["Delft"], from: 2020, to: 2024 }, cbs.options());
  if (!result.ok) throw new Error("the CBS stand-in's pull failed");
  pulled = result.value.package;
});

async function twice(area: string) {
  const pkg: MonitorPackage = area === "Delft" ? pulled : { ...pulled, observations: pulled.observations.map((o) => (o.gebied === "Delft" ? { ...o, gebied: area } : o)) };
  const model = userWorkbook();
  const first = await runRegenerate(model, pkg, "2026-11-25", { area });
  if (!first.result.ok) throw new Error("regenerate failed");
  const again = await runRegenerate(model, pkg, "2026-11-26", { area });
  if (!again.result.ok) throw new Error("regenerate failed");
  return { sheets: model.sheets.map((s) => s.name), kept: again.result.kept };
}

describe("a municipality's sheets when its name holds a comma", () => {
  it("control: Delft's are not kept by a second Regenerate", async () => {
    expect((await twice("Delft")).kept).toEqual([]);
  });
  it("Nuenen, Gerwen en Nederwetten's are not kept by a second Regenerate either", async () => {
    const { sheets, kept } = await twice(NUENEN);
    expect(sheets.filter((name) => name.includes(","))).not.toEqual([]);
    expect(kept).toEqual([]);
  });
});
