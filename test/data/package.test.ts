import { readFileSync } from "fs";
import { join } from "path";
import { ColumnSpec, INDICATOR_COLUMNS, OBSERVATION_COLUMNS, OBSERVATION_KEY, SOURCE_COLUMNS } from "../../src/data/columns";
import { loadShippedPackage } from "../../src/data/shipped";
import { DEFAULT_PACKAGE } from "../../scripts/lib/read-package";
import { shippedPackage } from "../support/fixtures";

interface Field {
  name: string;
  type: string;
  constraints?: { enum?: string[]; required?: boolean; pattern?: string };
}
const descriptor = JSON.parse(readFileSync(join(DEFAULT_PACKAGE, "datapackage.json"), "utf8"));
const resource = (name: string) => descriptor.resources.find((r: { name: string }) => r.name === name);

describe("the 2022 data package", () => {
  it("validates, with every resource non-empty", () => {
    const pkg = shippedPackage();
    expect(pkg.observations.length).toBeGreaterThan(100);
    expect(pkg.indicators.map((i) => i.id)).toEqual(expect.arrayContaining(["inwoners", "aandeel", "groei", "rang", "vestiging", "vertrek", "woonduur", "repats", "kinderen", "expat-inschrijvingen", "werknemers-werkend", "werknemers-wonend", "loongrens", "kinderen-werknemers", "statushouders", "studenten"]));
    expect(pkg.sources.map((s) => s.id).sort()).toEqual(["BRP", "CBS", "Decisio", "ECL", "Nuffic"]);
  });

  it("is the same package when loaded from the bundled text", () => {
    expect(loadShippedPackage()).toEqual(shippedPackage());
  });

  it.each([
    ["observations", OBSERVATION_COLUMNS],
    ["indicators", INDICATOR_COLUMNS],
    ["sources", SOURCE_COLUMNS],
  ] as [string, ColumnSpec<unknown>[]][])("describes %s with the same columns, in order, as the validator", (name, columns) => {
    const fields: Field[] = resource(name).schema.fields;
    expect(fields.map((f) => f.name)).toEqual(columns.map((c) => c.name));
    for (const column of columns) {
      const field = fields.find((f) => f.name === column.name) as Field;
      // A date is ISO text in the CSV (empty where the report gives none): a string with a pattern.
      const expectedType = column.kind === "text" || column.kind === "date" ? "string" : column.kind;
      expect([field.name, field.type]).toEqual([column.name, expectedType]);
      if (column.allowed) expect(field.constraints?.enum).toEqual([...column.allowed]);
    }
  });

  it("declares the figure key as the primary key", () => {
    const byKey = new Map(OBSERVATION_COLUMNS.map((c) => [c.key, c.name]));
    expect(resource("observations").schema.primaryKey).toEqual(OBSERVATION_KEY.map((k) => byKey.get(k)));
  });

  it("has the CSV header exactly as DESIGN.md lists it", () => {
    const header = readFileSync(join(DEFAULT_PACKAGE, "observations.csv"), "utf8").split("\n")[0];
    expect(header).toBe("Onderwerp,Indicator,Gebied,Groep,Leeftijd,Periode,Waarde,Eenheid,Bron,Peildatum,Status,Pagina,Toelichting,Jaar,Bovengroep,Gebiedscode");
  });

  it("gives every figure a page, and a reference date where it is a stock at 1 January", () => {
    for (const o of shippedPackage().observations) {
      expect(o.pagina).toBeGreaterThanOrEqual(2);
      expect(o.pagina).toBeLessThanOrEqual(35);
      if (o.indicator === "inwoners") expect(o.peildatum).toBe(`${o.periode}-01-01`);
    }
  });

  it("keeps the reading decisions of READING-NOTES.md as notes on their figures", () => {
    const note = (indicator: string, groep: string, periode: string) => shippedPackage().observations.find((o) => o.indicator === indicator && o.groep === groep && o.periode === periode)?.toelichting ?? "";
    expect(note("vestiging", "buitenlandse nationaliteit", "2012")).toMatch(/leesnotitie 1/);
    expect(note("vertrek", "buitenlandse nationaliteit", "2021")).toMatch(/leesnotitie 1/);
    expect(note("inwoners", "Nederlands", "2012")).toMatch(/108\.913.*2012/);
    expect(note("aandeel", "migratieachtergrond", "2022")).toMatch(/32,2%/);
    expect(note("groei", "Italiaans", "2012-2022")).toMatch(/Nederlands/);
    expect(note("werknemers-werkend", "kenniswerkers", "2020")).toMatch(/12\.375.*8\.610/);
  });
});
