import { MonitorStore } from "../data/store";
import { Observation, Unit } from "../data/types";
import { AnyMessage } from "../text/message";
import { Figure } from "../text/words";
import { EditionFacts } from "./edition";
import { ChartKind } from "./types";

/** A text of a sheet: a message of the phrasebook src/text/sheets.ts, rendered in the workbook's language by the plan. */
export type SheetText = AnyMessage;

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
  label: SheetText;
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
  caption: SheetText | ((facts: BlockFacts) => SheetText);
  categoryHeader: SheetText;
  /** Fixed, or found in the data (e.g. the latest period); null leaves the block out. */
  base: CellKey | ((store: MonitorStore) => CellKey | null);
  categories: Axes;
  series: Axes;
  unit: Unit;
  chart?: { kind: ChartKind; categoryAxis?: SheetText; valueAxis?: SheetText };
  /** The series are years: with more than a few, the table turns (years down) and is drawn as lines. */
  overTime?: boolean;
  /** A line under the table that says how a row was computed (e.g. an Overig summed from others). */
  note?: (facts: BlockFacts) => SheetText | SheetText[] | null;
}

/** What a sheet's texts are computed from: the figures, the edition and the blocks as built. */
export interface SheetFacts {
  store: MonitorStore;
  edition: EditionFacts;
  /** The municipality the sheet is about. */
  area: string;
  /** A figure (area defaults to the sheet's, age to none). */
  find: (key: CellKey) => Observation | undefined;
  /** A figure (its value and unit, for a phrase to write in its language, as the sheet's table shows it), or null. */
  figure: (key: CellKey) => Figure | null;
  /**
   * The figure of an observation as the sheet's table shows it: a percentage with its table's
   * decimals (19,0% in a table of 18,6% and 19,0%), so that the lead says what the table does.
   */
  shown: (o: Observation) => Figure;
  /** The latest period among the figures matching `where` (area defaults to the sheet's). */
  latest: (where: CellKey) => string | null;
  /** A block of this sheet as built, or undefined when the data left it out. */
  block: (key: string) => BlockFacts | undefined;
}

export interface SheetSpec {
  key: string;
  name: SheetText;
  title: SheetText | ((facts: SheetFacts) => SheetText);
  /** The lead sentences under the title, from the sheet's figures (a plain description when they are missing). */
  lead: (facts: SheetFacts) => SheetText;
  blocks: (BlockSpec | ((store: MonitorStore) => BlockSpec | null))[];
}
