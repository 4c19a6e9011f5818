import { textOf } from "../../src/text/message";
import { ageLabel, listed, named, NOTHING, numberWord } from "../../src/text/words";

describe("the shared words", () => {
  it("lists in the list's own language, and says so when the list is empty", () => {
    expect(listed(["Delft", "Leiden", "Nederland"], "nl")).toBe("Delft, Leiden en Nederland");
    expect(listed(["Delft", "Leiden", "the Netherlands"], "en")).toBe("Delft, Leiden and the Netherlands");
    expect(listed([], "nl")).toBe("geen");
    expect(listed([], "en")).toBe("none");
    expect(listed([], "en", NOTHING)).toBe("");
    expect(listed(["Delft"], "en")).toBe("Delft");
  });

  it("writes ages as years in English", () => {
    expect(textOf(ageLabel("0-17"), "nl")).toBe("0-17 jaar");
    expect(textOf(ageLabel("0-17"), "en")).toBe("0-17 years");
  });

  it("keeps a name from the data as it is, with its English label where there is one", () => {
    expect([textOf(named("Italiaans", "Italian"), "nl"), textOf(named("Italiaans", "Italian"), "en")]).toEqual(["Italiaans", "Italian"]);
    expect(textOf(named("2021/2022"), "en")).toBe("2021/2022");
  });

  it("writes small counts in words, larger ones in digits", () => {
    expect([numberWord(9, "nl"), numberWord(9, "en"), numberWord(10, "nl"), numberWord(17, "en")]).toEqual(["negen", "nine", "tien", "17"]);
  });
});
