/** Reading the suite file: a field that does not validate is named, as a SuiteError (exit code 2, nothing run). */
import { readFileSync } from "node:fs";
import { toMessage } from "../errors.ts";
import type { RuntimeName } from "../runtimes.ts";
import { type Profile, type Suite, suiteSchema } from "./schema.ts";

export class SuiteError extends Error {
  override name = "SuiteError";
}

export function loadSuite(file: string): Suite {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new SuiteError(`${file}: cannot read the suite: ${toMessage(error)}`);
  }
  const parsed = suiteSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SuiteError(`${file}: field "${issue.path.join(".")}": ${issue.message}`);
  }
  return parsed.data;
}

export function getProfile(suite: Suite, name: string): Profile {
  const profile = suite.profiles[name];
  if (!profile) throw new SuiteError(`unknown profile "${name}"; the suite has: ${Object.keys(suite.profiles).join(", ")}`);
  return profile;
}

/** The runtimes a profile measures: its own list, or the suite's. */
export const profileRuntimes = (suite: Suite, profile: Profile): RuntimeName[] => profile.runtimes ?? suite.runtimes;
