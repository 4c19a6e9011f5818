import { Edition } from "../../src/data/descriptor";
import { MonitorPackage } from "../../src/data/types";
import { buildPlan } from "../../src/report/plan";
import { numericColumns, WorkbookPlan } from "../../src/report/types";
import { pullFromCbs } from "../../src/sources/cbs/pull";
import { SHIPPED_EDITION } from "../../src/sources/shipped-source";
import { chartXml } from "../../src/xlsx/chart-xml";
import { EDITION_2023, edition2023 } from "../support/edition-2023";
import { shippedPackage } from "../support/fixtures";
import { problemText } from "../../src/text/problems";
import { useCbsServer } from "../support/use-cbs-server";

/**
 * Charts and tables read right, in every workbook kind: one colour per label across a sheet,
 * ranks drawn with 1 on top, every bar with room for its label, nothing written where a chart
 * stands. CBS figures come from the local stand-in (synthetic, see cbs-server.ts).
 */
const cbs = useCbsServer();
const workbooks: [string, WorkbookPlan][] = [];
beforeAll(async () => {
  const pulled = await pullFromCbs({ areas: ["Leiden", "Delft"], from: 2012, to: 2024 }, cbs.options());
  if (!pulled.ok) throw new Error(pulled.problems.map((p) => problemText(p, "nl")).join("\n"));
  const kinds: [string, MonitorPackage, Edition][] = [
    ["2022", shippedPackage(), SHIPPED_EDITION],
    ["2023 (synthetic)", edition2023(), EDITION_2023],
    ["CBS Leiden and Delft", pulled.value.package, pulled.value.edition],
  ];
  for (const [name, pkg, edition] of kinds) for (const language of ["nl", "en"] as const) workbooks.push([`${name}, ${language}`, buildPlan(pkg, { language, edition })]);
});

describe("charts and tables that read right", () => {
  it("give a label the same colour in every chart of a sheet", () => {
    for (const [, plan] of workbooks) {
      for (const sheet of plan.sheets) {
        const colourOf = new Map<string, string>();
        for (const chart of sheet.charts) {
          const pie = chart.kind === "pie" || chart.kind === "doughnut";
          const labels = pie ? chart.table.rows.map((r) => String(r[0])) : chart.table.header.slice(1);
          expect(chart.colours).toHaveLength(labels.length);
          labels.forEach((label, i) => {
            expect({ sheet: sheet.name, label, colour: chart.colours[i] }).toEqual({ sheet: sheet.name, label, colour: colourOf.get(label) ?? chart.colours[i] });
            colourOf.set(label, chart.colours[i]);
          });
          // Within one chart, two series never share a colour.
          expect(new Set(chart.colours).size).toBe(chart.colours.length);
        }
      }
    }
    const bevolking = workbooks[0][1].sheets[0];
    expect(bevolking.charts.map((c) => c.colours[c.table.header.indexOf("2022") - 1])).toEqual([bevolking.charts[0].colours[2], bevolking.charts[0].colours[2]]);
  });

  it("draw ranks as lines with rank 1 at the top, the axis from 1", () => {
    let ranks = 0;
    for (const [, plan] of workbooks) {
      for (const chart of plan.sheets.flatMap((s) => s.charts).filter((c) => c.ranks)) {
        ranks++;
        expect(chart.kind).toBe("line");
        const xml = chartXml(chart, "Blad", plan.language);
        expect(xml).toMatch(/<c:valAx><c:axId val="\d+"\/><c:scaling><c:orientation val="maxMin"\/><c:min val="1"\/><\/c:scaling>/);
        // The years stay at the bottom: the category axis crosses the reversed value axis at its maximum.
        expect(xml).toMatch(/<c:crossAx val="\d+"\/><c:crosses val="max"\/><c:auto val="1"\/>/);
      }
    }
    expect(ranks).toBeGreaterThanOrEqual(6);
  });

  it("start bars and columns at 0 where no figure is below it, so that a bar's length is its figure", () => {
    let bars = 0;
    for (const [, plan] of workbooks) {
      for (const chart of plan.sheets.flatMap((s) => s.charts).filter((c) => c.kind === "barClustered" || c.kind === "columnClustered")) {
        const values = chart.table.rows.flatMap((r) => r.slice(1)).filter((v): v is number => typeof v === "number");
        const fromZero = /<c:valAx><c:axId val="\d+"\/><c:scaling><c:orientation val="minMax"\/><c:min val="0"\/><\/c:scaling>/.test(chartXml(chart, "Blad", plan.language));
        expect({ title: chart.title, fromZero }).toEqual({ title: chart.title, fromZero: values.every((v) => v >= 0) });
        bars++;
      }
    }
    expect(bars).toBeGreaterThanOrEqual(20);
    // Line charts keep Excel's own scale (a trend of shares near 11% is not squeezed to the bottom).
    for (const [, plan] of workbooks) for (const chart of plan.sheets.flatMap((s) => s.charts).filter((c) => c.kind === "line" && !c.ranks)) expect(chartXml(chart, "Blad", plan.language)).not.toContain('<c:min val="0"/>');
  });

  it("label every category: no label skipped, a bar chart tall enough for its bars, listed top-down", () => {
    for (const [, plan] of workbooks) {
      for (const chart of plan.sheets.flatMap((s) => s.charts)) {
        const xml = chartXml(chart, "Blad", plan.language);
        if (chart.kind !== "pie" && chart.kind !== "doughnut") expect(xml).toContain('<c:tickLblSkip val="1"/>');
        if (chart.kind !== "barClustered") continue;
        const bars = chart.table.rows.length * Math.max(1, (chart.table.header.length - 1) * 0.7);
        expect(chart.anchor.toRow - chart.anchor.fromRow).toBeGreaterThanOrEqual(Math.ceil(bars) + 6);
        expect(xml).toMatch(/<c:catAx><c:axId val="\d+"\/><c:scaling><c:orientation val="maxMin"\/>/);
      }
    }
  });

  it("write nothing where a chart stands, and put each caption above its chart", () => {
    for (const [name, plan] of workbooks) {
      for (const sheet of plan.sheets) {
        for (const chart of sheet.charts) {
          for (const line of sheet.texts) expect({ name, sheet: sheet.name, line: line.text, under: line.row >= chart.anchor.fromRow && line.row < chart.anchor.toRow && line.style !== "caption" }).toMatchObject({ under: false });
          const caption = sheet.texts.find((t) => t.row === chart.table.row - 1);
          expect(caption?.text).toBe(chart.title);
          expect(chart.anchor.fromRow).toBeGreaterThan(caption?.row ?? Infinity);
        }
        // Tables and charts of one block never reach into the next block's caption.
        const captions = sheet.texts.filter((t) => t.style === "caption").map((t) => t.row);
        for (const chart of sheet.charts) expect(captions.filter((row) => row > chart.anchor.fromRow && row < chart.anchor.toRow)).toEqual([]);
      }
    }
  });

  it("tell columns of figures from columns of names, for their headers to align with them", () => {
    const plan = workbooks[0][1];
    const table = plan.sheets.find((s) => s.key === "bevolking")?.tables[0];
    expect(table && numericColumns(table)).toEqual([false, true, true, true]);
  });
});
