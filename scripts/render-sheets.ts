/**
 * `npm run render -- [--out FOLDER] [--readme]`
 * Renders every indicator sheet of a few workbooks as PNG images as LibreOffice shows them, to look
 * at a layout change and to make the README's screenshots (docs/images/sheet-*.png) reproducibly:
 * - leiden-2022-nl, leiden-2022-en: the shipped package (data/leiden-2022), as `npm run workbook` writes it;
 * - leiden-2023-nl, leiden-2023-en: the tests' SYNTHETIC 2023 edition (test/support/edition-2023.ts);
 * - delft-nl, delft-en: a CBS pull of Delft, 2012-2024, from the tests' local stand-in for StatLine
 *   (test/support/cbs-server.ts: SYNTHETIC figures, never CBS's), as `npm run pull` writes it.
 * Each workbook is written by the commands' own code (the package loaded, buildPlan, writeXlsxFile),
 * turned into a PDF with one page per sheet (soffice, SinglePageSheets) in a LibreOffice profile of
 * the workbook's locale (nl-NL or en-GB, so that a table's numbers read as Excel in that locale
 * shows them), and each indicator sheet's page into FOLDER/SET/NN-name.png (pdftoppm, 96 dpi).
 * --readme also writes the README's three sheet screenshots into docs/images: the sheet down to
 * its sentences (cropped above "Zinnen om over te nemen"), with a white margin (ImageMagick).
 * Needs LibreOffice, poppler-utils and ImageMagick (its `convert`, or the one CONVERT names); writes
 * nothing into the project without --readme.
 */
import { execFileSync } from "child_process";
import { mkdirSync, rmSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { Edition } from "../src/data/descriptor";
import { Language, MonitorPackage } from "../src/data/types";
import { buildPlan } from "../src/report/plan";
import { textOf } from "../src/text/message";
import { writeXlsxFile } from "../src/xlsx/xlsx-file";
import { startCbsServer } from "../test/support/cbs-server";
import { EDITION_2023, edition2023 } from "../test/support/edition-2023";
import { loadPackageFrom } from "./lib/load";
import { pullCommand } from "./lib/pull-command";
import { DEFAULT_PACKAGE, projectRoot } from "./lib/read-package";

const ROOT = projectRoot(__dirname);
const DPI = 96;
/** The README's screenshots: which set's sheet each one shows. */
const README_IMAGES: { file: string; set: string; sheet: string }[] = [
  { file: "sheet-vestiging.png", set: "leiden-2022-nl", sheet: "Vestiging en vertrek" },
  { file: "sheet-nationaliteiten.png", set: "leiden-2022-nl", sheet: "Nationaliteiten" },
  { file: "sheet-delft.png", set: "delft-nl", sheet: "Bevolking Delft" },
];
/** Where a sheet's screenshot ends: above its sentences' heading, in either language. */
const SENTENCES_HEADING = /^(Zinnen|Sentences)$/;

interface Loaded {
  package: MonitorPackage;
  edition: Edition;
}

const LOCALES: Record<Language, string> = { nl: "nl-NL", en: "en-GB" };

/** A LibreOffice user profile whose locale is `locale`: numbers are formatted as in that locale. */
function profile(folder: string, locale: string): string {
  const dir = join(folder, `.lo-${locale}`);
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(
    join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n` +
      `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>\n</oor:items>\n`,
  );
  return `file://${dir}`;
}

const slug = (name: string) => name.normalize("NFD").replace(/[^\w]+/g, "-").replace(/^-|-$/g, "").toLowerCase();

/** Writes the workbook, its PDF and a PNG per indicator sheet; returns each sheet's name with its PNG and PDF page. */
async function render(folder: string, set: string, loaded: Loaded, language: Language): Promise<Map<string, { png: string; pdf: string; page: number }>> {
  const dir = join(folder, set);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const plan = buildPlan(loaded.package, { language, edition: loaded.edition });
  const xlsx = join(dir, `${set}.xlsx`);
  await writeXlsxFile(plan, xlsx);
  const exportFilter = 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}';
  execFileSync("soffice", [`-env:UserInstallation=${profile(folder, LOCALES[language])}`, "--headless", "--convert-to", exportFilter, "--outdir", dir, xlsx], { stdio: "ignore" });
  const pdf = join(dir, `${set}.pdf`);
  const pages = new Map<string, { png: string; pdf: string; page: number }>();
  plan.sheets.forEach((sheet, i) => {
    const page = i + 2; // page 1 is the Data sheet
    const base = join(dir, `${String(i + 1).padStart(2, "0")}-${slug(sheet.name)}`);
    execFileSync("pdftoppm", ["-png", "-r", String(DPI), "-f", String(page), "-l", String(page), "-singlefile", pdf, base]);
    pages.set(sheet.name, { png: `${base}.png`, pdf, page });
  });
  console.log(`${set}: ${plan.sheets.length} sheets in ${dir}`);
  return pages;
}

/** The height in pixels above the sentences' heading on a PDF page (the whole page when it has none). */
function heightAboveSentences(pdf: string, page: number): number | null {
  const words = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-bbox", pdf, "-"], { encoding: "utf8" });
  for (const match of words.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)) {
    if (SENTENCES_HEADING.test(match[2])) return Math.floor(((Number(match[1]) - 6) * DPI) / 72);
  }
  return null;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const outAt = argv.indexOf("--out");
  const folder = resolve(outAt >= 0 ? argv[outAt + 1] : join(ROOT, "build", "renders"));
  mkdirSync(folder, { recursive: true });
  const rendered = new Map<string, Map<string, { png: string; pdf: string; page: number }>>();
  const leiden = await loadPackageFrom(DEFAULT_PACKAGE);
  const cbs = await startCbsServer();
  const delftFolder = join(folder, "delft-package");
  try {
    rmSync(delftFolder, { recursive: true, force: true });
    process.env.CBS_ODATA_URL = cbs.url;
    const pulled = await pullCommand({ areas: ["Delft"], from: 2012, to: 2024, out: delftFolder, language: "en" }, () => undefined);
    console.log(textOf(pulled, "en"));
  } finally {
    await cbs.close();
  }
  const delft = await loadPackageFrom(delftFolder);
  const sets: [string, Loaded, Language][] = [
    ["leiden-2022-nl", leiden, "nl"],
    ["leiden-2022-en", leiden, "en"],
    ["leiden-2023-nl", { package: edition2023(), edition: EDITION_2023 }, "nl"],
    ["leiden-2023-en", { package: edition2023(), edition: EDITION_2023 }, "en"],
    ["delft-nl", delft, "nl"],
    ["delft-en", delft, "en"],
  ];
  for (const [set, loaded, language] of sets) rendered.set(set, await render(folder, set, loaded, language));
  if (!argv.includes("--readme")) return;
  for (const image of README_IMAGES) {
    const page = rendered.get(image.set)?.get(image.sheet);
    if (!page) throw new Error(`No sheet "${image.sheet}" in ${image.set}: ${[...(rendered.get(image.set)?.keys() ?? [])].join(", ")}`);
    const height = heightAboveSentences(page.pdf, page.page);
    const crop = height === null ? [] : ["-crop", `x${height}+0+0`, "+repage"];
    const target = join(ROOT, "docs", "images", image.file);
    execFileSync(process.env.CONVERT || "convert", [page.png, ...crop, "-bordercolor", "white", "-border", "16", "-strip", target]);
    console.log(`${target} from ${page.png}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
