import { snapshotOf } from "../../src/data/compare";
import { cellBytes, jsonBytes, textBytes } from "../../src/excel/batch";
import { MonitorPackage } from "../../src/data/types";
import { problemText } from "../../src/text/problems";
import { payloadBytes, WorkbookModel } from "../support/fake-excel";
import { largePackage, runLoadData, tableValues, userWorkbook } from "../support/workbooks";

/**
 * Excel on the web refuses a request or a response over 5 MB (../shared/excel/README.md, "Size
 * limits"), and megabytes are bytes: the fake weighs each sync's JSON in UTF-8
 * (fake-excel.ts payloadBytes). A Toelichting of Chinese characters, three bytes each, and emoji,
 * four bytes for two UTF-16 units, weighs 2.75 bytes a character here: the add-in's estimate of a
 * text (batch.ts textBytes, CHAR_BYTES a character) must not take it at fewer, or a sync it plans
 * at 4 MB carries more than 5 MB (at two bytes a character, as before: 5.5 MB).
 */
const MB = 1024 * 1024;
const EXCEL_LIMIT = 5 * MB;
const ROWS = 1000;
/** A Toelichting of 6,000 and more UTF-16 units, about 16.5 KB in UTF-8, its own by `n` and `kind`. */
const text = (n: number, kind: string) => `${kind} ${n} ${"统计数据说明😀".repeat(750)}`;
const withTexts = (pkg: MonitorPackage, kind: string): MonitorPackage => ({ ...pkg, observations: pkg.observations.map((o, n) => ({ ...o, toelichting: text(n, kind) })) });

const base = withTexts(largePackage(ROWS), "a");
// A row in a hundred dropped, every other text changed, 30 rows added.
const next: MonitorPackage = withTexts({ ...base, observations: [...base.observations.filter((_, i) => i % 100 !== 7), ...largePackage(ROWS + 30).observations.slice(ROWS)] }, "b");

/** Each figure's Toelichting in MonitorData, by its key (indicator, area, group, age, period), and the number of body rows. */
function textsByKey(model: WorkbookModel): { rows: number; texts: Map<string, unknown> } {
  const [header, ...rows] = tableValues(model, "MonitorData");
  const at = (name: string) => header.indexOf(name);
  const key = (r: readonly unknown[]) => ["Indicator", "Gebied", "Groep", "Leeftijd", "Periode"].map((name) => r[at(name)]).join("|");
  return { rows: rows.length, texts: new Map(rows.map((r) => [key(r), r[at("Toelichting")]])) };
}
const expected = (pkg: MonitorPackage) => ({
  rows: pkg.observations.length,
  texts: new Map(pkg.observations.map((o) => [[o.indicator, o.gebied, o.groep, o.leeftijd ?? "", o.periode].join("|"), o.toelichting])),
});

const largest = (syncs: WorkbookModel["batches"]) => ({ request: Math.max(...syncs.map((b) => b.bytes)), response: Math.max(...syncs.map((b) => b.responseBytes)) });

describe("a load and a pull of long texts in Chinese characters and emoji (16 MB of UTF-8)", () => {
  it("are written in syncs of under 5 MB each way, and the workbook holds every text", async () => {
    const textBytes = base.observations.reduce((n, o) => n + Buffer.byteLength(o.toelichting), 0);
    expect(textBytes).toBeGreaterThan(15 * MB);
    const model = userWorkbook();
    const first = await runLoadData(model, base, { previous: new Set() });
    if (!first.result.ok) throw new Error(first.result.problems.map((p) => problemText(p, "en")).join());
    const loading = model.batches.slice();
    // Split by the bytes: 16.5 MB of text in more than three syncs, each under the limit.
    expect(loading.filter((b) => b.cellsWritten > 0).length).toBeGreaterThan(3);
    expect(largest(loading).request).toBeLessThanOrEqual(EXCEL_LIMIT);
    expect(largest(loading).request).toBeGreaterThan(3 * MB); // each about the batch's 4 MB: the estimate is not far above the bytes either
    expect(largest(loading).response).toBeLessThanOrEqual(EXCEL_LIMIT);
    expect(textsByKey(model)).toEqual(expected(base));

    const start = model.batches.length;
    const pulled = await runLoadData(model, next, { previous: new Set(snapshotOf(base)) });
    if (!pulled.result.ok) throw new Error(pulled.result.problems.map((p) => problemText(p, "en")).join());
    const pulling = model.batches.slice(start);
    // The comparison's read of the table guesses a cell at 100 bytes before it has read one
    // (batch.ts readRows, FIRST_CELL_BYTES): Excel refuses that first block as too large, and it
    // is read again in halves. Those are the only responses over 5 MB: every other sync was sized
    // from the texts themselves (the looks before the deletes and writes, the writes, the new rows).
    const over = pulling.flatMap((b, i) => (b.responseBytes > EXCEL_LIMIT ? [i] : []));
    for (const i of over) expect([pulling[i].cellsWritten, pulling[i + 1].responseBytes / pulling[i].responseBytes]).toEqual([0, expect.closeTo(0.5, 2)]);
    expect(largest(pulling).request).toBeLessThanOrEqual(EXCEL_LIMIT);
    expect(pulling.filter((b) => b.cellsWritten > 0).length).toBeGreaterThan(3);
    expect(textsByKey(model)).toEqual(expected(next));
  }, 120_000);
});

describe("the add-in's weight of a text", () => {
  // Latin, Dutch, Arabic, Chinese, emoji, what JSON escapes in two (quote, backslash, line break) or six (a control character, a lone surrogate).
  const TEXTS = ["Bevolking", "Coëfficiënt één", "السكان حسب الجنسية", "统计数据说明", "😀👍🏽", 'zei "ja" \\ nee\n', "a\u0001b", "\u0001\u001f".repeat(8), "x\ud800y", "\udc00".repeat(8), "😀".repeat(1000)];
  it.each(TEXTS.map((t) => [JSON.stringify(Array.from(t).slice(0, 16).join("")), t]))("is never less than what the fake weighs it at (%s)", (_shown, t) => {
    expect(textBytes(t)).toBeGreaterThanOrEqual(payloadBytes(t));
    expect(cellBytes(t)).toBeGreaterThanOrEqual(payloadBytes(t) + 1);
    expect(jsonBytes({ t })).toBeGreaterThanOrEqual(payloadBytes({ t }));
  });
  it("is the text's bytes where it is plain ASCII", () => {
    expect([textBytes("Bevolking"), payloadBytes("Bevolking")]).toEqual([11, 11]);
  });
});
