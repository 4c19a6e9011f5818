/**
 * Build step: turns src/functions/catalog.json (one table of functions with English and Dutch
 * names) into Excel's custom functions metadata (functions.json) and a help page.
 *
 * Why not Excel's per-locale metadata: in a Dutch Excel it would replace the English names by
 * the Dutch ones, and the users' own =MONITOR.SHARE("Italiaans";2022) would be #NAME?. So each
 * Dutch name is its own function id, registered in every locale and described in Dutch.
 */
const RESULT_TYPES = {
  number: { type: "number", dimensionality: "scalar" },
  string: { type: "string", dimensionality: "scalar" },
  matrix: { type: "any", dimensionality: "matrix" },
};

function anchor(id) {
  return `monitor-${id.toLowerCase()}`;
}

function describe(entry, id, language, helpUrl) {
  return {
    id,
    name: id,
    description: entry.description[language],
    // A help URL with its own anchor (a README section) is used as it is.
    helpUrl: helpUrl.includes("#") ? helpUrl : `${helpUrl}#${anchor(entry.id)}`,
    result: RESULT_TYPES[entry.result],
    parameters: entry.parameters.map((p) => ({
      name: p.name[language],
      description: p.description[language],
      type: "any",
      dimensionality: "scalar",
      ...(p.optional ? { optional: true } : {}),
    })),
    // Streaming: the add-in pushes a formula's new answer when the data changes, because Excel
    // does not re-run non-volatile custom functions on Calculate Now or on opening a workbook
    // (office-js #1462, #1567); see src/functions/live.ts.
    options: { stream: true },
  };
}

/** functions.json: every English id described in English, every Dutch id in Dutch. */
function buildMetadata(catalog, helpUrl) {
  const functions = [];
  for (const entry of catalog.functions) {
    functions.push(describe(entry, entry.id, "en", helpUrl));
    if (entry.nlId !== entry.id) functions.push(describe(entry, entry.nlId, "nl", helpUrl));
  }
  return { functions };
}

const escapeHtml = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** help.html: the function reference the helpUrl of each function points at. */
function buildHelpPage(catalog) {
  const sections = catalog.functions.map((entry) => {
    const names = entry.nlId !== entry.id ? `${entry.id} / ${entry.nlId}` : entry.id;
    const signature = (language) =>
      `${catalog.namespace}.${language === "nl" ? entry.nlId : entry.id}(${entry.parameters.map((p) => (p.optional ? `[${p.name[language]}]` : p.name[language])).join("; ")})`;
    const params = entry.parameters.map((p) => `<li><code>${escapeHtml(p.name.nl)}</code> / <code>${escapeHtml(p.name.en)}</code>${p.optional ? " (optioneel)" : ""}: ${escapeHtml(p.description.nl)}</li>`).join("");
    const examples = entry.examples.map((e) => `<li><code>${escapeHtml(e.formula)}</code> → ${escapeHtml(e.result)}</li>`).join("");
    return `<section id="${anchor(entry.id)}"><h2>MONITOR.${escapeHtml(names)}</h2><p><code>${escapeHtml(signature("nl"))}</code><br><code>${escapeHtml(signature("en"))}</code></p><p>${escapeHtml(entry.description.nl)}</p><p lang="en">${escapeHtml(entry.description.en)}</p><ul>${params}</ul><h3>Voorbeelden</h3><ul>${examples}</ul></section>`;
  });
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Leiden Monitor: functies</title><meta name="viewport" content="width=device-width"><style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#242424;line-height:1.5}code{background:#f5f5f5;padding:0 .25rem;border-radius:3px}h2{border-top:1px solid #e0e0e0;padding-top:1rem}</style></head><body><h1>Leiden Monitor: MONITOR-functies</h1><p>Elke functie heeft een Engelse en een Nederlandse naam; beide werken in elke taalversie van Excel. Fouten: <code>#WAARDE!</code> bij een onbekende naam (met suggestie), <code>#N/B</code> als het cijfer ontbreekt (met de beschikbare periodes).</p>${sections.join("")}</body></html>`;
}

module.exports = { buildMetadata, buildHelpPage };
