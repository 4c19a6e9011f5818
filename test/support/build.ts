import { execFileSync } from "child_process";
import { existsSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");

/** Builds (production) the named webpack entries into a fresh temporary folder and returns it. */
export function buildBundles(only: string[], env: Record<string, string> = {}): string {
  const outDir = mkdtempSync(join(tmpdir(), "leiden-monitor-build-"));
  execFileSync(process.execPath, [join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--env", `only=${only.join(",")}`, "--env", `outDir=${outDir}`], {
    cwd: ROOT,
    stdio: "pipe",
    env: { ...process.env, ...env },
  });
  if (!existsSync(join(outDir, `${only[0]}.js`))) throw new Error(`webpack did not write ${only[0]}.js`);
  return outDir;
}
