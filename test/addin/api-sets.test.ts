import { readFileSync, readdirSync, statSync } from "fs";
import { join } from "path";
import * as ts from "typescript";
import { elements, readManifest } from "../support/manifest";

/**
 * Every Office.js member the add-in's code uses must be available wherever the manifest lets the
 * add-in load. The requirement set of each member is read from its `[Api set: …]` (or
 * "Requirement set") tag in @types/office-js and @types/custom-functions-runtime, through the
 * TypeScript checker, and compared with the sets the manifest declares.
 */
const ROOT = join(__dirname, "..", "..");
const TYPE_PACKAGES = [join("@types", "office-js"), join("@types", "custom-functions-runtime")];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.ts$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

type Requirement = { set: string; version: string };
const OTHER_HOSTS = /^(Mailbox|Word|PowerPoint|OneNote|Outlook|Project|Visio)/;

/** The requirement set written in a declaration's doc comment, if any. */
function tagOf(declaration: ts.Node): Requirement | null {
  const text = declaration.getSourceFile().getFullText();
  const comments = ts.getLeadingCommentRanges(text, declaration.getFullStart()) ?? [];
  for (const range of comments) {
    const comment = text.slice(range.pos, range.end);
    const api = /\[Api set: ([A-Za-z]+) ([\d.]+)\]/.exec(comment) ?? /Requirement set\*\*: \{@link [^|]*\| ([A-Za-z]+) ([\d.]+)\}/.exec(comment);
    if (api) return { set: api[1], version: api[2] };
  }
  return null;
}

/** The member's own tag, else its class's or interface's. */
function requirementOf(declaration: ts.Declaration): Requirement | null {
  for (let node: ts.Node | undefined = declaration; node; node = node.parent) {
    const tag = tagOf(node);
    if (tag) return tag;
    if (ts.isModuleDeclaration(node) || ts.isSourceFile(node)) return null;
  }
  return null;
}

const newer = (a: string, b: string) => {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
};

/**
 * The one file allowed members newer than the manifest's sets: each behind a check that Excel
 * has their set (`supports("1.18")` for ExcelApi 1.18), so the add-in still loads where it lacks them.
 */
const OPTIONAL = join("src", "excel", "optional-apis.ts");

describe("Office.js requirement sets", () => {
  const uses = new Map<string, Requirement & { where: string }>();
  /** Members used anywhere but in the optional file. */
  const required = new Map<string, Requirement & { where: string }>();
  beforeAll(() => {
    const program = ts.createProgram(sourceFiles(join(ROOT, "src")), {
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.CommonJS,
      strict: true,
      esModuleInterop: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      types: ["office-js", "custom-functions-runtime"],
      lib: ["lib.es2020.d.ts", "lib.dom.d.ts"],
    });
    const checker = program.getTypeChecker();
    for (const file of program.getSourceFiles()) {
      if (!file.fileName.startsWith(join(ROOT, "src"))) continue;
      const visit = (node: ts.Node) => {
        const name = ts.isPropertyAccessExpression(node) ? node.name : ts.isNewExpression(node) ? node.expression : null;
        const symbol = name ? checker.getSymbolAtLocation(name) : undefined;
        for (const declaration of symbol?.declarations ?? []) {
          if (!TYPE_PACKAGES.some((p) => declaration.getSourceFile().fileName.includes(p))) continue;
          const requirement = requirementOf(declaration);
          // Tags of other hosts' sets (Outlook's Mailbox on Office.AddinCommands.Event, …) say nothing about Excel.
          if (!requirement || OTHER_HOSTS.test(requirement.set)) continue;
          const member = checker.getFullyQualifiedName(symbol as ts.Symbol);
          const { line } = file.getLineAndCharacterOfPosition(node.getStart());
          const where = `${file.fileName.slice(ROOT.length + 1)}:${line + 1}`;
          for (const map of where.startsWith(OPTIONAL) ? [uses] : [uses, required]) {
            const known = map.get(member);
            if (!known || newer(requirement.version, known.version)) map.set(member, { ...requirement, where });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
  }, 60_000);

  it("finds the members the code uses (the scan itself works)", () => {
    expect(uses.get("Excel.Table.resize")).toMatchObject({ set: "ExcelApi", version: "1.13" });
    expect(uses.get("Excel.Worksheet.getUsedRangeOrNullObject")).toMatchObject({ set: "ExcelApi" });
    expect(uses.get("CustomFunctions.ErrorCode.notAvailable")).toMatchObject({ set: "CustomFunctionsRuntime" });
    expect(uses.size).toBeGreaterThan(40);
  });

  it("are all declared by the manifest, at the version each member needs", () => {
    const declared = new Map(
      elements(readManifest())
        .filter((e) => e.name === "Set")
        .map((e) => [e.attributes.Name, e.attributes.MinVersion ?? "1.1"]),
    );
    const missing = [...required]
      .filter(([, r]) => {
        const version = declared.get(r.set);
        return version === undefined || newer(r.version, version);
      })
      .map(([member, r]) => `${member} needs ${r.set} ${r.version} (${r.where})`);
    expect(missing).toEqual([]);
  });

  it("newer members only in the optional file, each behind a check for its set", () => {
    const optional = readFileSync(join(ROOT, OPTIONAL), "utf8");
    const unguarded = [...uses]
      .filter(([member, r]) => !required.has(member) && r.set === "ExcelApi" && !optional.includes(`supports("${r.version}")`))
      .map(([member, r]) => `${member} needs ${r.version}`);
    expect(unguarded).toEqual([]);
    expect([...uses].some(([member]) => member === "Excel.Worksheet.notes")).toBe(true); // the scan sees the optional file
  });
});
