/**
 * Whether two runs tell the same lesson (`--baseline`): each paired comparison both runs made, in the same class or
 * not (faster, slower, equivalent, inconclusive), the ones that settled one way in one run and another way in the
 * other (a conflict: faster against slower, or a difference against equivalent), and the summary's claims (the bold
 * part of each line, figures left out) that read differently. A maintainer checking a claim runs the main command
 * twice and reads this; issue 19 asks for 95% in the same class and no conflict.
 */
import { describeComparison, runComparisons } from "@runtime-bench/model/comparisons";
import type { RunResult } from "@runtime-bench/model/schema";
import type { Verdict } from "@runtime-bench/model/verdict";
import { analyze } from "./analyze.ts";
import { measuredRuntimes } from "./run-quality.ts";
import { summary } from "./summary.ts";

export interface ClassChange {
  comparison: string;
  baseline: Verdict;
  now: Verdict;
  /** Settled one way in one run and another way in the other. */
  conflict: boolean;
}

export interface VerdictAgreement {
  /** Comparisons both runs made. */
  compared: number;
  same: number;
  changes: ClassChange[];
  /** Summary claims of either run, keyed by what they are about, that the other run words differently or lacks. */
  claims: { total: number; differing: Array<{ baseline: string | null; now: string | null }> };
}

const verdicts = (result: RunResult) =>
  new Map(
    runComparisons(measuredRuntimes(result)).flatMap((comparison) =>
      comparison.comparison ? [[describeComparison(comparison), comparison.comparison.verdict] as const] : [],
    ),
  );

const isDifference = (verdict: Verdict) => verdict === "faster" || verdict === "slower";

export function verdictAgreement(current: RunResult, baseline: RunResult): VerdictAgreement {
  const [now, before] = [verdicts(current), verdicts(baseline)];
  const changes: ClassChange[] = [];
  let compared = 0;
  for (const [comparison, verdict] of now) {
    const old = before.get(comparison);
    if (old === undefined) continue;
    compared++;
    if (old === verdict) continue;
    const bothSettled = old !== "inconclusive" && verdict !== "inconclusive";
    changes.push({ comparison, baseline: old, now: verdict, conflict: bothSettled && (isDifference(old) || isDifference(verdict)) });
  }
  return { compared, same: compared - changes.length, changes, claims: claimChanges(current, baseline) };
}

/** "Concurrent async tasks on one thread: not shown to pay off on any runtime." with its figures masked, by its subject. */
function claimsOf(result: RunResult): Map<string, string> {
  const claims = summary(result, analyze(result)).flatMap((line) => {
    const bold = /^\*\*(.+?)\*\*/.exec(line)?.[1];
    return bold ? [bold.replace(/\d+(\.\d+)?/g, "#")] : [];
  });
  // A claim's subject is what precedes its first colon ("At the smallest size (n = #), ..." keeps its size masked).
  return new Map(claims.map((claim) => [claim.split(": ")[0]!, claim]));
}

function claimChanges(current: RunResult, baseline: RunResult): VerdictAgreement["claims"] {
  const [now, before] = [claimsOf(current), claimsOf(baseline)];
  const subjects = [...new Set([...before.keys(), ...now.keys()])];
  const differing = subjects.flatMap((subject) => {
    const [old, claim] = [before.get(subject) ?? null, now.get(subject) ?? null];
    return old === claim ? [] : [{ baseline: old, now: claim }];
  });
  return { total: subjects.length, differing };
}
