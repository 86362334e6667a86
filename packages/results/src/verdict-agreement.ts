/**
 * Whether two runs tell the same lesson (`--baseline`): each paired comparison both made, in the same class or not, a
 * conflict where it settled one way in one run and another way in the other (faster against slower, or a difference
 * against equivalent), and the summary claims (records) one run makes and the other does not, or states otherwise.
 */
import { describeComparison } from "@runtime-bench/model/comparisons";
import type { Verdict } from "@runtime-bench/model/verdict";
import type { Analysis } from "./analyze.ts";
import { type Claim, statedOf, subjectOf, summaryClaims } from "./claims.ts";

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
  /** Summary claims of either run, paired by subject, that the other run states differently or does not make. */
  claims: { total: number; differing: Array<{ baseline: Claim | null; now: Claim | null }> };
}

const verdicts = ({ comparisons }: Analysis) =>
  new Map(
    comparisons.flatMap((comparison) =>
      comparison.comparison ? [[describeComparison(comparison), comparison.comparison.verdict] as const] : [],
    ),
  );

const isDifference = (verdict: Verdict) => verdict === "faster" || verdict === "slower";

export function verdictAgreement(current: Analysis, baseline: Analysis): VerdictAgreement {
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

const bySubject = (analysis: Analysis) => new Map(summaryClaims(analysis).map((claim) => [subjectOf(claim), claim]));

function claimChanges(current: Analysis, baseline: Analysis): VerdictAgreement["claims"] {
  const [now, before] = [bySubject(current), bySubject(baseline)];
  const subjects = [...new Set([...before.keys(), ...now.keys()])];
  const differing = subjects.flatMap((subject) => {
    const [old, claim] = [before.get(subject) ?? null, now.get(subject) ?? null];
    return old && claim && statedOf(old) === statedOf(claim) ? [] : [{ baseline: old, now: claim }];
  });
  return { total: subjects.length, differing };
}
