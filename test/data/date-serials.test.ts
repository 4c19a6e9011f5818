import { serialFromIso } from "../../src/data/dates";

/**
 * Peildatum's serial, asked twice a row (validated, then written): the answers are kept by the
 * date's text, so every answer must be the one the text alone gives, whatever was asked before.
 * The expected serials count days from 1 January 2000, serial 36526 in Excel's 1900 date system
 * (DATE(2000;1;1)), with the test's own date arithmetic.
 */
const DAY_MS = 86_400_000;
const isoOfDay = (fromY2k: number) => new Date(Date.UTC(2000, 0, 1) + fromY2k * DAY_MS).toISOString().slice(0, 10);

describe("the serial of an ISO date, asked again and again", () => {
  it("is the same answer the second time, for a date and for a text that is none", () => {
    expect([serialFromIso("2022-02-30"), serialFromIso("2022-02-30"), serialFromIso("2022-02-28"), serialFromIso("2022-02-28")]).toEqual([null, null, 44620, 44620]);
    expect([serialFromIso("1900-02-28"), serialFromIso("1900-02-28"), serialFromIso("9999-12-31"), serialFromIso("9999-12-31")]).toEqual([null, null, 2_958_465, 2_958_465]);
    expect([serialFromIso("2022-1-011"), serialFromIso("2022-01-01 "), serialFromIso("2022-01-01")]).toEqual([null, null, 44562]);
  });

  it("stays each date's own serial past many thousands of distinct dates, asked in any order", () => {
    const days = 25_000; // more distinct dates than are kept at once
    for (const pass of [0, 1]) {
      for (let i = 0; i < days; i++) {
        const day = pass === 0 ? i : days - 1 - i;
        if (serialFromIso(isoOfDay(day)) !== 36526 + day) throw new Error(`pass ${pass}: ${isoOfDay(day)} is not serial ${36526 + day} but ${serialFromIso(isoOfDay(day))}`);
      }
    }
    expect([serialFromIso(isoOfDay(0)), serialFromIso(isoOfDay(8036)), serialFromIso(isoOfDay(24_999))]).toEqual([36526, 44562, 61525]);
  });
});
