import { clerkSentence } from "../../src/data/sentences";
import { MonitorStore } from "../../src/data/store";
import { MonitorPackage, Observation } from "../../src/data/types";
import { englishNationality } from "../../src/data/vocabulary";
import { buildPlan } from "../../src/report/plan";
import { SHIPPED_EDITION } from "../../src/sources/shipped-source";
import { say, textOf } from "../../src/text/message";
import { WORKBOOK } from "../../src/text/sheets";
import { lowerFirst, nationalityAdjective } from "../../src/text/words";
import { shippedPackage } from "../support/fixtures";

/** Nationalities as CBS titles them (Dutch adjectives), in Dutch and English sentences. */
const italian = (pkg: MonitorPackage) => pkg.observations.find((o) => o.indicator === "inwoners" && o.groep === "Italiaans" && o.periode === "2022" && o.gebied === "Leiden") as Observation;
const withNationality = (groep: string, waarde: number): MonitorPackage => {
  const pkg = shippedPackage();
  return { ...pkg, observations: [...pkg.observations, { ...italian(pkg), groep, waarde, toelichting: "" }] };
};
const nationalitiesLead = (pkg: MonitorPackage, language: "nl" | "en") =>
  buildPlan(pkg, { language, edition: SHIPPED_EDITION }).sheets.find((s) => s.key === "nationaliteiten")?.texts.find((t) => t.style === "lead")?.text;

describe("Dutch nationality adjectives: one rule", () => {
  it("inflects CBS's titles before 'nationaliteit', and leaves names that are no adjective alone", () => {
    const names = ["Italiaans", "Chinees", "Indiaas", "Portugees", "Pools", "Turks", "Syrisch", "Oekraïens", "Zuid-Koreaans", "Staatloos", "Staatloos / onbekend", "Europa (exclusief Nederlands)"];
    expect(names.map(nationalityAdjective)).toEqual(["Italiaanse", "Chinese", "Indiase", "Portugese", "Poolse", "Turkse", "Syrische", "Oekraïense", "Zuid-Koreaanse", null, null, null]);
  });
});

describe("nationalities CBS publishes, in sentences", () => {
  const store = new MonitorStore(shippedPackage());
  const figure = (groep: string): Observation => ({ ...italian(shippedPackage()), groep, waarde: 391, gebied: "Delft" });

  it("have English names where there is a source for one, and none otherwise", () => {
    expect(["Turks", "Hongaars", "Marokkaans", "Italiaans", "Kaapverdisch", "Overig", "Nederlands"].map(englishNationality)).toEqual(["Turkish", "Hungarian", "Moroccan", "Italian", null, "Other", null]);
  });

  it("are English in English and Dutch in Dutch", () => {
    expect(clerkSentence(store, figure("Hongaars"), "en")).toBe("On 1 January 2022, Delft had 391 inhabitants with Hungarian nationality (source: BRP, municipality of Leiden).");
    expect(clerkSentence(store, figure("Turks"), "en")).toBe("On 1 January 2022, Delft had 391 inhabitants with Turkish nationality (source: BRP, municipality of Leiden).");
    expect(clerkSentence(store, figure("Turks"), "nl")).toBe("Op 1 januari 2022 telde Delft 391 inwoners met de Turkse nationaliteit (bron: BRP, gemeente Leiden).");
  });

  it("without an English name: quoted as the data's name in English, never used as an English adjective", () => {
    expect(clerkSentence(store, figure("Kaapverdisch"), "en")).toBe("On 1 January 2022, Delft had 391 inhabitants with the nationality 'Kaapverdisch' (source: BRP, municipality of Leiden).");
    expect(clerkSentence(store, figure("Kaapverdisch"), "nl")).toBe("Op 1 januari 2022 telde Delft 391 inwoners met de Kaapverdische nationaliteit (bron: BRP, gemeente Leiden).");
    expect(clerkSentence(store, figure("Staatloos"), "nl")).toBe("Op 1 januari 2022 telde Delft 391 inwoners met de nationaliteit Staatloos (bron: BRP, gemeente Leiden).");
    expect(clerkSentence(store, figure("Staatloos"), "en")).toBe("On 1 January 2022, Delft had 391 inhabitants with the nationality 'Staatloos' (source: BRP, municipality of Leiden).");
  });

  it("in the Nationalities lead, as the table's first row", () => {
    expect(nationalitiesLead(withNationality("Turks", 2000), "en")).toMatch(/^Turkish is the most common foreign nationality in Leiden \(2,000 inhabitants on 1 January 2022\)\./);
    expect(nationalitiesLead(withNationality("Kaapverdisch", 2000), "en")).toMatch(/^The nationality 'Kaapverdisch' is the most common foreign nationality in Leiden \(2,000 inhabitants on 1 January 2022\)\./);
    expect(nationalitiesLead(withNationality("Kaapverdisch", 2000), "nl")).toMatch(/^De Kaapverdische nationaliteit komt in Leiden het meest voor/);
    expect(nationalitiesLead(withNationality("Staatloos", 2000), "nl")).toMatch(/^De nationaliteit Staatloos komt in Leiden het meest voor/);
    const table = buildPlan(withNationality("Turks", 2000), { language: "en", edition: SHIPPED_EDITION }).sheets.find((s) => s.key === "nationaliteiten")?.tables[0].rows[0];
    expect(table).toEqual(["Turkish", 2000]);
  });
});

describe("counts and labels inside sentences", () => {
  it("says one more sentence or many, with the language's digits", () => {
    const more = (rest: number, language: "nl" | "en") => textOf(say(WORKBOOK.moreSentences, { rest }), language);
    expect(more(1, "en")).toBe("And one more sentence: MONITOR.TEXT gives the sentence of any figure.");
    expect(more(1690, "en")).toBe("And 1,690 more sentences: MONITOR.TEXT gives the sentence of any figure.");
    expect(more(1, "nl")).toBe("En nog één zin: MONITOR.TEKST geeft de zin van elk cijfer.");
    expect(more(1690, "nl")).toBe("En nog 1.690 zinnen: MONITOR.TEKST geeft de zin van elk cijfer.");
  });

  it("writes an added indicator's label in lower case mid-sentence, an abbreviation as it is", () => {
    expect([lowerFirst("Rental homes for internationals"), lowerFirst("IND threshold"), lowerFirst("")]).toEqual(["rental homes for internationals", "IND threshold", ""]);
    const pkg = shippedPackage();
    const indicator = { ...pkg.indicators[0], id: "huur", labelNl: "Huurwoningen voor internationals", labelEn: "Rental homes for internationals" };
    const own = { ...(pkg.observations.find((o) => o.indicator === "statushouders" && o.eenheid === "aantal") as Observation), indicator: "huur", waarde: 12 };
    const store = new MonitorStore({ ...pkg, indicators: [...pkg.indicators, indicator], observations: [...pkg.observations, own] });
    expect(clerkSentence(store, own, "en")).toBe("On 1 January 2022, rental homes for internationals for status holders in Leiden was 12 (source: BRP, municipality of Leiden).");
    expect(clerkSentence(store, own, "nl")).toBe("Op 1 januari 2022 was huurwoningen voor internationals voor statushouders in Leiden 12 (bron: BRP, gemeente Leiden).");
  });
});
