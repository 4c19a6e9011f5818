import { isMonitorError, MonitorError } from "../../src/data/errors";
import { toExcelError } from "../../src/functions/excel-errors";
import { installCustomFunctions } from "../support/custom-functions-fake";

/**
 * In the shared runtime the functions' bundle reads a store the pane's bundle built, so an error
 * may come from the other bundle's copy of MonitorError and of the phrasebooks. It is still a
 * MonitorError by its name and kind, and its message renders with the phrases it carries.
 */
installCustomFunctions();

describe("a MonitorError from another bundle's copy of the modules", () => {
  it("becomes #N/A or #VALUE! with its message in the language asked for", () => {
    let other: { error: unknown; MonitorError: unknown } | undefined;
    jest.isolateModules(() => {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const errors = require("../../src/data/errors") as typeof import("../../src/data/errors");
      const { FUNCTIONS } = require("../../src/text/functions") as typeof import("../../src/text/functions");
      const { say } = require("../../src/text/message") as typeof import("../../src/text/message");
      /* eslint-enable @typescript-eslint/no-require-imports */
      other = { error: errors.notAvailable(say(FUNCTIONS.noFigure, { what: say(FUNCTIONS.theCount, { group: "Italiaans" }), period: "1990", periods: ["2022"] })), MonitorError: errors.MonitorError };
    });
    expect(other?.MonitorError).not.toBe(MonitorError);
    expect(other?.error instanceof MonitorError).toBe(false);
    expect(isMonitorError(other?.error)).toBe(true);
    expect(toExcelError(other?.error, "en")).toMatchObject({ code: "#N/A", message: "No figure for the count of Italian in 1990; available: 2022." });
    expect(toExcelError(other?.error, "nl")).toMatchObject({ code: "#N/A", message: "Geen cijfer voor het aantal Italiaans in 1990; beschikbaar: 2022." });
  });

  it("anything else is #VALUE! with a plain sentence, never a stack trace", () => {
    expect(toExcelError(new TypeError("x is undefined"), "en")).toMatchObject({ code: "#VALUE!", message: "Unexpected error in the Leiden Monitor function; check the arguments." });
    expect(toExcelError(new TypeError("x is undefined"), "nl")).toMatchObject({ code: "#VALUE!", message: "Onverwachte fout in de Leiden Monitor-functie; controleer de argumenten." });
  });
});
