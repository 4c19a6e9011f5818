import { MonitorStore } from "../../src/data/store";
import { Language, Observation } from "../../src/data/types";
import { clerkSentence } from "../../src/data/sentences";
import { nationalityAdjective } from "../../src/text/words";
import { shippedPackage } from "../support/fixtures";

const store = new MonitorStore(shippedPackage());
const figure = (indicator: string, groep: string, periode: string, eenheid: string, gebied = "Leiden", leeftijd = ""): Observation => {
  const o = store.observations.find((x) => x.indicator === indicator && x.groep === groep && x.periode === periode && x.eenheid === eenheid && x.gebied === gebied && x.leeftijd === leeftijd);
  if (!o) throw new Error(`no figure ${indicator} ${groep} ${periode}`);
  return o;
};

// [figure, Dutch, English]: written out by hand from the report's figures and sources.
const CASES: [Observation, string, string][] = [
  [figure("inwoners", "Italiaans", "2022", "aantal"), "Op 1 januari 2022 telde Leiden 1.253 inwoners met de Italiaanse nationaliteit (bron: BRP, gemeente Leiden).", "On 1 January 2022, Leiden had 1,253 inhabitants with Italian nationality (source: BRP, municipality of Leiden)."],
  [figure("inwoners", "inwoners", "2022", "aantal"), "Op 1 januari 2022 telde Leiden 125.037 inwoners (bron: BRP, gemeente Leiden).", "On 1 January 2022, Leiden had 125,037 inhabitants (source: BRP, municipality of Leiden)."],
  [figure("aandeel", "buitenlandse nationaliteit", "2022", "aandeel"), "Op 1 januari 2022 had 11,6% van de inwoners van Leiden een buitenlandse nationaliteit (bron: BRP, gemeente Leiden).", "On 1 January 2022, 11.6% of the inhabitants of Leiden had a foreign nationality (source: BRP, municipality of Leiden)."],
  [figure("groei", "Italiaans", "2012-2022", "groei"), "Het aantal inwoners van Leiden met de Italiaanse nationaliteit groeide tussen 2012 en 2022 met 88% (bron: BRP, gemeente Leiden).", "The number of inhabitants of Leiden with Italian nationality grew by 88% between 2012 and 2022 (source: BRP, municipality of Leiden)."],
  [figure("toename", "buitenlandse nationaliteit", "2021-2022", "aantal"), "In het jaar tot 1 januari 2022 steeg het aantal inwoners van Leiden met een buitenlandse nationaliteit met 479 (bron: BRP, gemeente Leiden).", "In the year to 1 January 2022, the number of inhabitants of Leiden with a foreign nationality rose by 479 (source: BRP, municipality of Leiden)."],
  [figure("rang", "buitenlandse nationaliteit", "2021", "rang"), "Op 1 januari 2021 stond Leiden op plek 17 van de Nederlandse gemeenten naar aandeel inwoners met een buitenlandse nationaliteit (bron: CBS Statline).", "On 1 January 2021, Leiden ranked 17th among Dutch municipalities by share of inhabitants with a foreign nationality (source: CBS Statline)."],
  [figure("gemeenten", "gemeenten", "2021", "aantal", "Nederland"), "Op 1 januari 2021 telde Nederland 350 gemeenten (bron: CBS Statline).", "On 1 January 2021, the Netherlands had 350 municipalities (source: CBS Statline)."],
  [figure("vestiging", "buitenlandse nationaliteit", "2021", "aantal"), "In 2021 vestigden zich 4.049 mensen met een buitenlandse nationaliteit in Leiden (bron: BRP, gemeente Leiden).", "In 2021, 4,049 people with a foreign nationality settled in Leiden (source: BRP, municipality of Leiden)."],
  [figure("vestiging", "buitenlandse nationaliteit", "2021", "aandeel", "Leiden", "0-17"), "In 2021 was 7% van de mensen met een buitenlandse nationaliteit die zich in Leiden vestigden 0 tot en met 17 jaar oud (bron: BRP, gemeente Leiden).", "In 2021, 7% of the people with a foreign nationality who settled in Leiden were aged 0 to 17 (source: BRP, municipality of Leiden)."],
  [figure("vertrek", "buitenlandse nationaliteit", "2021", "aantal"), "In 2021 vertrokken 2.989 mensen met een buitenlandse nationaliteit uit Leiden (bron: BRP, gemeente Leiden).", "In 2021, 2,989 people with a foreign nationality left Leiden (source: BRP, municipality of Leiden)."],
  [figure("woonduur", "korter dan 1 jaar", "2022", "aandeel"), "34% van de inwoners met een buitenlandse nationaliteit woonde op 1 januari 2022 korter dan een jaar in Leiden (bron: BRP, gemeente Leiden).", "On 1 January 2022, 34% of the inhabitants with a foreign nationality had lived in Leiden for less than a year (source: BRP, municipality of Leiden)."],
  [figure("repats", "Nederlands", "2021", "aantal"), "In 2021 kwamen 478 Nederlanders na een verblijf in het buitenland in Leiden wonen (bron: BRP, gemeente Leiden).", "In 2021, 478 Dutch nationals came to live in Leiden after a stay abroad (source: BRP, municipality of Leiden)."],
  [figure("kinderen", "buitenlandse nationaliteit", "2022", "aantal", "Slaaghwijk", "12-17"), "Op 1 januari 2022 woonden in Slaaghwijk 60 kinderen van 12 tot en met 17 jaar met een buitenlandse nationaliteit (bron: BRP, gemeente Leiden).", "On 1 January 2022, 60 children aged 12 to 17 with a foreign nationality lived in Slaaghwijk (source: BRP, municipality of Leiden)."],
  [figure("expat-inschrijvingen", "buitenlandse nationaliteit", "2021", "aantal"), "In 2021 schreef het Expat Centre 450 internationals in de bevolkingsadministratie in (bron: Expat Centre Leiden).", "In 2021, the Expat Centre registered 450 internationals in the population register (source: Expat Centre Leiden)."],
  [figure("werknemers-werkend", "internationale werknemers", "2020", "aantal"), "In 2020 werkten 12.375 internationale werknemers in Leiden (bron: Decisio, in opdracht van Expat Centre Leiden).", "In 2020, 12,375 international workers were employed in Leiden (source: Decisio, commissioned by Expat Centre Leiden)."],
  [figure("werknemers-wonend", "arbeidsmigranten", "2011-2020", "groei", "Regio071"), "Het aantal arbeidsmigranten dat in Regio071 woont groeide tussen 2011 en 2020 met 71% (bron: Decisio, in opdracht van Expat Centre Leiden).", "The number of labour migrants living in the Leiden region (Regio071) grew by 71% between 2011 and 2020 (source: Decisio, commissioned by Expat Centre Leiden)."],
  [figure("loongrens", "kenniswerkers", "2020", "euro", "Nederland", "<30"), "In 2020 was het minimale brutojaarloon voor kenniswerkers onder de 30 jaar in Nederland € 30.672 (bron: Decisio, in opdracht van Expat Centre Leiden).", "In 2020, the minimum gross annual salary for knowledge workers under 30 in the Netherlands was € 30,672 (source: Decisio, commissioned by Expat Centre Leiden)."],
  [figure("sectoren-kenniswerkers", "onderwijs", "2020", "aandeel"), "In 2020 werkte 20% van de kenniswerkers in Leiden in de sector onderwijs (bron: Decisio, in opdracht van Expat Centre Leiden).", "In 2020, 20% of the knowledge workers in Leiden worked in education (source: Decisio, commissioned by Expat Centre Leiden)."],
  [figure("sectoren-arbeidsmigranten", "uitzendbureaus en detachering", "2020", "aandeel"), "In 2020 werkte 69% van de arbeidsmigranten in Leiden in de sector uitzendbureaus en detachering (bron: Decisio, in opdracht van Expat Centre Leiden).", "In 2020, 69% of the labour migrants in Leiden worked in temporary employment agencies (source: Decisio, commissioned by Expat Centre Leiden)."],
  [figure("kinderen-werknemers", "kenniswerkers", "2020", "aantal"), "In 2020 woonden in Leiden 1.330 kinderen van kenniswerkers (bron: Decisio, in opdracht van Expat Centre Leiden).", "In 2020, 1,330 children of knowledge workers lived in Leiden (source: Decisio, commissioned by Expat Centre Leiden)."],
  [figure("statushouders", "statushouders", "2022", "aantal"), "Op 1 januari 2022 woonden in Leiden 769 statushouders (bron: BRP, gemeente Leiden).", "On 1 January 2022, 769 status holders lived in Leiden (source: BRP, municipality of Leiden)."],
  [figure("studenten", "universiteit", "2021/2022", "aandeel"), "In het studiejaar 2021/2022 had 18,4% van de studenten aan de Universiteit Leiden een buitenlandse nationaliteit (bron: Nuffic).", "In the 2021/2022 academic year, 18.4% of the students at Leiden University had a foreign nationality (source: Nuffic)."],
  [figure("studenten-rang-aantal", "universiteit", "2021/2022", "rang"), "In het studiejaar 2021/2022 stond de Universiteit Leiden op plek 6 van de Nederlandse universiteiten naar aantal internationale studenten (bron: Nuffic).", "In the 2021/2022 academic year, Leiden University ranked 6th among Dutch universities by number of international students (source: Nuffic)."],
  [figure("studenten-rang-aandeel", "universiteit", "2021/2022", "rang"), "In het studiejaar 2021/2022 stond de Universiteit Leiden op plek 10 van de Nederlandse universiteiten naar aandeel internationale studenten (bron: Nuffic).", "In the 2021/2022 academic year, Leiden University ranked 10th among Dutch universities by share of international students (source: Nuffic)."],
];

/** The words of a sentence before its source, that carry meaning (four letters or more). */
const contentWords = (sentence: string) =>
  sentence
    .replace(/ \((bron|source): .*\)\.$/, "")
    .toLowerCase()
    .split(/[\s,.]+/)
    .filter((w) => w.length >= 4 && /\p{L}/u.test(w));

describe("the clerk's sentences", () => {
  it("have a pattern for every indicator of the edition, each tested here", () => {
    expect(new Set(CASES.map(([o]) => o.indicator))).toEqual(new Set(store.indicators.map((i) => i.id)));
  });

  it.each(CASES)("say %s as a sentence in Dutch and English", (o, nl, en) => {
    expect(clerkSentence(store, o, "nl")).toBe(nl);
    expect(clerkSentence(store, o, "en")).toBe(en);
  });

  it.each(["nl", "en"] as Language[])("repeat no word, and name the source and the period, for every figure of the edition (%s)", (language) => {
    for (const o of store.observations) {
      const sentence = clerkSentence(store, o, language);
      const words = contentWords(sentence);
      expect({ sentence, repeated: words.filter((w, i) => words.indexOf(w) !== i) }).toEqual({ sentence, repeated: [] });
      expect(sentence).toMatch(language === "nl" ? / \(bron: [^()]+\)\.$/ : / \(source: [^()]+\)\.$/);
      expect(sentence).toContain(o.periode.slice(-4)); // the year the figure refers to, or a span's last
      expect(sentence).toMatch(/^[A-Z0-9]/);
    }
  });

  it("inflect the nationalities the vocabulary does not know, as CBS names them", () => {
    expect(["Italiaans", "Chinees", "Pools", "Turks", "Marokkaans", "Syrisch"].map(nationalityAdjective)).toEqual(["Italiaanse", "Chinese", "Poolse", "Turkse", "Marokkaanse", "Syrische"]);
    const turks = { ...figure("inwoners", "Italiaans", "2022", "aantal"), groep: "Turks", waarde: 391, gebied: "Delft" };
    expect(clerkSentence(store, turks, "nl")).toBe("Op 1 januari 2022 telde Delft 391 inwoners met de Turkse nationaliteit (bron: BRP, gemeente Leiden).");
  });

  it("give an indicator an analyst added a plain sentence of its own", () => {
    const own = { ...figure("statushouders", "statushouders", "2022", "aantal"), indicator: "eigen-telling", waarde: 12 };
    expect(clerkSentence(store, own, "nl")).toBe("Op 1 januari 2022 was eigen-telling voor statushouders in Leiden 12 (bron: BRP, gemeente Leiden).");
    expect(clerkSentence(store, own, "en")).toBe("On 1 January 2022, eigen-telling for status holders in Leiden was 12 (source: BRP, municipality of Leiden).");
  });
});
