import { INDICATOR_COLUMNS, OBSERVATION_COLUMNS, SOURCE_COLUMNS, tableCells } from "../../src/data/columns";
import { guardCell, unguardCell } from "../../src/data/csv-guard";
import { writeCsv } from "../../src/data/csv";
import { parsePackageCsv } from "../../src/data/package-csv";
import { problemText } from "../../src/text/problems";
import { shippedPackage } from "../support/fixtures";

/** CSV formula injection (OWASP): texts a spreadsheet would run are quote-prefixed, numbers never; read back as they were. */
describe("a CSV the add-in writes", () => {
  it("quote-prefixes a text that starts with = + - @, a tab or a carriage return", () => {
    expect(writeCsv([["Titel", "Waarde"], ["=HYPERLINK(\"http://x\")", 5], ["+31 71", -0.05], ["-voorlopig", -12], ["@SUM(A1)", 0], ["\tinspringen", 1]])).toBe(
      'Titel,Waarde\n"\'=HYPERLINK(""http://x"")",5\n\'+31 71,-0.05\n\'-voorlopig,-12\n\'@SUM(A1),0\n\'\tinspringen,1\n',
    );
  });

  it("leaves other texts and every number as they are, 's-Gravenhage too", () => {
    expect(writeCsv([["Gebied", "Waarde"], ["'s-Gravenhage", -3], ["Leiden", 1253]])).toBe("Gebied,Waarde\n's-Gravenhage,-3\nLeiden,1253\n");
  });

  it.each(["=1200+53 (som van twee wijken)", "+3", "-", "@x", "\tx", "\rx", "'=x", "''", "'", "'s-Gravenhage", "'t Zandt", "x=1", ""])("guards and reads back %j as it was", (text) => {
    expect(unguardCell(guardCell(text))).toBe(text);
  });

  it("a package with such texts read again holds the original texts, and its negative numbers as numbers", () => {
    const pkg = shippedPackage();
    const texts = ["=1200+53 (som van twee wijken)", "+3 ten opzichte van 2021", "-voorlopig cijfer", "@gemeente", "'=al een aanhalingsteken"];
    texts.forEach((t, i) => (pkg.observations[i].toelichting = t));
    pkg.indicators[0].labelNl = "=Titel van CBS";
    pkg.observations[5].waarde = -0.05;
    pkg.observations[5].eenheid = "groei";
    const read = parsePackageCsv({
      observations: writeCsv(tableCells(OBSERVATION_COLUMNS, pkg.observations)),
      indicators: writeCsv(tableCells(INDICATOR_COLUMNS, pkg.indicators)),
      sources: writeCsv(tableCells(SOURCE_COLUMNS, pkg.sources)),
    });
    if (!read.ok) throw new Error(problemText(read.problems[0], "nl"));
    expect(read.value.observations.slice(0, 5).map((o) => o.toelichting)).toEqual(texts);
    expect(read.value.indicators[0].labelNl).toBe("=Titel van CBS");
    expect(read.value.observations[5].waarde).toBe(-0.05);
  });
});
