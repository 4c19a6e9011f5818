// The decisions only: as stryker.config.mjs, but string literals (the messages' wording, checked
// by the tests' exact messages anyway) are not mutated, which roughly halves a run. For a loaded
// machine: `MUTATE_TESTS=sources/cbs-client nice -n 19 npx stryker run stryker.decisions.config.mjs --mutate src/sources/cbs/client.ts`.
import base from "./stryker.config.mjs";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default { ...base, mutator: { excludedMutations: ["StringLiteral"] } };
