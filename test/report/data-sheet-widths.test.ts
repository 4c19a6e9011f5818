import { dataTables } from "../../src/report/plan";
import { csvRows, shippedPackage, shippedTexts } from "../support/fixtures";

/**
 * The Data sheet's columns that name a figure (what a filter, a look-up or a pivot shows) are wide
 * enough for the longest name the shipped edition writes there, read from its CSV files: a name cut
 * off by the next column ("sectoren-kennisw", "inwoners (migrati", "expat-inschrijving") is one an
 * analyst cannot tell from its neighbours. A width counts characters of the default font's digits,
 * wider than most letters, so a width of at least the name's length shows it whole. Notes and
 * definitions (Toelichting, definitie, omschrijving) are long texts, and are left out.
 */
const NAMING: Record<string, string[]> = {
  MonitorData: ["Onderwerp", "Indicator", "Gebied", "Groep", "Leeftijd", "Periode", "Eenheid", "Bron", "Peildatum", "Status", "Bovengroep", "Gebiedscode"],
  MonitorIndicatoren: ["id", "eenheid", "standaardgroep", "bron"],
  MonitorBronnen: ["id", "peildatum"],
};
const FILES: Record<string, keyof ReturnType<typeof shippedTexts>> = { MonitorData: "observations", MonitorIndicatoren: "indicators", MonitorBronnen: "sources" };

describe("the Data sheet's columns", () => {
  const tables = dataTables(shippedPackage());

  it.each(Object.keys(NAMING))("of %s show every name of the shipped edition whole", (name) => {
    const table = tables.find((t) => t.name === name);
    if (!table) throw new Error(`no table ${name}`);
    const [header, ...rows] = csvRows(shippedTexts()[FILES[name]]);
    const tooNarrow = NAMING[name]
      .map((column) => {
        const longest = Math.max(...rows.map((r) => r[header.indexOf(column)].length));
        return { column, longest, width: table.widths[table.header.indexOf(column)] };
      })
      .filter(({ longest, width }) => !(width >= longest));
    expect(tooNarrow).toEqual([]);
  });
});
