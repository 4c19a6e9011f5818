import { openXlsx, renderPackage } from "../support/xlsx";
import { shippedPackage } from "../support/fixtures";

/** An English workbook is English in its parts too: its charts' language tags and its document category. */
describe("the workbook's language in its parts", () => {
  it.each([
    ["nl", "nl-NL", "Monitor Internationalisering"],
    ["en", "en-GB", "Internationalisation Monitor"],
  ] as const)("%s: chart texts tagged %s, category '%s'", async (language, tag, category) => {
    const xlsx = await openXlsx(await renderPackage(shippedPackage(), language));
    const charts = xlsx.files.filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts.length).toBeGreaterThan(10);
    for (const chart of charts) {
      const tags = [...(await xlsx.read(chart)).matchAll(/ lang="([^"]+)"/g)].map((m) => m[1]);
      expect(tags.length).toBeGreaterThanOrEqual(2); // the title and the chart's default text at least
      expect(new Set(tags)).toEqual(new Set([tag]));
    }
    expect(await xlsx.read("docProps/core.xml")).toContain(`<cp:category>${category}</cp:category>`);
  });
});
