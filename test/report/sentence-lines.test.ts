import { buildPlan } from "../../src/report/plan";
import { shippedPackage } from "../support/fixtures";
import { largePackage } from "../support/workbooks";

describe("the sentences on the indicator sheets", () => {
  it("stand as text below the source lines, one per figure of the sheet, in both languages", () => {
    const nl = buildPlan(shippedPackage(), { language: "nl" }).sheets.find((s) => s.key === "woonduur");
    const en = buildPlan(shippedPackage(), { language: "en" }).sheets.find((s) => s.key === "woonduur");
    const after = (texts: { text: string }[], heading: string) => texts.slice(texts.findIndex((t) => t.text === heading) + 1).map((t) => t.text);
    expect(after(nl?.texts ?? [], "Zinnen om over te nemen")).toEqual([
      "34% van de inwoners met een buitenlandse nationaliteit woonde op 1 januari 2022 korter dan een jaar in Leiden (bron: BRP, gemeente Leiden).",
      "29% van de inwoners met een buitenlandse nationaliteit woonde op 1 januari 2022 een tot drie jaar in Leiden (bron: BRP, gemeente Leiden).",
      "37% van de inwoners met een buitenlandse nationaliteit woonde op 1 januari 2022 langer dan drie jaar in Leiden (bron: BRP, gemeente Leiden).",
    ]);
    expect(after(en?.texts ?? [], "Sentences to paste")[0]).toBe("On 1 January 2022, 34% of the inhabitants with a foreign nationality had lived in Leiden for less than a year (source: BRP, municipality of Leiden).");
    const rows = (nl?.texts ?? []).map((t) => t.row);
    expect(new Set(rows).size).toBe(rows.length); // every line on a row of its own
  });

  it("stops at 100 sentences on a sheet with thousands of figures, and says how many more MONITOR.TEKST gives", () => {
    const plan = buildPlan(largePackage(100000), { language: "nl" });
    for (const sheet of plan.sheets) {
      const texts = sheet.texts.map((t) => t.text);
      const from = texts.indexOf("Zinnen om over te nemen");
      if (from < 0) continue;
      const after = texts.slice(from + 1);
      expect(after.length).toBeLessThanOrEqual(101);
      if (after.length === 101) expect(after[100]).toMatch(/^En nog \d{1,3}(\.\d{3})* zinnen: MONITOR\.TEKST geeft de zin van elk cijfer\.$/);
    }
    const kinderen = plan.sheets.find((s) => s.key === "kinderen")?.texts.map((t) => t.text) ?? [];
    expect(kinderen.some((t) => /^En nog \d{1,3}(\.\d{3})* zinnen:/.test(t))).toBe(true);
  });
});
