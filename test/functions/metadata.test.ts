import catalog from "../../src/functions/catalog.json";
import { ARGUMENT_NAMES } from "../../src/functions/args";
import { FUNCTION_IDS } from "../../src/functions/ids";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildMetadata, buildHelpPage } = require("../../scripts/functions-metadata");

interface Parameter {
  name: string;
  description: string;
  type: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  helpUrl: string;
  result: { type: string; dimensionality: string };
  parameters: Parameter[];
}
const metadata: { functions: FunctionMetadata[] } = buildMetadata(catalog, "https://localhost:3000/help.html");
const byId = new Map(metadata.functions.map((f) => [f.id, f]));

describe("functions.json", () => {
  it("lists every English and every Dutch id once", () => {
    const ids = metadata.functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([...new Set(Object.entries(FUNCTION_IDS).flat())].sort());
  });

  it("agrees with the id table the bundle registers", () => {
    expect(Object.fromEntries(catalog.functions.map((f) => [f.id, f.nlId]))).toEqual(FUNCTION_IDS);
  });

  it("names the arguments in messages as catalog.json names them, English and Dutch", () => {
    const declared = catalog.functions.flatMap((f) => f.parameters.map((p) => ({ nl: p.name.nl, en: p.name.en })));
    const key = (n: { nl: string; en: string }) => `${n.en}/${n.nl}`;
    expect([...new Set(ARGUMENT_NAMES.map(key))].sort()).toEqual([...new Set(declared.map(key))].sort());
  });

  it("describes English ids in English and Dutch ids in Dutch", () => {
    expect(byId.get("SHARE")?.description).toMatch(/^Share of a group/);
    expect(byId.get("AANDEEL")?.description).toMatch(/^Aandeel van een groep/);
    expect(byId.get("SHARE")?.parameters.map((p) => p.name)).toEqual(["group", "year", "of", "area"]);
    expect(byId.get("AANDEEL")?.parameters.map((p) => p.name)).toEqual(["groep", "jaar", "van", "gebied"]);
  });

  it("describes every function and parameter, within Excel's naming rules", () => {
    for (const f of metadata.functions) {
      expect(f.id).toMatch(/^[A-Za-z0-9_.]+$/);
      expect(f.name).toBe(f.id);
      expect(f.description.length).toBeGreaterThan(20);
      expect(f.helpUrl).toMatch(/^https:\/\/localhost:3000\/help\.html#monitor-[a-z]+$/);
      for (const p of f.parameters) {
        expect(p.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
        expect(p.description.length).toBeGreaterThan(5);
      }
      // Optional arguments last.
      const firstOptional = f.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
  });

  it("links to a README section as given", () => {
    const readme = buildMetadata(catalog, "https://example.org/leiden-monitor#function-reference");
    expect(new Set(readme.functions.map((f: FunctionMetadata) => f.helpUrl))).toEqual(new Set(["https://example.org/leiden-monitor#function-reference"]));
  });

  it("declares spilling functions as matrices", () => {
    for (const id of ["SERIES", "REEKS", "TOP", "INDICATORS", "INDICATOREN"]) expect(byId.get(id)?.result.dimensionality).toBe("matrix");
    expect(byId.get("COUNT")?.result).toEqual({ type: "number", dimensionality: "scalar" });
  });

  it("has a help page with a section per function, in both languages", () => {
    const html: string = buildHelpPage(catalog);
    for (const f of catalog.functions) expect(html).toContain(`id="monitor-${f.id.toLowerCase()}"`);
    expect(html).toContain("MONITOR.AANDEEL(groep; jaar; [van]; [gebied])");
    expect(html).toContain("MONITOR.SHARE(group; year; [of]; [area])");
  });
});
