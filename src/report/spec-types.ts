import { MonitorStore } from "../data/store";
import { Language, Unit } from "../data/types";
import { ChartKind } from "./types";

export type Bilingual = Record<Language, string>;
export const t = (nl: string, en: string): Bilingual => ({ nl, en });

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
}

/** Axes can be fixed, or found in the data (so figures an analyst adds show up in the sheets). */
export type Axes = Axis[] | ((store: MonitorStore) => Axis[]);

export interface BlockSpec {
  key: string;
  caption: Bilingual;
  categoryHeader: Bilingual;
  base: CellKey;
  categories: Axes;
  series: Axes;
  unit: Unit;
  chart?: { kind: ChartKind; categoryAxis?: Bilingual; valueAxis?: Bilingual };
}

/** Formats one figure for a lead sentence, or null when the data does not have it. */
export type FigureText = (key: CellKey) => string | null;

export interface SheetSpec {
  key: string;
  name: Bilingual;
  title: Bilingual;
  lead: (figure: FigureText, language: Language) => string;
  blocks: BlockSpec[];
}
