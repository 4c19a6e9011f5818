// As stryker.decisions.config.mjs, without the TypeScript checker: on the project's 2-core machine
// the checker took about 98 % of a run's CPU time (2 s for each mutant, against 0.04 s for its
// tests). Mutants that would not compile then run as JavaScript: a survivor among them lowers the
// score, so a score from this config is a lower bound of the checked one. For a loaded machine:
// `MUTATE_TESTS=data/store npx stryker run stryker.quick.config.mjs --mutate src/data/store.ts --concurrency 2`.
import decisions from "./stryker.decisions.config.mjs";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default { ...decisions, checkers: [] };
