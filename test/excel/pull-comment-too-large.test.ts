import { snapshotOf } from "../../src/data/compare";
import { MonitorPackage } from "../../src/data/types";
import { cellRef } from "../../src/report/a1";
import { problemText } from "../../src/text/problems";
import { largePackage, runLoadData, snapshot, tableNamed, userWorkbook } from "../support/workbooks";

/**
 * A pull that deletes rows first reads every threaded comment of the table's sheet with its
 * replies, to put back those Excel deletes with the rows should it stop (issue 14). Excel on the
 * web answers no response over 5 MB (../shared/excel/README.md, "Size limits"), and a thread
 * with 60 replies of 32,767 Chinese characters, three bytes each in UTF-8, is 5.9 MB (the fake
 * weighs in UTF-8, fake-excel.ts payloadBytes): it cannot be read even alone. The pull names the
 * comment, by sheet and cell, in the pane's language, and changes nothing; not Excel's refusal
 * (ResponsePayloadSizeLimitExceeded) as it came.
 */
const ROWS = 400;
const base = largePackage(ROWS);
// Three rows dropped: the pull deletes rows of MonitorData, so it reads the comments on its sheet.
const next: MonitorPackage = { ...base, observations: base.observations.filter((_, i) => ![50, 150, 350].includes(i)) };
const reply = (n: number) => `${n} ${"统计数据说明".repeat(6000)}`.slice(0, 32_767);

it("a pull that must delete rows where a comment with its replies is over 5 MB names its sheet and cell, and changes nothing", async () => {
  const model = userWorkbook();
  await runLoadData(model, base, { previous: new Set() });
  const data = tableNamed(model, "MonitorData");
  if (!data) throw new Error("no MonitorData");
  const { row, column } = data.box;
  // Ordinary comments before and after it, read as usual; the large one on the Toelichting of the 201st figure.
  const comment = (r: number, text: string, replies: string[]) => ({ row: row + r, column: column + 12, text, author: "Anna de Vries", date: "2026-11-03T09:15:00.000Z", resolved: false, replies: replies.map((t) => ({ text: t, author: "Bram Jansen" })) });
  data.sheet.comments.push(comment(3, "Nagevraagd bij de bron.", ["Klopt."]), comment(201, "数据说明", Array.from({ length: 60 }, (_, n) => reply(n))), comment(300, "Zie toelichting.", []));
  const threadBytes = [data.sheet.comments[1].text, ...(data.sheet.comments[1].replies ?? []).map((r) => r.text)].reduce((n, t) => n + Buffer.byteLength(t), 0);
  expect(threadBytes).toBeGreaterThan(5.5 * 1024 * 1024);
  const before = snapshot(model);
  const { result } = await runLoadData(model, next, { previous: new Set(snapshotOf(base)) });
  const cell = cellRef(row + 201, column + 12);
  expect(result.ok ? [] : result.problems.map((p) => problemText(p, "en"))).toEqual([
    `The threaded comment in cell ${cell} of the sheet '${data.sheet.name}' is, with its replies, larger than Excel can pass on at once (5 MB). The pull must delete rows on that sheet, and first reads every comment there, to put them back should it stop; it cannot read this one. Nothing was changed. Shorten the comment or its replies, or delete some of the replies, and pull again.`,
  ]);
  expect(result.ok ? "" : problemText(result.problems[0], "nl")).toContain(`De opmerking in cel ${cell} van het blad '${data.sheet.name}'`);
  expect(snapshot(model)).toBe(before);
}, 120_000);
