/** A data package CSV, parsed at build time into rows (scripts/csv-rows-loader.js). */
declare module "*.csv" {
  const rows: string[][];
  export default rows;
}

/** exceljs's browser build (no polyfills), loaded lazily by the task pane. */
declare module "exceljs/dist/exceljs.bare.min.js" {
  import * as ExcelJS from "exceljs";
  export = ExcelJS;
}
