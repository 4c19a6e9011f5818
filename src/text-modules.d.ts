declare module "*.csv" {
  const text: string;
  export default text;
}

/** exceljs's browser build (no polyfills), loaded lazily by the task pane. */
declare module "exceljs/dist/exceljs.bare.min.js" {
  import * as ExcelJS from "exceljs";
  export = ExcelJS;
}
