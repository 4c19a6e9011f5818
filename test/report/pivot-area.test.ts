import { MonitorPackage } from "../../src/data/types";
import { planPivot } from "../../src/report/pivot-plan";
import { pullFromCbs } from "../../src/sources/cbs/pull";
import { problemText } from "../../src/text/problems";
import { shippedPackage } from "../support/fixtures";
import { useCbsServer } from "../support/use-cbs-server";

/** The ready PivotTable opens on the workbook's own municipality, not on the country it is compared with. */
const cbs = useCbsServer();
const areaOf = (pkg: MonitorPackage) => planPivot(pkg, "en").filters.find((f) => f.field === "Gebied")?.selected;

describe("the pivot's first area", () => {
  it("is Delft for a workbook of CBS figures for Delft (which also holds Nederland's)", async () => {
    const result = await pullFromCbs({ areas: ["Delft"], from: 2012, to: 2024 }, cbs.options());
    if (!result.ok) throw new Error(result.problems.map((p) => problemText(p, "nl")).join("\n"));
    const pkg = result.value.package;
    expect(pkg.observations.some((o) => o.gebied === "Nederland" && o.indicator === "inwoners")).toBe(true);
    expect(areaOf(pkg)).toBe("Delft");
    expect(planPivot(pkg, "en").texts[0]).toMatch(/^PivotTable on MonitorData: .*, Delft, counts, by group and year\.$/);
  });

  it("is the municipality even where Nederland has more figures, and Leiden where Leiden has them", () => {
    const pkg = shippedPackage();
    const inhabitants = pkg.observations.filter((o) => o.indicator === "inwoners" && o.gebied === "Leiden" && o.eenheid === "aantal");
    const delft = inhabitants.map((o) => ({ ...o, gebied: "Delft", gebiedscode: "GM0503" }));
    const nederland = [...inhabitants, ...inhabitants].map((o, i) => ({ ...o, gebied: "Nederland", gebiedscode: "NL01", periode: `${1990 + i}`, jaar: 1990 + i }));
    expect(areaOf({ ...pkg, observations: [...delft, ...nederland] })).toBe("Delft");
    expect(areaOf({ ...pkg, observations: nederland })).toBe("Nederland");
    expect(areaOf(pkg)).toBe("Leiden");
  });
});
