import { loadedFunctions } from "../support/custom-functions-fake";
import { shippedPackage } from "../support/fixtures";

/**
 * MONITOR.TOP asked for more nationalities than the year ranks: the 2022 report names nine
 * besides Overig (Italiaans 1253, Duits 1162, Pools 1002, Brits, Chinees, Frans, Spaans,
 * Amerikaans, Syrisch; seed page 4), and TOP leaves Overig out. A spill of nine rows for TOP(10)
 * would pass for the top ten: the answer is #N/A naming how many there are, in the message
 * language, through the functions' own entry (as Excel calls them).
 */
const { api, call } = loadedFunctions();

beforeEach(() => api.resetData(shippedPackage()));
afterEach(() => {
  api.resetData(shippedPackage());
  api.setMessageLanguage("nl");
});

describe("MONITOR.TOP never answers fewer rows than asked", () => {
  it("ten for 2022, which ranks nine: #N/A saying so, in Dutch and in English", () => {
    expect(call("TOP", 10, 2022)).toEqual({ error: "#N/A", message: "2022 rangschikt 9 nationaliteiten in Leiden (Overig niet meegeteld); vraag er 9 of minder, niet 10." });
    api.setMessageLanguage("en");
    expect(call("TOP", 10, 2022)).toEqual({ error: "#N/A", message: "2022 ranks 9 nationalities in Leiden (Other not counted); ask for 9 or fewer, not 10." });
  });

  it("nine for 2022: all nine, Overig not among them", () => {
    const rows = call("TOP", 9, 2022) as [string, number][];
    expect(rows).toHaveLength(9);
    expect(rows.slice(0, 3)).toEqual([["Italiaans", 1253], ["Duits", 1162], ["Pools", 1002]]);
    expect(rows.map((r) => r[0])).not.toContain("Overig");
  });

  it("a large n is named as typed", () => {
    expect(call("TOP", 1000, 2022)).toMatchObject({ error: "#N/A", message: expect.stringMatching(/vraag er 9 of minder, niet 1000\.$/) });
  });
});
