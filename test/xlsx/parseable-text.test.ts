import * as ExcelJS from "exceljs";
import { buildPlan } from "../../src/report/plan";
import { renderXlsx } from "../../src/xlsx/workbook";
import { shippedPackage } from "../support/fixtures";
import { HOSTILE_TEXTS, hostilePackage } from "../support/hostile-package";

/**
 * The .xlsx holds a text from data as a string cell, whatever Excel would make of it typed: a
 * formula ("=1+2", "+31 71 516 5000", "-", "@x"), a quote prefix ("'quoted"), a number ("1.253",
 * "12%"), a date ("2022-01-01") or a Boolean ("TRUE"). A string cell is text when Excel opens the
 * file (ECMA-376 §18.3.1.4, t="s"/"inlineStr"; Excel parses typed input, not file content), so
 * no apostrophe is written: "'quoted" is the text with its apostrophe. Read back with exceljs, as
 * a reader independent of the writer's own code; expected texts come from the package built here.
 */
const TEXTS = HOSTILE_TEXTS;

const hostile = hostilePackage;

/** A string cell's text (exceljs reads an inline string with runs as rich text); null for any other cell. */
function textOf(cell: ExcelJS.Cell): string | null {
  if (cell.type === ExcelJS.ValueType.String) return cell.value as string;
  if (cell.type === ExcelJS.ValueType.RichText) return (cell.value as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join("");
  return null;
}

describe("texts Excel would parse, in the written .xlsx", () => {
  it("are string cells holding exactly those texts, in the data tables (bulk rows too) and on the sheets; no cell is a formula", async () => {
    const plan = buildPlan(hostile(), { language: "nl" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await renderXlsx(plan, ExcelJS)) as unknown as ExcelJS.Buffer);

    const kinds = new Map<string, Set<string>>();
    const written = new Map(TEXTS.map((t) => [t, 0]));
    workbook.eachSheet((sheet) =>
      sheet.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          const kind = ExcelJS.ValueType[cell.type];
          kinds.set(kind, (kinds.get(kind) ?? new Set()).add(sheet.name));
          const text = textOf(cell);
          if (text !== null && written.has(text)) written.set(text, written.get(text)! + 1);
        }),
      ),
    );
    // Texts, numbers (figures, dates) and nothing else: no formula, no Boolean, no error value.
    expect([...kinds.keys()].filter((k) => !["String", "RichText", "Number"].includes(k))).toEqual([]);

    const planned = new Map(TEXTS.map((t) => [t, 0]));
    const tables = [...plan.data.tables, ...plan.sheets.flatMap((s) => s.tables)];
    const values = [...plan.sheets.flatMap((s) => s.texts.map((t) => t.text)), ...tables.flatMap((t) => [...t.header, ...t.rows.flat()])];
    for (const value of values) if (typeof value === "string" && planned.has(value)) planned.set(value, planned.get(value)! + 1);
    // Every text is a note of MonitorData at least (the notes cycle through them), past its first rows too.
    const notes = shippedPackage().observations.length;
    for (const text of TEXTS) expect(planned.get(text)).toBeGreaterThanOrEqual(Math.floor(notes / TEXTS.length));
    expect(Object.fromEntries(written)).toEqual(Object.fromEntries(planned));
  }, 180_000); // a whole workbook written and read back on a busy machine
});
