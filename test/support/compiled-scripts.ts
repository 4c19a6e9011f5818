import { createHash } from "crypto";
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { join, relative } from "path";

const ROOT = join(__dirname, "..", "..");
/** Inside the project, so that the compiled scripts find node_modules. */
const HOME = join(ROOT, "build", "test-scripts");
const COMPILE_MS = 180_000;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|js|json|csv)$/.test(name) ? [path] : [];
  });
}

/** What the compiled scripts are made of: when any of it changes, they are compiled again. */
function sourceHash(): string {
  const hash = createHash("sha1");
  // test/support too: the bench (scripts/bench.ts) imports the fake and the workbooks from it, so
  // they are compiled with the commands, and a change there must compile again.
  const files = [...sources(join(ROOT, "src")), ...sources(join(ROOT, "scripts")), ...sources(join(ROOT, "test", "support")), join(ROOT, "tsconfig.json"), join(ROOT, "tsconfig.scripts.json")].sort();
  for (const file of files) hash.update(relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex").slice(0, 16);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The commands (`tsc -p tsconfig.scripts.json`) compiled once for every test file that runs them
 * as processes, whichever jest worker asks first: the others wait for it (a lock directory, made
 * atomically), and a later run reuses the output while the sources are unchanged. Returns the
 * folder holding `scripts/` and `src/` as JavaScript.
 */
export function compiledScripts(): string {
  const out = join(HOME, sourceHash());
  const done = join(out, ".compiled");
  const lock = `${out}.lock`;
  const deadline = Date.now() + COMPILE_MS;
  mkdirSync(HOME, { recursive: true });
  while (!existsSync(done)) {
    try {
      mkdirSync(lock);
    } catch {
      // Another worker compiles; a lock older than a compilation can take is left by a killed run.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since === undefined) continue;
      if (Date.now() - since > COMPILE_MS) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`the scripts were not compiled within ${COMPILE_MS / 1000} s (lock ${lock})`);
      else sleep(200);
      continue;
    }
    try {
      if (existsSync(done)) break;
      // Outputs of older sources are of no use any more.
      for (const old of readdirSync(HOME)) if (join(HOME, old) !== lock) rmSync(join(HOME, old), { recursive: true, force: true });
      execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.scripts.json"), "--outDir", out], { cwd: ROOT, stdio: "pipe" });
      writeFileSync(done, new Date().toISOString());
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return out;
}
