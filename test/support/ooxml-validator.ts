import { execFileSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";
import { requirement } from "./requirement";

/** The shared validator (../shared/tools/validate-ooxml.sh): official ECMA-376 schemas + Excel's cross-part rules. */
export const VALIDATOR = join(__dirname, "..", "..", "..", "shared", "tools", "validate-ooxml.sh");

/** The tests that need the validator: skipped in a user's fresh clone without ../shared, failing under CI=true. */
export const withValidator = () => requirement("the ECMA-376 validator", existsSync(VALIDATOR) ? null : `${VALIDATOR} is not there (check out ../shared beside the project)`);

/** Validates files in one run; returns the validator's output and whether every file passed. */
export function validateOoxml(files: string[]): { ok: boolean; output: string } {
  try {
    const output = execFileSync("bash", [VALIDATOR, ...files], { encoding: "utf8", stdio: "pipe", env: { ...process.env, AJV_NODE_MODULES: join(__dirname, "..", "..", "node_modules") } });
    return { ok: true, output };
  } catch (e) {
    const failure = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failure.stdout ?? ""}${failure.stderr ?? ""}` };
  }
}
