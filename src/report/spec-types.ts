import { MonitorStore } from "../data/store";
import { Language, Observation, Unit } from "../data/types";
import { Bilingual, t } from "../text/words";
import { EditionFacts } from "./edition";
import { ChartKind } from "./types";

export type { Bilingual };
export { t };

/** Part of the key of a figure; a cell of a block merges its base, category and series parts. */
export interface CellKey {
  indicator?: string;
  area?: string;
  group?: string;
  age?: string;
  period?: string;
  unit?: Unit;
}

export interface Axis {
  label: Bilingual;
  key: CellKey;
  /**
   * A figure computed from others instead of looked up (an `Overig` summed from the rest), as an
   * observation marked `afgeleid` with its computation in the note.
   */
  derived?: (key: CellKey) => Observation | undefined;
}

/** Axes can be fixed, or found in the data (so figures an analyst adds show up in the sheets). */
export type Axes = Axis[] | ((store: MonitorStore) => Axis[]);

/** What a block's table holds once built: the words of its caption are computed from this. */
export interface BlockFacts {
  categories: Axis[];
  series: Axis[];
  /** Per category, per series: the figure, or undefined where the data has none. */
  cells: (Observation | undefined)[][];
  /** The distinct periods of the figures shown, in order. */
  periods: string[];
}

export interface BlockSpec {
  key: string;
  caption: Bilingual | ((facts: BlockFacts) => Bilingual);
  categoryHeader: Bilingual;
  /** Fixed, or found in the data (e.g. the latest period); null leaves the block out. */
  base: CellKey | ((store: MonitorStore) => CellKey | null);
  categories: Axes;
  series: Axes;
  unit: Unit;
  chart?: { kind: ChartKind; categoryAxis?: Bilingual; valueAxis?: Bilingual };
  /** The series are years: with more than a few, the table turns (years down) and is drawn as lines. */
  overTime?: boolean;
  /** A line under the table that says how a row was computed (e.g. an Overig summed from others). */
  note?: (facts: BlockFacts) => Bilingual | null;
}

/** Formats one figure for a lead sentence, or null when the data does not have it. */
export type FigureText = (key: CellKey) => string | null;

/** What a sheet's texts are computed from: the figures, the edition and the blocks as built. */
export interface SheetFacts {
  store: MonitorStore;
  edition: EditionFacts;
  /** The municipality the sheet is about. */
  area: string;
  /** A figure (area defaults to the sheet's, age to none). */
  find: (key: CellKey) => Observation | undefined;
  /** A figure formatted in both languages, or null. */
  figure: (key: CellKey) => Bilingual | null;
  /** The latest period among the figures matching `where` (area defaults to the sheet's). */
  latest: (where: CellKey) => string | null;
  /** A block of this sheet as built, or undefined when the data left it out. */
  block: (key: string) => BlockFacts | undefined;
}

export interface SheetSpec {
  key: string;
  name: Bilingual;
  title: Bilingual | ((facts: SheetFacts) => Bilingual);
  lead: (figure: FigureText, language: Language, facts: SheetFacts) => string;
  blocks: (BlockSpec | ((store: MonitorStore) => BlockSpec | null))[];
}
