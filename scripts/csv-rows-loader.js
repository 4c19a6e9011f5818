/*
 * Turns a data package CSV into a module exporting its rows (string[][]), at build time: the
 * custom functions bundle then embeds the shipped edition without a CSV parser. Used as a
 * webpack loader and as a jest transform; a malformed CSV fails the build.
 */
const Papa = require("papaparse");

function csvRows(source, file) {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const parsed = Papa.parse(text.trimEnd(), { delimiter: ",", quoteChar: '"' });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join("; ")}`);
  return parsed.data;
}

module.exports = function csvRowsLoader(source) {
  return `export default ${JSON.stringify(csvRows(source, this.resourcePath))};`;
};

// jest transform
module.exports.process = (source, file) => ({ code: `module.exports = ${JSON.stringify(csvRows(source, file))};` });
