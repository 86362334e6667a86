/**
 * Every flag of the report, as values: each check returns data, `describeWarning` words it, and `flagMark` and
 * `flagged` are the only places the flag's sign is written (as hyperfine's `Warnings` enum is the only way a warning
 * is worded). The noise guards' thresholds are here, beside their checks.
 */
import type { CoreSpeeds, RunResult } from "@runtime-bench/model/schema";
import { twoClusters } from "@runtime-bench/model/stats";
import { EFFECT_THRESHOLD } from "@runtime-bench/model/verdict";
import { type CellTable, isMeasured, type MeasuredRow, speedupOf } from "./analyze.ts";
import { type CoreDependence, coreDependence } from "./core-dependence.ts";
import { percent, ratio, times } from "./format.ts";
import { CAPACITY_HEADROOM, isServerBusy, SERVER_BUSY_FLAG_CORES } from "./io-sweep.ts";
import { SLOW_SPELL_THRESHOLD, type SlowSpell, slowSpells } from "./slow-spells.ts";

/** Runs of one cell that vary more than this (coefficient of variation) make its median less certain. */
export const CV_FLAG_THRESHOLD = 0.1;
/** The probe on the slowest core taking this much longer than on the fastest, in the same reading. */
export const CORE_SPREAD_FLAG_THRESHOLD = 0.1;
/** Every core's probe taking this much longer than the fastest reading of the whole run. */
export const MACHINE_SLOW_FLAG_THRESHOLD = 0.1;
/** A speed-up interval may reach this far past its ideal before it is flagged (the verdict rule's 5%). */
export const BEYOND_LIMIT_MARGIN = EFFECT_THRESHOLD;

/** The noise guards: each listed under details.md's "Noise guards" and counted in the run-quality box. */
export type NoiseWarning =
  | { kind: "noisy-cell"; column: string; cellId: string; cv: number; minMs: number; maxMs: number }
  | { kind: "uneven-cores-at-start"; spread: number; slowestCore: number; fastestCore: number }
  | { kind: "uneven-cores"; rounds: number; probed: number; worst: number }
  | { kind: "machine-slow"; rounds: number[]; probed: number; worst: number }
  | { kind: "slow-spells"; spells: SlowSpell[]; blocks: number }
  /** A speed-up (CPU) or a time (I/O) whose interval, or point, reaches past the physical ideal. */
  | { kind: "beyond-limit"; column: string; cellId: string; figure: string; ideal: string; point: boolean }
  | { kind: "two-clusters"; column: string; cellId: string; lower: number; upper: number; factor: number }
  | ({ kind: "core-dependent"; column: string; cellId: string } & CoreDependence);

/** Every flag: the noise guards, and those shown only where their figure is. `column`: the label of a column of the run. */
export type Warning =
  | NoiseWarning
  /** The mock API busier than SERVER_BUSY_FLAG_CORES during a cell. */
  | { kind: "server-busy"; column: string; cellId: string; cores: number }
  /** A client rate above 1 / CAPACITY_HEADROOM of the mock API's measured capacity. */
  | { kind: "near-server-capacity"; column: string; cellId: string; requestsPerSecond: number }
  /** The I/O sweep's server flags summed up: the capacity short of the headroom, and the cells the server was busy in. */
  | { kind: "short-server-capacity"; headroom: number; points: number }
  | { kind: "busy-server-cells"; cells: number }
  /** comparison.md: the two runs' machines differ, and a cell slower than in the baseline. */
  | { kind: "machines-differ"; differences: readonly string[] }
  | { kind: "regression"; column: string; cellId: string }
  /** The I/O cells went to a real API (`--target`), not the mock API. */
  | { kind: "real-target"; target: string };

type WarningOf<Kind extends Warning["kind"]> = Extract<Warning, { kind: Kind }>;

/** The sign of a flag. Written nowhere else: a test holds every other source file to that. */
const SIGN = "⚠";

/** The sign after a flagged figure (a space before it), in a table or a line; nothing where the check found nothing. */
export const flagMark = (warning: Warning | null): string => (warning ? ` ${SIGN}` : "");

/** The sign and the flag's words: a flag standing on its own, as a bullet or a sentence. */
export const flagged = (warning: Warning): string => `${SIGN} ${describeWarning(warning)}`;

/** What the CV column's mark means, for the legend: the sign, then "above 10%". */
export const CV_FLAG_LEGEND = `${SIGN} above ${percent(CV_FLAG_THRESHOLD)}`;

/** A cell whose runs vary by more than CV_FLAG_THRESHOLD. */
export function noisyCell(row: MeasuredRow, cellId: string): WarningOf<"noisy-cell"> | null {
  return row.wall.cv > CV_FLAG_THRESHOLD
    ? { kind: "noisy-cell", column: row.column.label, cellId, cv: row.wall.cv, minMs: row.wall.min, maxMs: row.wall.max }
    : null;
}

/** A cell during which the mock API used more than SERVER_BUSY_FLAG_CORES. */
export function serverBusy(row: MeasuredRow, cellId: string): WarningOf<"server-busy"> | null {
  return isServerBusy(row) ? { kind: "server-busy", column: row.column.label, cellId, cores: row.serverBusyCores } : null;
}

/** The probe at the start of the run slower on one core than on another by more than the threshold. */
export function unevenCoresAtStart(start: CoreSpeeds): WarningOf<"uneven-cores-at-start"> | null {
  const atStart = coreSpread(start);
  return atStart && atStart.spread > CORE_SPREAD_FLAG_THRESHOLD ? { kind: "uneven-cores-at-start", ...atStart } : null;
}

/** Rounds after which one core was slower than another by more than the threshold. */
export function unevenCores(afterEachRound: readonly CoreSpeeds[]): WarningOf<"uneven-cores"> | null {
  const uneven = unevenRounds(afterEachRound);
  return uneven && uneven.rounds > 0 ? { kind: "uneven-cores", ...uneven } : null;
}

/** Rounds in which every core was slower than the run's fastest reading by more than the threshold. */
export function machineSlow(start: CoreSpeeds, afterEachRound: readonly CoreSpeeds[]): WarningOf<"machine-slow"> | null {
  const slow = machineSlowRounds(start, afterEachRound);
  return slow && slow.rounds.length > 0 ? { kind: "machine-slow", ...slow } : null;
}

export function noiseWarnings(result: RunResult, tables: readonly CellTable[]): NoiseWarning[] {
  const warnings: NoiseWarning[] = [];
  const { start, afterEachRound } = result.run.coreProbe;
  for (const machine of [unevenCoresAtStart(start), unevenCores(afterEachRound), machineSlow(start, afterEachRound)]) {
    if (machine) warnings.push(machine);
  }
  const spells = slowSpells(result);
  if (spells.spells.length > 0) warnings.push({ kind: "slow-spells", ...spells });
  for (const table of tables) {
    for (const row of table.rows.filter(isMeasured)) {
      const beyond = beyondLimit(row);
      if (beyond) warnings.push({ kind: "beyond-limit", column: row.column.label, cellId: table.cellId, ...beyond });
      const split = twoClusters(row.cell.samples.map((sample) => Math.log(sample.wallMs)));
      if (split) warnings.push({ kind: "two-clusters", column: row.column.label, cellId: table.cellId, ...split });
      const onCores = coreDependence(row.cell);
      if (onCores) warnings.push({ kind: "core-dependent", column: row.column.label, cellId: table.cellId, ...onCores });
      const noisy = noisyCell(row, table.cellId);
      if (noisy) warnings.push(noisy);
    }
  }
  return warnings;
}

/**
 * Past the physical ideal: a speed-up whose interval reaches more than BEYOND_LIMIT_MARGIN above min(tasks, workers,
 * cores), or a time whose interval reaches below the ideal ceil(N/C) x latency (no run can beat it). Either means the
 * baseline (or the clock) moved, not the model: on a machine whose cores differ, a sequential run that landed on the
 * slow core makes a pool look better than possible. The margin is the verdict rule's: less is noise it would not call.
 */
function beyondLimit(row: MeasuredRow): { figure: string; ideal: string; point: boolean } | null {
  const { ideal } = row.cell;
  if ("speedup" in ideal) {
    if (!row.versusBaseline) return null;
    const { speedup, ci95 } = speedupOf(row.versusBaseline);
    const high = ci95?.[1] ?? speedup;
    return high > ideal.speedup * (1 + BEYOND_LIMIT_MARGIN)
      ? {
          figure: `${times(speedup)}${ci95 ? ` [${ratio(ci95[0])}–${ratio(ci95[1])}]` : ""}`,
          ideal: times(ideal.speedup),
          point: speedup > ideal.speedup,
        }
      : null;
  }
  if (ideal.wallMs <= 0) return null;
  const low = row.wall.ci95?.[0] ?? row.wall.median;
  return low < ideal.wallMs
    ? {
        figure: `${row.wall.median.toFixed(1)} ms (interval from ${low.toFixed(1)} ms)`,
        ideal: `${ideal.wallMs.toFixed(1)} ms`,
        point: row.wall.median < ideal.wallMs,
      }
    : null;
}

export function describeWarning(warning: Warning): string {
  switch (warning.kind) {
    case "noisy-cell":
      return (
        `${warning.column} ${warning.cellId}: runs vary by ${percent(warning.cv)} (CV; flag above ${percent(CV_FLAG_THRESHOLD)}), ` +
        `from ${warning.minMs.toFixed(1)} to ${warning.maxMs.toFixed(1)} ms: trust its interval, not its median alone.`
      );
    case "uneven-cores-at-start":
      return (
        `at the start of the run the probe took ${percent(warning.spread)} longer on core ${warning.slowestCore} than on core ${warning.fastestCore} ` +
        `(flag above ${percent(CORE_SPREAD_FLAG_THRESHOLD)}).`
      );
    case "uneven-cores":
      return (
        `after ${warning.rounds} of ${warning.probed} rounds the probe ran more than ${percent(CORE_SPREAD_FLAG_THRESHOLD)} slower on one core ` +
        `than on another (at worst ${percent(warning.worst)}): while one core is slow, a single-threaded run's time depends on the core it ` +
        `lands on and a pool is held back by the slower core. Pairing by round does not cancel this; the intervals carry it.`
      );
    case "machine-slow":
      return (
        `in ${warning.rounds.length} of ${warning.probed} rounds (${warning.rounds.map((round) => round + 1).join(", ")}) every core ran the probe more than ` +
        `${percent(MACHINE_SLOW_FLAG_THRESHOLD)} slower than the fastest reading of the run (at worst ${percent(warning.worst)}): the whole ` +
        `machine slowed down. Ratios pair runs of the same round, so such a round slows both sides of each pair.`
      );
    case "beyond-limit":
      return (
        `${warning.column} ${warning.cellId}: ${warning.figure} reaches more than ${percent(BEYOND_LIMIT_MARGIN)} past the physical ideal of ${warning.ideal}` +
        `${warning.point ? ", its median too" : " (its interval; the median does not)"}: in some rounds the baseline ran in worse ` +
        `conditions than the model (a slow core, a slow moment), so the figure overstates what the model can do.`
      );
    case "slow-spells":
      return (
        `in ${warning.spells.length} of ${warning.blocks} blocks the runs were together more than ${percent(SLOW_SPELL_THRESHOLD)} slower ` +
        `than their cells' medians, found from the runs themselves: ${warning.spells
          .slice(0, 8)
          .map((spell) => `round ${spell.round + 1}, ${spell.block} at ${spell.at} (${spell.runs} runs, +${percent(spell.slowdown)})`)
          .join("; ")}${warning.spells.length > 8 ? `; +${warning.spells.length - 8} more` : ""}. ` +
        `Both runs of a pair share their block, so such a spell slows both sides of its ratios.`
      );
    case "two-clusters":
      return (
        `${warning.column} ${warning.cellId}: its runs split into two clusters (${warning.lower} and ${warning.upper} runs, ` +
        `${times(warning.factor)} apart): its median stands for neither. A comparison whose per-round ratios split into clusters ` +
        `that read differently (one faster, one not) is inconclusive.`
      );
    case "core-dependent":
      return (
        `${warning.column} ${warning.cellId}: a single-threaded run's time depended on the core its main thread ran on: ` +
        `${warning.perCore.map((one) => `core ${one.core} ${one.medianMs.toFixed(1)} ms (${one.runs} runs)`).join(", ")}, ` +
        `${percent(warning.spread)} apart: a slow core, not the model.`
      );
    case "server-busy":
      return (
        `${warning.column} ${warning.cellId}: the mock API was busy ${warning.cores.toFixed(2)} cores (flag above ${SERVER_BUSY_FLAG_CORES}): ` +
        "there the server may be what was measured."
      );
    case "near-server-capacity":
      return (
        `${warning.column} ${warning.cellId}: ${warning.requestsPerSecond.toFixed(0)} requests/s, more than 1/${CAPACITY_HEADROOM} of the ` +
        "mock API's measured capacity: it may measure the server, not the client."
      );
    case "short-server-capacity":
      return (
        `only ${warning.headroom.toFixed(1)}x the highest client rate (${CAPACITY_HEADROOM}x needed): ${warning.points} points reached more ` +
        `than 1/${CAPACITY_HEADROOM} of it (${SIGN} by their requests/s) and may measure the server, not the client`
      );
    case "busy-server-cells":
      return `${warning.cells} cells had the mock API busy more than ${SERVER_BUSY_FLAG_CORES} cores (marked ${SIGN}): there the server may be what was measured`;
    case "machines-differ":
      return `The machines differ (${warning.differences.join("; ")}): a change here may be the hardware, not the code.`;
    case "regression":
      return `${warning.column} ${warning.cellId}: slower than in the baseline run.`;
    case "real-target":
      return (
        `**The I/O cells of this run went to a real API, ${warning.target}**, not the mock API (\`--target\`): its latency, its ` +
        "limits and the network on the way are part of every I/O figure, no latency was injected, there is no ideal time, and " +
        "the I/O sweep was not run."
      );
  }
}

/** How much longer the probe took on the slowest core than on the fastest, or null without per-core readings. */
export function coreSpread(speeds: CoreSpeeds | undefined): { spread: number; slowestCore: number; fastestCore: number } | null {
  if (!speeds || !("ms" in speeds) || speeds.ms.length < 2) return null;
  const slowest = speeds.ms.indexOf(Math.max(...speeds.ms));
  const fastest = speeds.ms.indexOf(Math.min(...speeds.ms));
  return {
    spread: speeds.ms[slowest]! / speeds.ms[fastest]! - 1,
    slowestCore: speeds.cores[slowest]!,
    fastestCore: speeds.cores[fastest]!,
  };
}

/** Rounds after which one core was more than the threshold slower than another, of the rounds probed. */
export function unevenRounds(readings: readonly CoreSpeeds[]): { rounds: number; probed: number; worst: number } | null {
  const spreads = readings.flatMap((speeds) => {
    const spread = coreSpread(speeds)?.spread;
    return spread === undefined ? [] : [spread];
  });
  if (spreads.length === 0) return null;
  return {
    rounds: spreads.filter((spread) => spread > CORE_SPREAD_FLAG_THRESHOLD).length,
    probed: spreads.length,
    worst: Math.max(...spreads),
  };
}

/**
 * Rounds (0-based) after which even the fastest core ran the probe more than the threshold slower than the
 * fastest reading of the whole run (start included): every core was slow at once.
 */
export function machineSlowRounds(
  start: CoreSpeeds,
  readings: readonly CoreSpeeds[],
): { rounds: number[]; probed: number; worst: number } | null {
  const fastestCoreOf = (speeds: CoreSpeeds) => ("ms" in speeds && speeds.ms.length > 0 ? Math.min(...speeds.ms) : null);
  const perRound = readings.map(fastestCoreOf);
  const probed = perRound.filter((ms): ms is number => ms !== null);
  if (probed.length === 0) return null;
  const fastestOfRun = Math.min(...probed, fastestCoreOf(start) ?? Number.POSITIVE_INFINITY);
  const slowdowns = perRound.map((ms) => (ms === null ? null : ms / fastestOfRun - 1));
  const rounds = slowdowns.flatMap((slowdown, round) => (slowdown !== null && slowdown > MACHINE_SLOW_FLAG_THRESHOLD ? [round] : []));
  return { rounds, probed: probed.length, worst: Math.max(...probed) / fastestOfRun - 1 };
}
