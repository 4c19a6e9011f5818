import { execFileSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";

/** The shared validator (../shared/tools/validate-ooxml.sh): official ECMA-376 schemas + Excel's cross-part rules. */
export const VALIDATOR = join(__dirname, "..", "..", "..", "shared", "tools", "validate-ooxml.sh");

/**
 * Whether the validator can run here. In a user's fresh clone ../shared is absent and the tests
 * that need it say so and skip; in CI (CI=true) its absence is a failure, not a skip.
 */
export function validatorAvailable(): boolean {
  if (existsSync(VALIDATOR)) return true;
  if (process.env.CI) throw new Error(`CI must validate every workbook, but ${VALIDATOR} is missing: check out ../shared beside the project.`);
  console.warn(`Skipping the ECMA-376 validation: ${VALIDATOR} is not there (../shared is not beside this checkout).`);
  return false;
}

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
