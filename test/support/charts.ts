import { ChartModel } from "./fake-excel";

/**
 * A column chart a user made on their own sheet over A1:…3, one series per entry of
 * `dataSources` (each pointed where it says, as Select Data does: ChartModel.dataSources), or one
 * series over its own cells when none are given. The sources are copied: the fake rewrites them
 * as Excel does when the sheets they name are renamed, deleted or shifted.
 */
export function userChart(dataSources?: ChartModel["dataSources"]): ChartModel {
  return {
    name: "Mijn grafiek",
    type: "ColumnClustered",
    source: { row: 0, column: 0, rows: 3, columns: 1 + (dataSources?.length ?? 1) },
    seriesBy: "Columns",
    title: "Mijn grafiek",
    categoryAxisTitle: null,
    valueAxisTitle: null,
    valueAxisNumberFormat: null,
    legendPosition: null,
    position: null,
    seriesColours: [],
    pointColours: [],
    dataLabels: {},
    axisSettings: { category: {}, value: {} },
    ...(dataSources ? { dataSources: dataSources.map((source) => ({ ...source })) } : {}),
  };
}
