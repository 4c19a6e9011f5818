import { regenerate } from "../../src/excel/regenerate";
import { AnyMessage, textOf, textsOf } from "../../src/text/message";
import { fakeRun } from "../support/fake-excel";
import { notesText } from "../support/notes";
import { asExcel, edition, userWorkbook } from "../support/workbooks";

/**
 * Regenerate says what it does as messages, not sentences: the pane shows its progress and its
 * notes in the pane's language, whatever language the sheets are in.
 */
describe("Regenerate's progress and notes", () => {
  it("reports each step as a message, read in Dutch or English at the edge", async () => {
    const model = userWorkbook();
    model.addSheet("Bevolking"); // the user's own sheet with the name of a monitor sheet
    const steps: { fraction: number; message: AnyMessage }[] = [];
    const { result } = await fakeRun(model, (context) =>
      regenerate(asExcel(context), { edition, language: "nl", today: () => "2026-11-25", onProgress: (fraction, message) => steps.push({ fraction, message }) }),
    );

    expect(textsOf(steps[0].message)).toEqual({ nl: "Werkmap lezen…", en: "Reading the workbook…" });
    expect(steps.map((s) => textOf(s.message, "en"))).toContain("Building sheet Bevolking…");
    expect(steps.map((s) => textOf(s.message, "nl"))).toContain("Blad Bevolking opbouwen…");
    expect(steps.slice(-3).map((s) => textOf(s.message, "en"))).toEqual(["Writing to Excel…", "Marking sheets…", "Done"]);
    expect(steps.slice(-3).map((s) => textOf(s.message, "nl"))).toEqual(["Schrijven naar Excel…", "Bladen markeren…", "Klaar"]);
    const fractions = steps.map((s) => s.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[fractions.length - 1]).toBe(1);

    const outcome = result.ok ? result.sheets.find((s) => s.key === "bevolking") : undefined;
    expect(notesText(outcome, "en")).toBe("Your sheet 'Bevolking' was left alone; this sheet is named 'Bevolking (monitor)'.");
    expect(notesText(outcome, "nl")).toBe("Uw blad 'Bevolking' is niet aangeraakt; dit blad heet 'Bevolking (monitor)'.");
  });
});
