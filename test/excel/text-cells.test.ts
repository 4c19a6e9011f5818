import { inputFor, queueCellWrite } from "../../src/excel/text-cells";
import { literal } from "../../src/excel/write";
import { FakeContext, WorkbookModel } from "../support/fake-excel";
import { useTextCellReading } from "../support/fake-typed-values";

/**
 * What is written into a cell, given its number format, so that it holds exactly the text:
 * whether Excel drops a quote prefix written into a Text cell ("@") or keeps it as a character is
 * not documented, so every write must come out right under both readings (fake-typed-values.ts).
 * Expected values are the texts themselves, written out by hand.
 */
describe("texts for cells by their number format", () => {
  it("decides: a literal as it is outside Text cells, the text itself in one, through General for a text that starts with an apostrophe", () => {
    expect(inputFor("'2022", "General")).toEqual({ value: "'2022", throughGeneral: false });
    expect(inputFor("'2022", "0.0%")).toEqual({ value: "'2022", throughGeneral: false });
    expect(inputFor("'2022", "@")).toEqual({ value: "2022", throughGeneral: false });
    expect(inputFor("'=1+2", "@")).toEqual({ value: "=1+2", throughGeneral: false });
    expect(inputFor("Italiaans", "@")).toEqual({ value: "Italiaans", throughGeneral: false });
    expect(inputFor("''s-Gravenhage", "@")).toEqual({ value: "''s-Gravenhage", throughGeneral: true });
    expect(inputFor("''s-Gravenhage", "General")).toEqual({ value: "''s-Gravenhage", throughGeneral: false });
    expect(inputFor(1253, "@")).toEqual({ value: 1253, throughGeneral: false });
    expect(inputFor("'2022", undefined)).toEqual({ value: "'2022", throughGeneral: false });
  });

  const TEXTS = ["2022", "1.253", "=1+2", "TRUE", "2022-01-01", "Italiaans", "'s-Gravenhage", "''dubbel"];

  describe.each(["kept", "dropped"] as const)("when a Text cell %s a quote prefix", (reading) => {
    beforeEach(() => useTextCellReading(reading));
    afterEach(() => useTextCellReading("kept"));

    async function written(formats: string[], set: boolean) {
      const model = new WorkbookModel();
      const sheet = model.addSheet("Blad1");
      const context = new FakeContext(model);
      const range = context.workbook.worksheets.getItem("Blad1").getRangeByIndexes(0, 0, TEXTS.length, 1);
      if (!set) range.numberFormat = formats.map((f) => [f]); // the cells' own formats, as an analyst set them
      await context.sync();
      queueCellWrite(range as unknown as Excel.Range, TEXTS.map((t) => [literal(t)]), formats.map((f) => [f]), set);
      await context.sync();
      return TEXTS.map((_, r) => ({ value: sheet.cell(r, 0).value, numberFormat: sheet.cell(r, 0).numberFormat }));
    }

    it("a Text cell set in the same request holds each text, and stays Text", async () => {
      expect(await written(TEXTS.map(() => "@"), true)).toEqual(TEXTS.map((value) => ({ value, numberFormat: "@" })));
    });

    it("a cell already formatted as Text holds each text, and stays Text", async () => {
      expect(await written(TEXTS.map(() => "@"), false)).toEqual(TEXTS.map((value) => ({ value, numberFormat: "@" })));
    });

    it("a General cell holds each text", async () => {
      expect(await written(TEXTS.map(() => "General"), true)).toEqual(TEXTS.map((value) => ({ value, numberFormat: "General" })));
    });
  });
});
