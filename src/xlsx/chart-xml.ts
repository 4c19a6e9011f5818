import { Language } from "../data/types";
import { paletteColour } from "../report/palette";
import { ChartPlan } from "../report/types";
import { absoluteRef } from "../report/a1";
import { escapeXml, quoteSheet } from "./cells";

/**
 * DrawingML for one chart (xl/charts/chartN.xml). exceljs cannot write charts, so we write the
 * part ourselves: series reference the table's cells and carry cached values, so every viewer
 * draws the chart without recalculating.
 */

const NS = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const CATEGORY_AXIS = 500100;
const VALUE_AXIS = 500200;

/**
 * The language tag of a chart's texts, for spelling and hyphenation: Dutch as spoken in the
 * Netherlands, and British English, the spelling the English texts use ("neighbourhood",
 * "Internationalisation").
 */
const LANGUAGE_TAG: Record<Language, string> = { nl: "nl-NL", en: "en-GB" };

function richText(text: string, size: number, bold: boolean, language: Language): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="${LANGUAGE_TAG[language]}" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

const title = (text: string, size: number, language: Language) => `<c:title>${richText(text, size, true, language)}<c:overlay val="0"/></c:title>`;
const fill = (colour: string) => `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr>`;
const line = (colour: string) => `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:round/></a:ln></c:spPr>`;

function stringCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join("")}</c:strCache>`;
}

function numberCache(values: (number | string | null)[], format: string): string {
  const points = values.map((v, i) => (typeof v === "number" ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

function dataLabels(format: string, pie: boolean): string {
  return `<c:dLbls><c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>${pie ? '<c:showLeaderLines val="1"/>' : ""}</c:dLbls>`;
}

/**
 * The two axes. Every category keeps its label (tickLblSkip 1: Excel and LibreOffice otherwise
 * drop every other one when they crowd). Bars list their categories top-down, in table order
 * (categories reversed, the value axis crossing at the last one, so it stays at the bottom).
 * Ranks run from 1 at the top (values reversed, from 1; categories crossing at the largest rank,
 * so their labels stay at the bottom): a better rank stands higher. Bars and columns of figures
 * none below 0 start at 0, so a bar's length is its figure.
 */
function axes(chart: ChartPlan, horizontal: boolean, language: Language): string {
  const axisTitle = (text: string | null) => (text ? title(text, 1000, language) : "");
  const shared = '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>';
  const categoriesDown = horizontal;
  const valueScaling = chart.ranks ? '<c:orientation val="maxMin"/><c:min val="1"/>' : `<c:orientation val="minMax"/>${chart.fromZero ? '<c:min val="0"/>' : ""}`;
  return (
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="${categoriesDown ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/>${axisTitle(chart.categoryAxisTitle)}<c:numFmt formatCode="General" sourceLinked="0"/>${shared}<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="${chart.ranks ? "max" : "autoZero"}"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling>${valueScaling}</c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>${axisTitle(chart.valueAxisTitle)}<c:numFmt formatCode="${escapeXml(chart.numberFormat)}" sourceLinked="0"/>${shared}<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="${categoriesDown ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/** `language`: the workbook's, the language its texts are tagged with. */
export function chartXml(chart: ChartPlan, sheetName: string, language: Language): string {
  const { table } = chart;
  const sheet = quoteSheet(sheetName);
  const firstDataRow = table.row + 1;
  const lastDataRow = table.row + table.rows.length;
  const categories = table.rows.map((r) => String(r[0]));
  const categoryRef = `${sheet}!${absoluteRef(firstDataRow, table.column)}:${absoluteRef(lastDataRow, table.column)}`;
  const pie = chart.kind === "pie" || chart.kind === "doughnut";
  const seriesColumns = pie ? [1] : table.header.slice(1).map((_, i) => i + 1);
  const series = seriesColumns
    .map((column, index) => {
      const colour = chart.colours[index] ?? paletteColour(index);
      const nameRef = `${sheet}!${absoluteRef(table.row, table.column + column)}`;
      const valueRef = `${sheet}!${absoluteRef(firstDataRow, table.column + column)}:${absoluteRef(lastDataRow, table.column + column)}`;
      const style =
        chart.kind === "line"
          ? `${line(colour)}<c:marker><c:symbol val="circle"/><c:size val="6"/>${fill(colour)}</c:marker>`
          : pie
            ? categories.map((_, i) => `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="${chart.colours[i] ?? paletteColour(i)}"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr></c:dPt>`).join("")
            : `${fill(colour)}<c:invertIfNegative val="0"/>`;
      const labels = chart.showValues ? dataLabels(chart.numberFormat, pie) : "";
      return (
        `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(nameRef)}</c:f>${stringCache([table.header[column]])}</c:strRef></c:tx>` +
        style +
        labels +
        `<c:cat><c:strRef><c:f>${escapeXml(categoryRef)}</c:f>${stringCache(categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(valueRef)}</c:f>${numberCache(table.rows.map((r) => r[column]), chart.numberFormat)}</c:numRef></c:val>` +
        (chart.kind === "line" ? '<c:smooth val="0"/>' : "") +
        `</c:ser>`
      );
    })
    .join("");
  const axisIds = `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;
  let plot: string;
  switch (chart.kind) {
    case "line":
      plot = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axisIds}</c:lineChart>${axes(chart, false, language)}`;
      break;
    case "columnClustered":
    case "barClustered": {
      const horizontal = chart.kind === "barClustered";
      plot = `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/>${axisIds}</c:barChart>${axes(chart, horizontal, language)}`;
      break;
    }
    case "pie":
      plot = `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`;
      break;
    case "doughnut":
      plot = `<c:doughnutChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/><c:holeSize val="55"/></c:doughnutChart>`;
      break;
  }
  const legend = pie || seriesColumns.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace ${NS}><c:roundedCorners val="0"/><c:chart>${title(chart.title, 1200, language)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:latin typeface="Segoe UI"/></a:defRPr></a:pPr><a:endParaRPr lang="${LANGUAGE_TAG[language]}"/></a:p></c:txPr></c:chartSpace>`;
}
