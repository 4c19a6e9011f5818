import { existsSync } from "fs";
import { join } from "path";
import { elements, readManifest } from "../support/manifest";

const xml = readManifest();
const all = elements(xml);
const named = (name: string) => all.filter((e) => e.name === name);
// Definitions carry an id; <bt:Image> inside <Icon> only refers to one by resid.
const resources = new Map([...named("bt:Image"), ...named("bt:Url"), ...named("bt:String")].filter((e) => e.attributes.id).map((e) => [e.attributes.id, e]));

describe("manifest.xml (offline checks; npm run validate asks Microsoft's service)", () => {
  it("defines every resid it uses, and uses every resource it defines", () => {
    const used = all.filter((e) => e.attributes.resid).map((e) => e.attributes.resid);
    for (const resid of used) expect([resid, resources.has(resid)]).toEqual([resid, true]);
    for (const id of resources.keys()) expect([id, used.includes(id)]).toEqual([id, true]);
  });

  it("has unique ids", () => {
    const ids = [...all.filter((e) => e.attributes.id).map((e) => e.attributes.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("asks for the shared runtime and the custom functions runtime", () => {
    const sets = named("Set").map((e) => `${e.attributes.Name} ${e.attributes.MinVersion}`);
    expect(sets).toEqual(["SharedRuntime 1.1", "CustomFunctionsRuntime 1.3", "ExcelApi 1.13"]);
    expect(named("Runtime")).toEqual([expect.objectContaining({ attributes: { resid: "Taskpane.Url", lifetime: "long" } })]);
    expect(named("FunctionFile")[0].attributes.resid).toBe("Taskpane.Url");
  });

  it("registers the custom functions in the MONITOR namespace", () => {
    expect(named("Namespace")[0].attributes.resid).toBe("Functions.Namespace");
    expect(resources.get("Functions.Namespace")?.attributes.DefaultValue).toBe("MONITOR");
    expect(resources.get("Functions.Script.Url")?.attributes.DefaultValue).toMatch(/\/functions\.js$/);
    expect(resources.get("Functions.Metadata.Url")?.attributes.DefaultValue).toMatch(/\/functions\.json$/);
  });

  it("puts a Leiden Monitor group with two buttons on the Home tab", () => {
    expect(named("OfficeTab")[0].attributes.id).toBe("TabHome");
    const controls = named("Control").map((c) => c.attributes.id);
    expect(controls).toEqual(["LeidenMonitor.OpenPane", "LeidenMonitor.Regenerate"]);
    const actions = named("Action").map((a) => a.attributes["xsi:type"]);
    expect(actions).toEqual(["ShowTaskpane", "ExecuteFunction"]);
    expect(xml).toContain("<FunctionName>regenerateSheets</FunctionName>");
  });

  it("follows the shared-runtime guidance: no Action carries a TaskpaneId (one task pane only)", () => {
    // docs/develop/configure-your-add-in-to-use-a-shared-runtime.md, "Good practice: avoid multiple task panes".
    expect(named("Action")).toHaveLength(2);
    expect(named("TaskpaneId")).toEqual([]);
    expect(xml).not.toMatch(/<TaskpaneId/i);
  });

  it("has a Dutch override for every string, within Office's length limits", () => {
    const limits: Record<string, number> = { ShortStrings: 125, LongStrings: 250 };
    for (const [group, limit] of Object.entries(limits)) {
      const section = xml.slice(xml.indexOf(`<bt:${group}>`), xml.indexOf(`</bt:${group}>`));
      const strings = elements(section).filter((e) => e.name === "bt:String");
      expect(strings.length).toBeGreaterThan(0);
      for (const s of strings) {
        const overrides = (s.node["bt:String"] as Record<string, unknown>[]).filter((child) => "bt:Override" in child);
        const dutch = overrides.map((o) => (o[":@"] as Record<string, string>)["@Value"]);
        expect([s.attributes.id, overrides.length]).toEqual([s.attributes.id, 1]);
        expect((overrides[0][":@"] as Record<string, string>)["@Locale"]).toBe("nl-NL");
        for (const text of [s.attributes.DefaultValue, ...dutch]) expect([s.attributes.id, text.length <= limit]).toEqual([s.attributes.id, true]);
      }
    }
    for (const name of ["DisplayName", "Description"]) expect(xml).toMatch(new RegExp(`<${name} DefaultValue="[^"]{1,250}">\\s*<Override Locale="nl-NL" Value="[^"]{1,250}"/>`));
  });

  it("points every URL at the dev server, at a file the build makes", () => {
    const urls = all.flatMap((e) => [e.attributes.DefaultValue, e.attributes.Value]).filter((v): v is string => !!v && v.startsWith("http"));
    const built = ["taskpane.html", "functions.js", "functions.json", "help.html"];
    for (const url of urls) {
      expect(url.startsWith("https://localhost:3000")).toBe(true);
      const path = url.replace("https://localhost:3000", "").replace(/^\//, "");
      if (path === "") continue;
      expect([path, built.includes(path) || existsSync(join(__dirname, "..", "..", path))]).toEqual([path, true]);
    }
  });

  it("has the icons in every size the manifest names", () => {
    for (const size of [16, 32, 64, 80]) expect(existsSync(join(__dirname, "..", "..", "assets", `icon-${size}.png`))).toBe(true);
  });
});
