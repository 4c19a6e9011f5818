import { Edition } from "../../src/data/descriptor";
import { MonitorStore } from "../../src/data/store";
import { MonitorPackage } from "../../src/data/types";
import { dataMakeup } from "../../src/report/edition";
import { pullFromCbs } from "../../src/sources/cbs/pull";
import { pullShipped, SHIPPED_ORIGIN } from "../../src/sources/shipped-source";
import { editionBox, EditionSources } from "../../src/taskpane/edition-box";
import { paneTexts } from "../../src/taskpane/i18n";
import { useCbsServer } from "../support/use-cbs-server";

/**
 * The task pane's Edition box after a CBS pull names what the data is: the report's edition with
 * the CBS figures added (municipalities, years), or the CBS figures alone; never the pull as the
 * edition. The CBS figures are the stand-in's synthetic ones (support/cbs-server.ts).
 */
const cbs = useCbsServer();
const shipped = pullShipped();

let delftUtrecht: { package: MonitorPackage; edition: Edition; origin: string };
let leiden: MonitorPackage;
beforeAll(async () => {
  const pulled = await pullFromCbs({ areas: ["Delft", "Utrecht"], from: 2020, to: 2022 }, cbs.options());
  const earlier = await pullFromCbs({ areas: ["Leiden"], from: 2012, to: 2014 }, cbs.options());
  if (!pulled.ok || !earlier.ok) throw new Error("the CBS stand-in's pull failed");
  delftUtrecht = pulled.value;
  leiden = earlier.value.package;
});

const beside = (...packages: MonitorPackage[]): MonitorPackage => ({ ...packages[0], observations: packages.flatMap((p) => p.observations) });
const afterCbsPull = (): EditionSources => ({ last: { edition: delftUtrecht.edition, origin: cbs.url, kind: "cbs" }, sheets: { edition: shipped.edition, origin: SHIPPED_ORIGIN } });
const boxOf = (pkg: MonitorPackage, sources: EditionSources, language: "nl" | "en") => editionBox(new MonitorStore(pkg), sources, paneTexts(language), language);

describe("the Edition box", () => {
  it("names the report's edition, and the CBS figures added beside it (Dutch)", () => {
    const pkg = beside(shipped.package, delftUtrecht.package);
    const box = boxOf(pkg, afterCbsPull(), "nl");
    expect(box.title).toBe("Monitor Internationalisering: Internationals in cijfers, Leiden 2022");
    expect(box.facts.slice(0, 5)).toEqual([
      ["Editie", "Monitor Internationalisering: Internationals in cijfers, Leiden 2022"],
      ["Versie", "2022.1.0"],
      ["Opgehaald uit", "de meegeleverde editie"],
      ["Peildatum", "1 januari 2022"],
      ["Toegevoegd", `CBS-cijfers voor 2 gemeenten (Delft, Utrecht), 2020–2022; opgehaald uit ${cbs.url}`],
    ]);
    expect(box.facts.map(([term]) => term).slice(5)).toEqual(["Cijfers", "Indicatoren", "Bronnen"]);
    expect(box.facts[5][1]).toBe(String(pkg.observations.length));
  });

  it("in English, with municipalities of different years each with its own, and without the edition's origin where the pane does not know it", () => {
    const sources = afterCbsPull();
    const box = boxOf(beside(shipped.package, delftUtrecht.package, leiden), { ...sources, sheets: { ...sources.sheets, origin: null } }, "en");
    expect(box.title).toBe("Monitor Internationalisering: Internationals in cijfers, Leiden 2022");
    expect(box.facts.slice(0, 4)).toEqual([
      ["Edition", "Monitor Internationalisering: Internationals in cijfers, Leiden 2022"],
      ["Version", "2022.1.0"],
      ["Reference date", "1 January 2022"],
      ["Added", `CBS figures for 3 municipalities: Delft 2020–2022, Leiden 2012–2014, Utrecht 2020–2022; fetched from ${cbs.url}`],
    ]);
  });

  it("names only the CBS figures where nothing else is loaded", () => {
    const pkg = beside(delftUtrecht.package, leiden);
    const nl = boxOf(pkg, afterCbsPull(), "nl");
    expect(nl.title).toBe("CBS-cijfers voor 3 gemeenten");
    expect(nl.facts.slice(0, 2)).toEqual([
      ["Gegevens", `CBS-cijfers voor 3 gemeenten: Delft 2020–2022, Leiden 2012–2014, Utrecht 2020–2022; opgehaald uit ${cbs.url}`],
      ["Peildatum", "1 januari 2022"],
    ]);
    const en = boxOf(delftUtrecht.package, afterCbsPull(), "en");
    expect(en.title).toBe("CBS figures for 2 municipalities");
    expect(en.facts[0]).toEqual(["Data", `CBS figures for 2 municipalities (Delft, Utrecht), 2020–2022; fetched from ${cbs.url}`]);
  });

  it("names the edition last pulled where the data has no CBS figures, as before", () => {
    const box = boxOf(shipped.package, { last: { edition: shipped.edition, origin: SHIPPED_ORIGIN, kind: "shipped" }, sheets: { edition: shipped.edition, origin: SHIPPED_ORIGIN } }, "en");
    expect(box.title).toBe("Monitor Internationalisering: Internationals in cijfers, Leiden 2022");
    expect(box.facts).toEqual([
      ["Edition", "Monitor Internationalisering: Internationals in cijfers, Leiden 2022"],
      ["Version", "2022.1.0"],
      ["Fetched from", "the edition that comes with the add-in"],
      ["Reference date", "1 January 2022"],
      ["Figures", "112"],
      ["Indicators", "22"],
      ["Sources", "BRP, CBS, ECL, Decisio, Nuffic"],
    ]);
  });
});

describe("the CBS figures' words", () => {
  it("give a municipality's years as spans of consecutive years", () => {
    const gap = { municipalities: [{ name: "Delft", years: ["2012", "2013", "2014", "2020"] }], origin: null };
    expect(paneTexts("nl").cbsFigures(gap)).toBe("CBS-cijfers voor 1 gemeente (Delft), 2012–2014 en 2020");
    expect(paneTexts("en").cbsFigures(gap)).toBe("CBS figures for 1 municipality (Delft), 2012–2014 and 2020");
  });
});

describe("what the data is made of", () => {
  it("tells the CBS figures a pull wrote (no page number) from the CBS figures the report quotes (with their page)", () => {
    expect(dataMakeup(new MonitorStore(shipped.package))).toEqual({ others: true, cbs: [] });
    expect(dataMakeup(new MonitorStore(beside(shipped.package, leiden)))).toEqual({ others: true, cbs: [{ name: "Leiden", years: ["2012", "2013", "2014"] }] });
    expect(dataMakeup(new MonitorStore(leiden))).toEqual({ others: false, cbs: [{ name: "Leiden", years: ["2012", "2013", "2014"] }] });
    // The report's own CBS figures (Nederland's shares, Leiden's ranks) are the edition's, not a pull's.
    const reportsCbs = { ...shipped.package, observations: shipped.package.observations.filter((o) => o.bron === "CBS") };
    expect(reportsCbs.observations.length).toBe(7);
    expect(dataMakeup(new MonitorStore(reportsCbs))).toEqual({ others: true, cbs: [] });
  });
});
