/**
 * The fastest runtime per workload (not per cell): each CPU workload's sequential run at its largest size, compared
 * across the runtimes under test. Headline cells run the runtimes side by side, so they are ranked by the paired verdict
 * rule (analyze.ts); a depth workload runs in blocks of one runtime, so only its lowest median is named, with the
 * others' speed against it as ratios of medians.
 */
import { isUnderTest, type RuntimeName } from "@runtime-bench/model/runtimes";
import { WORKLOAD_TITLES } from "@runtime-bench/model/scenarios/params";
import { type CellTable, isMeasured } from "./analyze.ts";
import { judgedSpeedup, speed } from "./format.ts";

/** Said beside any time ratio between the Python reference and a JavaScript runtime: the loops do different work. */
export const NOT_EQUAL_ARITHMETIC =
  "Python's loop adds exact integers of any size (the squares pass 64 bits), JavaScript's adds them modulo 2^32 in small-integer steps";

export interface WorkloadFastest {
  workload: string;
  n: number;
  /** The runtime faster than every other by the verdict rule (paired), or with the lowest median (unpaired); null: none. */
  fastest: RuntimeName | null;
  /** The runtime with the lowest median, which the others are measured against. */
  lowest: RuntimeName;
  /** Every other runtime's speed against the fastest (or the lowest median). */
  others: Array<{ runtime: RuntimeName; speed: string }>;
  paired: boolean;
}

export function fastestByWorkload(tables: readonly CellTable[]): WorkloadFastest[] {
  const sequential = tables.filter(
    (table) =>
      table.cell.baseline === null &&
      table.cell.params.kind === "cpu" &&
      (table.cell.group === "headline" || table.cell.group === "workloads") &&
      table.rows.filter((row) => isMeasured(row) && isUnderTest(row.runtime)).length > 1,
  );
  const workloads = [...new Set(sequential.flatMap((table) => (table.cell.params.kind === "cpu" ? [table.cell.params.workload] : [])))];
  return workloads.map((workload) => {
    const own = sequential.filter((table) => table.cell.params.kind === "cpu" && table.cell.params.workload === workload);
    const sizeOf = (table: CellTable) => (table.cell.params.kind === "cpu" ? table.cell.params.n : 0);
    // A headline cell (paired) where the workload has one, at its largest size; else the largest depth cell.
    const headline = own.filter((table) => table.cell.group === "headline");
    const chosen = (headline.length > 0 ? headline : own).reduce((best, table) => (sizeOf(table) > sizeOf(best) ? table : best));
    return fastestIn(chosen, WORKLOAD_TITLES[workload]);
  });
}

/**
 * The fastest runtime of one sequential cell (`label` names what it ran): ranked by the paired verdict rule where the
 * cell ran its runtimes side by side (headline), else only its lowest median named. Shared by the suite's workloads
 * and a user's task's sizes.
 */
export function fastestIn(chosen: CellTable, label: string): WorkloadFastest {
  const rows = chosen.rows.filter(isMeasured).filter((row) => isUnderTest(row.runtime));
  const paired = chosen.cell.group === "headline";
  const lowest = rows.reduce((best, row) => (row.wall.median < best.wall.median ? row : best));
  const others = rows
    .filter((row) => row !== lowest)
    .map((row) => ({
      runtime: row.runtime,
      speed: paired
        ? row.versusFastest
          ? judgedSpeedup(row.versusFastest)
          : "n/a (no rounds in common)"
        : speed(lowest.wall.median / row.wall.median),
    }));
  return {
    workload: label,
    n: chosen.cell.params.kind === "cpu" ? chosen.cell.params.n : 0,
    fastest: paired ? chosen.fastest : lowest.runtime,
    lowest: lowest.runtime,
    others,
    paired,
  };
}

/**
 * "bun, speed against it: node 0.67x [...] slower, ...": who was fastest and the others' speed against it; a paired
 * cell without a runtime faster than every other says so and names the lowest median.
 */
export function fastestClause(one: WorkloadFastest): string {
  const rest = othersAgainst(one);
  return `${leaderOf(one, "fastest")}${rest ? `, speed against it: ${rest}` : ""}`;
}

/** Who leads: the runtime faster than every other (paired), else "no single <none> (lowest median: ...)"; unpaired, the lowest median. */
const leaderOf = (one: WorkloadFastest, none: string): string =>
  one.paired ? (one.fastest ?? `no single ${none} (lowest median: ${one.lowest})`) : `lowest median ${one.lowest}`;

/** "node 0.67x [...] slower, deno ...": the other runtimes' speed against the fastest (unpaired: said so); "" if none. */
function othersAgainst({ others, paired }: WorkloadFastest): string {
  if (others.length === 0) return "";
  return `${others.map((other) => `${other.runtime} ${other.speed}`).join(", ")}${paired ? "" : " (medians, unpaired: no verdict)"}`;
}

/**
 * One claim per workload, then the figures it rests on: "**Fastest runtime per workload (...): bun for sum of squares
 * (n = 300000000).** Sum of squares: node 0.67x [...] slower, ...". A paired cell without a runtime faster than every
 * other claims none and names the lowest median; an unpaired one names only the lowest median.
 */
export function fastestPerWorkloadLine(tables: readonly CellTable[]): string | null {
  const all = fastestByWorkload(tables);
  if (all.length === 0) return null;
  const claims = all.map((one) => `${leaderOf(one, "runtime")} for ${one.workload} (n = ${one.n})`);
  const evidence = all.flatMap((one) => (one.others.length > 0 ? [`${one.workload}: ${othersAgainst(one)}`] : []));
  const against = evidence.length > 0 ? ` Speed against it: ${evidence.join("; ")}.` : "";
  return `**Fastest runtime per workload (its sequential run at its largest size): ${claims.join("; ")}.**${against}`;
}
