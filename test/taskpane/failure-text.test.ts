import { valueError } from "../../src/data/errors";
import { SourceError, sourceProblem } from "../../src/sources/types";
import { failureText } from "../../src/taskpane/failure";
import { EXCEL } from "../../src/text/excel";
import { say } from "../../src/text/message";
import { SOURCES } from "../../src/text/sources";

/**
 * What the pane shows of a failed action: its own messages in the pane's language, an error
 * Excel answered with by its code only (Excel's text is in Office's language and is not shown),
 * and a defect as unexpected. Never a stack.
 */
describe("the pane's text of a failure", () => {
  it("a message of the add-in's own, in the pane's language", () => {
    const error = valueError(say(EXCEL.readRefused, { code: "GeneralException", reading: { what: "workbook" } }));
    expect(failureText(error, "en")).toBe(
      "Excel refused reading the workbook's sheets (Excel: GeneralException). Nothing was changed. Try again; if it keeps happening, close any open dialogs of other add-ins, or save the workbook, close it and open it again.",
    );
    expect(failureText(error, "nl")).toMatch(/^Excel weigerde het lezen van de bladen van de werkmap \(Excel: GeneralException\)\. Er is niets veranderd\./);
  });

  it("a source's problems in the pane's language, not the Dutch its Error.message carries", () => {
    const error = new SourceError([sourceProblem("https://example.org", say(SOURCES.cancelled))]);
    expect(failureText(error, "en")).toBe("Cancelled; nothing was changed.");
    expect(failureText(error, "nl")).toBe("Geannuleerd; er is niets veranderd.");
  });

  it("an error Excel answered with: its code, without its own text", () => {
    const error = Object.assign(new Error("Die bewerking kan nu niet worden uitgevoerd."), { code: "InvalidOperation" });
    expect(failureText(error, "en")).toBe("Excel refused this (Excel: InvalidOperation). Try again; if it keeps happening, save the workbook, close it and open it again.");
    expect(failureText(error, "nl")).toBe("Excel weigerde dit (Excel: InvalidOperation). Probeer het opnieuw; blijft dit gebeuren, sla de werkmap dan op, sluit hem en open hem opnieuw.");
  });

  it("a defect: said as unexpected, with its own words and no stack", () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'items')");
    const text = failureText(error, "en");
    expect(text).toBe("Something unexpected went wrong in the add-in (Cannot read properties of undefined (reading 'items')). Try again; if it keeps happening, report it with this text.");
    expect(text).not.toContain(" at ");
    expect(failureText("kapot", "nl")).toBe("Er ging onverwacht iets mis in de invoegtoepassing (kapot). Probeer het opnieuw; blijft dit gebeuren, meld het dan met deze tekst.");
  });
});
