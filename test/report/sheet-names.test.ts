import fc from "fast-check";
import { backupSheetName, freeSheetName, safeSheetName, shortenAtWord } from "../../src/report/sheet-names";

/**
 * Sheet names Excel accepts, for any name a package or a user may bring: at most 31 characters,
 * none of : \ / ? * [ ], and never one a sheet already has (Excel compares without case).
 */
const FORBIDDEN = /[:\\/?*[\]]/;
const anyName = fc.string({ unit: "grapheme", maxLength: 60 });
const sheetName = anyName.map(safeSheetName);
const takenNames = fc.array(sheetName, { maxLength: 6 }).map((names) => new Set(names.map((n) => n.toLowerCase())));
const isoDate = fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe("safeSheetName", () => {
  it("gives a name Excel accepts for any text", () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const safe = safeSheetName(name);
        expect(safe.length).toBeGreaterThan(0);
        expect(safe.length).toBeLessThanOrEqual(31);
        expect(safe).not.toMatch(FORBIDDEN);
        expect(safe).not.toMatch(/^'|'$/);
        expect(safe).toBe(safe.trim());
      }),
    );
  });
});

describe("freeSheetName", () => {
  it("is the wanted name, or an alternative within 31 characters that no sheet has, or null", () => {
    fc.assert(
      fc.property(sheetName, takenNames, (wanted, taken) => {
        const free = freeSheetName(wanted, taken);
        if (free === null) return;
        expect(free.length).toBeLessThanOrEqual(31);
        expect(taken.has(free.toLowerCase())).toBe(false);
        if (!taken.has(wanted.toLowerCase())) expect(free).toBe(wanted);
        else expect(free).toMatch(/ \(monitor( 2)?\)$/);
      }),
    );
  });

  it("for a 31-character name whose first alternative is taken too, still gives a distinct one", () => {
    const wanted = "Abcdefghijklmnopqrstuvwxyz01234";
    expect(wanted).toHaveLength(31);
    const first = freeSheetName(wanted, new Set([wanted.toLowerCase()]));
    expect(first).toBe("Abcdefghijklmnopqrstu (monitor)");
    const second = freeSheetName(wanted, new Set([wanted.toLowerCase(), (first as string).toLowerCase()]));
    expect(second).toBe("Abcdefghijklmnopqrs (monitor 2)");
    expect([first?.length, second?.length]).toEqual([31, 31]);
  });

  it("is null when the name and both alternatives are taken", () => {
    expect(freeSheetName("Data", new Set(["data", "data (monitor)", "data (monitor 2)"]))).toBeNull();
  });
});

describe("backupSheetName", () => {
  it("is the name with the date, within 31 characters, that no sheet has", () => {
    fc.assert(
      fc.property(anyName, isoDate, takenNames, (name, date, taken) => {
        const backup = backupSheetName(name, date, taken);
        if (backup === null) return;
        expect(backup.length).toBeLessThanOrEqual(31);
        expect(backup).not.toMatch(FORBIDDEN);
        expect(taken.has(backup.toLowerCase())).toBe(false);
        expect(backup).toMatch(new RegExp(` ${date}( \\((\\d+)\\))?$`));
      }),
    );
  });

  it("counts up when the dated name is taken", () => {
    expect(backupSheetName("Woonduur", "2026-11-25", new Set(["woonduur 2026-11-25"]))).toBe("Woonduur 2026-11-25 (2)");
    expect(backupSheetName("Vestiging en vertrek in Leiden", "2026-11-25", new Set())).toBe("Vestiging en vertrek 2026-11-25");
  });

  it("shortens a long name at a word boundary, never mid-word", () => {
    expect(backupSheetName("Vestiging en vertrek van Leiden", "2026-11-25", new Set())).toBe("Vestiging en vertrek 2026-11-25");
    expect(backupSheetName("Vestiging en vertrek van Leiden", "2026-11-25", new Set(["vestiging en vertrek 2026-11-25"]))).toBe("Vestiging en 2026-11-25 (2)");
    // One word longer than the room has no boundary to cut at: it is cut where the room ends.
    expect(backupSheetName("Internationaliseringsmonitor", "2026-11-25", new Set())).toBe("Internationalisering 2026-11-25");
  });
});

describe("backupSheetName of a municipality's sheet", () => {
  it("keeps the municipality's name: the topic in its short form", () => {
    expect(backupSheetName("Nationaliteiten Delft", "2026-11-25", new Set())).toBe("Nat. Delft 2026-11-25");
    expect(backupSheetName("Nationalities 's-Gravenhage", "2026-11-25", new Set())).toBe("Nat. 's-Gravenhage 2026-11-25");
    expect(backupSheetName("Bevolking 's-Gravenhage", "2026-11-25", new Set())).toBe("Bev. 's-Gravenhage 2026-11-25");
    expect(backupSheetName("Population 's-Gravenhage", "2026-11-25", new Set())).toBe("Pop. 's-Gravenhage 2026-11-25");
    // Short enough as it is: unchanged.
    expect(backupSheetName("Bevolking Delft", "2026-11-25", new Set())).toBe("Bevolking Delft 2026-11-25");
    expect(backupSheetName("Nationaliteiten", "2026-11-25", new Set())).toBe("Nationaliteiten 2026-11-25");
  });

  it("cuts a name too long even then, marked with an ellipsis, never down to the topic alone", () => {
    expect(backupSheetName("Nat. 's-Hertogenbosch", "2026-11-25", new Set())).toBe("Nat. 's-Hertogenbos… 2026-11-25");
    expect(backupSheetName("Bevolking 's-Hertogenbosch", "2026-11-25", new Set())).toBe("Bev. 's-Hertogenbos… 2026-11-25");
    expect(backupSheetName("Nat. Capelle aan den IJssel", "2026-11-25", new Set())).toBe("Nat. Capelle aan… 2026-11-25");
    expect(backupSheetName("Nat. 's-Hertogenbosch", "2026-11-25", new Set(["nat. 's-hertogenbos… 2026-11-25"]))).toBe("Nat. 's-Hertoge… 2026-11-25 (2)");
  });

  it("tells two municipalities' kept sheets apart, and from Leiden's", () => {
    const taken = new Set<string>();
    const kept = ["Nationaliteiten", "Nationaliteiten Delft", "Nationaliteiten Utrecht", "Nat. 's-Hertogenbosch", "Nat. 's-Gravenhage"].map((name) => {
      const backup = backupSheetName(name, "2026-11-25", taken) as string;
      taken.add(backup.toLowerCase());
      return backup;
    });
    expect(kept).toEqual(["Nationaliteiten 2026-11-25", "Nat. Delft 2026-11-25", "Nat. Utrecht 2026-11-25", "Nat. 's-Hertogenbos… 2026-11-25", "Nat. 's-Gravenhage 2026-11-25"]);
  });
});

describe("shortenAtWord", () => {
  it("keeps whole words: a prefix of the name that ends where a word ends, within the room", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zA-Zë]{1,9}$/), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 40 }), (words, room) => {
        const name = words.join(" ");
        const short = shortenAtWord(name, room);
        expect(short.length).toBeLessThanOrEqual(room);
        expect(name.startsWith(short)).toBe(true);
        if (short.length >= words[0].length) expect([undefined, " "]).toContain(name[short.length]);
        else expect(short).toBe(words[0].slice(0, room)); // the first word alone is longer than the room
      }),
    );
  });
});
