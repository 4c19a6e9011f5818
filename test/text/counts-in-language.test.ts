import { CBS } from "../../src/text/cbs";
import { CLI } from "../../src/text/cli";
import { INPUT } from "../../src/text/input";
import { say, textsOf } from "../../src/text/message";
import { PANE } from "../../src/text/pane";

/**
 * Counts in the phrases of the input, CBS, the commands and the pane's pull are written in the
 * reader's notation: 1.000.000 in Dutch, 1,000,000 in English. Years, row numbers and table codes
 * are not counts and stay as they are.
 */
describe("counts in the reader's notation", () => {
  it("npm run workbook's summary", () => {
    expect(textsOf(say(CLI.wroteWorkbook, { out: "/tmp/m.xlsx", kb: 1234, sheets: 12, charts: 21, figures: 1_000_000, ms: 12_345 }))).toEqual({
      nl: "/tmp/m.xlsx geschreven (1.234 KB): 12 bladen, 21 grafieken, 1.000.000 cijfers, in 12.345 ms.",
      en: "Wrote /tmp/m.xlsx (1,234 KB): 12 sheets, 21 charts, 1,000,000 figures, in 12,345 ms.",
    });
  });

  it("npm run pull's summary and its request lines: the years and tables as they are", () => {
    expect(textsOf(say(CLI.wrotePull, { out: "/tmp/cbs", figures: 1_000_000, places: "Delft", from: 2012, to: 2024, tables: "85644NED, 85458NED", requests: 1200, folder: "cbs" }))).toEqual({
      nl: "/tmp/cbs geschreven: 1.000.000 cijfers voor Delft, 2012–2024, uit CBS StatLine 85644NED, 85458NED (1.200 verzoeken). Maak er een werkmap van met: npm run workbook -- --data cbs",
      en: "Wrote /tmp/cbs: 1,000,000 figures for Delft, 2012–2024, from CBS StatLine 85644NED, 85458NED (1,200 requests). Render it with: npm run workbook -- --data cbs",
    });
    expect(textsOf(say(CLI.cbsRequest, { count: 1001, request: "/85644NED/TableInfos" }))).toEqual({ nl: "CBS-verzoek 1.001: /85644NED/TableInfos", en: "CBS request 1,001: /85644NED/TableInfos" });
    expect(textsOf(say(CLI.catalogueSummary, { figures: 2500, reported: 1200, indicators: 20, sources: 5 }))).toEqual({
      nl: "2.500 cijfers (1.200 gerapporteerd, 1.300 afgeleid) in 20 indicatoren uit 5 bronnen.",
      en: "2,500 figures (1,200 reported, 1,300 derived) in 20 indicators from 5 sources.",
    });
  });

  it("the pane counts its requests to CBS in a sentence of its own", () => {
    expect(textsOf(say(PANE.cbsRequest, { count: 1253 }))).toEqual({ nl: "Ophalen bij CBS: verzoek 1.253…", en: "Getting data from CBS: request 1,253…" });
  });

  it("the input checks: a text's length", () => {
    expect(textsOf(say(INPUT.textTooLong, { length: 40_000, max: 32_767 }))).toEqual({
      nl: "de tekst is 40.000 tekens lang; een Excel-cel houdt er ten hoogste 32.767.",
      en: "the text is 40,000 characters long; an Excel cell holds at most 32,767.",
    });
  });

  it("CBS's paging and retries", () => {
    const what = say(CBS.entitySet, { entity: "TypedDataSet", table: "85644NED" });
    expect(textsOf(say(CBS.tooManyRows, { what, max: 500_000 }))).toEqual({
      nl: "CBS gaf voor TypedDataSet van CBS-tabel 85644NED meer dan 500.000 rijen; zo groot is geen vraag van deze invoegtoepassing. Er is niets geschreven.",
      en: "CBS gave more than 500,000 rows for TypedDataSet of CBS table 85644NED; no question of this add-in is that large. Nothing was written.",
    });
    expect(textsOf(say(CBS.retrying, { attempt: 2, of: 3 }))).toEqual({ nl: "CBS antwoordt niet goed; opnieuw proberen (2 van 3)…", en: "CBS is not answering properly; trying again (2 of 3)…" });
  });
});
