/**
 * What the pane says of a comparison before anything is written: a summary line and one line per
 * row that changes or is kept (at most SHOWN_PER_KIND of each kind). Pure: the Data tab puts the
 * lines on the page, the tests read them as they are.
 */
import { OBSERVATION_COLUMNS } from "../data/columns";
import { Comparison, nothingChanges } from "../data/compare";
import { formatFigure } from "../data/format";
import { Language, Observation } from "../data/types";
import { Texts } from "./i18n";

export const SHOWN_PER_KIND = 25;

const describeRow = (o: Observation) => [o.groep, o.gebied, o.leeftijd, o.periode].filter(Boolean).join(" · ") + ` (${o.indicator})`;

/** The contract's names of the columns besides Waarde in which two versions of a row differ ("Toelichting"). */
const otherColumns = (a: Observation, b: Observation) => OBSERVATION_COLUMNS.filter((c) => c.key !== "waarde" && a[c.key] !== b[c.key]).map((c) => c.name);

export function comparisonLines(comparison: Comparison, t: Texts, lang: Language): { summary: string; items: string[] } {
  const figure = (o: Observation) => formatFigure(o.waarde, o.eenheid, lang);
  const items: string[] = [];
  const add = <T>(list: T[], line: (item: T) => string) => {
    for (const item of list.slice(0, SHOWN_PER_KIND)) items.push(line(item));
    if (list.length > SHOWN_PER_KIND) items.push(t.more({ n: list.length - SHOWN_PER_KIND }));
  };
  add(comparison.added, (o) => t.addedItem({ what: describeRow(o), value: figure(o) }));
  // A figure that stays the same with another note (or source, date, page) is said as that, not as "1,253 → 1,253".
  add(comparison.changed, (d) => {
    const columns = d.before.waarde === d.after.waarde ? otherColumns(d.before, d.after) : [];
    return columns.length ? t.changedColumns({ what: describeRow(d.after), value: figure(d.after), columns }) : t.changedFigure({ what: describeRow(d.after), from: figure(d.before), to: figure(d.after) });
  });
  add(comparison.removed, (o) => t.removedItem({ what: describeRow(o), value: figure(o) }));
  add(comparison.removedByYou, ({ row, newFigure }) => (newFigure ? t.removedByYouNew : t.removedByYouItem)({ what: describeRow(row), value: figure(row) }));
  const own = comparison.kept.filter((k) => !k.other);
  const other = comparison.kept.filter((k) => k.other);
  add(own, (k) => {
    if (k.source && k.source.waarde !== k.row.waarde) return t.keptEdit({ what: describeRow(k.row), value: figure(k.row), source: figure(k.source) });
    // The analyst's edit of a row the source has with the same figure: their note (or date, page) stays.
    const columns = k.source ? otherColumns(k.row, k.source) : [];
    return columns.length ? t.keptColumns({ what: describeRow(k.row), value: figure(k.row), columns }) : t.keptOwn({ what: describeRow(k.row), value: figure(k.row) });
  });
  add(other, (k) => t.keptOther({ what: describeRow(k.row), value: figure(k.row), from: k.row.bron, source: k.source ? figure(k.source) : "–" }));
  // Rows outside this pull's areas and years get no line of their own: the pull does nothing to them.
  const others = comparison.others + other.length;
  const removedByYou = comparison.removedByYou.length > 0 ? t.removedByYouKept({ n: comparison.removedByYou.length }) : "";
  const summary =
    nothingChanges(comparison) && own.length === 0
      ? t.nothingToDo + removedByYou
      : t.comparisonSummary({ added: comparison.added.length, changed: comparison.changed.length, removed: comparison.removed.length, kept: own.length, unchanged: comparison.unchanged }) +
        removedByYou +
        (others > 0 ? t.othersKept({ n: others }) : "") +
        (comparison.outside.length > 0 ? t.outsideKept({ n: comparison.outside.length }) : "");
  return { summary, items };
}
