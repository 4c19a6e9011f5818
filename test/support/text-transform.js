// Imports a text file (the data package CSVs) as a string, the way webpack's asset/source does.
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
