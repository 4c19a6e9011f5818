import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { Edition } from "../../src/data/descriptor";
import { MonitorPackage } from "../../src/data/types";
import { buildPlan } from "../../src/report/plan";
import { SHIPPED_EDITION } from "../../src/sources/shipped-source";
import { renderXlsx } from "../../src/xlsx/workbook";

/** A package rendered as `npm run workbook` does; the edition defaults to the shipped one's datapackage.json. */
export async function renderPackage(pkg: MonitorPackage, language: "nl" | "en" = "nl", edition: Edition = SHIPPED_EDITION): Promise<Uint8Array> {
  return renderXlsx(buildPlan(pkg, { language, edition }), ExcelJS);
}

export interface XlsxContents {
  zip: JSZip;
  files: string[];
  read: (path: string) => Promise<string>;
  /** Table name → its sheet's name and ref, from xl/tables and the sheets that own them. */
  tables: () => Promise<Map<string, { ref: string; sheet: string }>>;
  /** Per chart part: its kind (lineChart, barChart …), barDir, series formulas and cached values. */
  charts: () => Promise<{ path: string; kind: string; barDir: string | null; title: string; refs: string[]; cachedValues: number }[]>;
}

/** Opens an .xlsx package and reads what a test needs to assert about it. */
export async function openXlsx(bytes: Uint8Array): Promise<XlsxContents> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files);
  const read = async (path: string) => (await zip.file(path)?.async("string")) ?? "";
  const sheetNames = async () => {
    const workbook = await read("xl/workbook.xml");
    const rels = await read("xl/_rels/workbook.xml.rels");
    const result = new Map<string, string>();
    for (const m of workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
      const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)?.[1];
      if (target) result.set(`xl/${target.replace(/^\/?xl\//, "")}`, m[1]);
    }
    return result;
  };
  return {
    zip,
    files,
    read,
    tables: async () => {
      const names = await sheetNames();
      const owner = new Map<string, string>();
      for (const [path, sheet] of names) {
        const relsPath = path.replace(/([^/]+)$/, "_rels/$1.rels");
        for (const m of (await read(relsPath)).matchAll(/Target="\.\.\/tables\/([^"]+)"/g)) owner.set(`xl/tables/${m[1]}`, sheet);
      }
      const tables = new Map<string, { ref: string; sheet: string }>();
      for (const path of files.filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f))) {
        const xml = await read(path);
        const name = /<table\b[^>]*\bname="([^"]+)"/.exec(xml)?.[1] as string;
        tables.set(name, { ref: /\bref="([^"]+)"/.exec(xml)?.[1] as string, sheet: owner.get(path) ?? "?" });
      }
      return tables;
    },
    charts: async () =>
      Promise.all(
        files
          .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
          .map(async (path) => {
            const xml = await read(path);
            return {
              path,
              kind: /<c:(lineChart|barChart|pieChart|doughnutChart)>/.exec(xml)?.[1] ?? "?",
              barDir: /<c:barDir val="(\w+)"/.exec(xml)?.[1] ?? null,
              title: /<c:title>.*?<a:t>([^<]*)<\/a:t>/.exec(xml)?.[1] ?? "",
              refs: [...xml.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1].replace(/&apos;/g, "'")),
              cachedValues: [...xml.matchAll(/<c:numCache>.*?<\/c:numCache>/g)].reduce((n, m) => n + (m[0].match(/<c:pt /g)?.length ?? 0), 0),
            };
          }),
      ),
  };
}
