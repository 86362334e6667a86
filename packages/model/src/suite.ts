/**
 * The suite in benchmarks/suite.json: which runtimes and scenarios run, at which sizes, for how many rounds, per
 * profile. It is data so a user can change a size without touching code; `suite/` validates it (schema.ts, load.ts)
 * and expands it into the list of cells every runtime measures, one expander per group (suite/groups/).
 */
export { expandCells } from "./suite/expand.ts";
export { getProfile, loadSuite, profileRuntimes, SuiteError } from "./suite/load.ts";
export type { Profile, Suite } from "./suite/schema.ts";
export { shortBytes, shortNumber } from "./suite/short-ids.ts";
