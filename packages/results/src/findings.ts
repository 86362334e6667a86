/**
 * The report's plain-language reading, derived from the figures by code so it stays true when they change.
 * Each finding answers one of the lesson's questions; its claim (in bold) follows only from the verdicts (the
 * project's rule: an interval that excludes 1.0 and a difference of at least 5%), and every figure it cites
 * comes with its interval. It names no cause the run did not measure.
 */
import type { PairedComparison } from "@runtime-bench/harness/comparisons";
import type { Verdict } from "@runtime-bench/harness/verdict";
import { isMeasured, type CellTable, type MeasuredRow } from "./analyze.ts";
import { joinWords, mib, ms, percent, perRuntime, ratioFigure, speedupFigure } from "./format.ts";

export function findings(tables: readonly CellTable[]): string[] {
  const largest = largestCpuSize(tables);
  const smallest = smallestCpuSize(tables);
  const lines = [
    asyncOnCpu(tables, largest),
    modelOnCpu(tables, "cpu.worker-pool", largest, "A warmed worker pool"),
    modelOnCpu(tables, "cpu.worker-per-task", largest, "A fresh worker thread per task"),
    modelOnCpu(tables, "cpu.process-per-task", largest, "A fresh child process per task (the multiprocessing analogue)"),
    smallTasks(tables, smallest, largest),
    ioModels(tables),
    tunedClient(tables),
    fastestRuntimes(tables),
  ];
  return lines.filter((line): line is string => line !== null);
}

function rows(tables: readonly CellTable[], scenarioId: string, size?: string): MeasuredRow[] {
  const table = tables.find((t) => t.cell.scenarioId === scenarioId && (size === undefined || t.cell.size === size));
  return table ? table.rows.filter(isMeasured) : [];
}

const cpuSizes = (tables: readonly CellTable[]) =>
  tables.flatMap((t) => (t.cell.params.kind === "cpu" ? [{ size: t.cell.size, n: t.cell.params.n }] : []));
const largestCpuSize = (tables: readonly CellTable[]) => cpuSizes(tables).sort((a, b) => b.n - a.n)[0]?.size;
const smallestCpuSize = (tables: readonly CellTable[]) => cpuSizes(tables).sort((a, b) => a.n - b.n)[0]?.size;

type Compared = MeasuredRow & { versusBaseline: PairedComparison };
const compared = (measured: MeasuredRow[]): Compared[] => measured.filter((row): row is Compared => row.versusBaseline !== null);

/** Runtimes grouped by the verdict of their comparison with the baseline. */
function byVerdict(measured: Compared[]): Record<Verdict, Compared[]> {
  return {
    faster: measured.filter((row) => row.versusBaseline.verdict === "faster"),
    "≈": measured.filter((row) => row.versusBaseline.verdict === "≈"),
    slower: measured.filter((row) => row.versusBaseline.verdict === "slower"),
  };
}

const names = (measured: readonly MeasuredRow[]) => joinWords(measured.map((row) => row.runtime));
const everyRuntime = (measured: readonly MeasuredRow[]) => (measured.length === 1 ? names(measured) : "every runtime");
const anyRuntime = (measured: readonly MeasuredRow[]) => (measured.length === 1 ? names(measured) : "any runtime");
const speedups = (measured: Compared[]) => perRuntime(measured, (row) => speedupFigure(row.versusBaseline));

function asyncOnCpu(tables: readonly CellTable[], size: string | undefined): string | null {
  const measured = compared(rows(tables, "cpu.async-main", size));
  if (measured.length === 0) return null;
  const { faster } = byVerdict(measured);
  const claim =
    faster.length === 0
      ? `Concurrent async tasks on one thread did not speed up CPU work on ${anyRuntime(measured)}`
      : `Concurrent async tasks on one thread ran CPU work faster than sequential on ${names(faster)}`;
  const busy = measured.every((row) => row.busyCores !== null) ? `, with ${perRuntime(measured, (row) => row.busyCores!.toFixed(2))} cores busy` : "";
  const analogy = faster.length === 0 ? " (the lesson's threads under the GIL: concurrency without parallelism)" : "";
  return `**${claim}:** ${speedups(measured)} against sequential${busy}${analogy}.`;
}

/** Whether a parallel model paid off against sequential at the largest size, per runtime, with what it cost. */
function modelOnCpu(tables: readonly CellTable[], scenarioId: string, size: string | undefined, model: string): string | null {
  const measured = compared(rows(tables, scenarioId, size));
  if (measured.length === 0) return null;
  const { faster, slower } = byVerdict(measured);
  const notFaster = measured.filter((row) => !faster.includes(row));
  let claim: string;
  if (notFaster.length === 0) claim = `${model} paid off on ${everyRuntime(measured)}`;
  else if (faster.length === 0) claim = `${model} did not pay off on ${anyRuntime(measured)}${slower.length > 0 ? ` (slower on ${names(slower)})` : ""}`;
  else claim = `${model} paid off on ${names(faster)}, not on ${names(notFaster)}`;
  const ideal = measured[0]!.cell.ideal;
  const idealText = "speedup" in ideal ? `; ideal ${ideal.speedup.toFixed(2)}x, efficiency ${perRuntime(measured, (row) => percent(row.efficiency!))}` : "";
  const busy = measured.every((row) => row.busyCores !== null) ? `; ${perRuntime(measured, (row) => row.busyCores!.toFixed(2))} cores busy` : "";
  return `**${claim}:** ${speedups(measured)} against sequential${idealText}${busy}${startupText(measured)}${memoryText(measured)}.`;
}

/** "; each fresh worker was ready after 25 ms (node), ..., and took 3 ms (node), n/a (deno) to stop" */
function startupText(measured: MeasuredRow[]): string {
  const started = measured.filter((row) => row.startup !== null);
  if (started.length === 0) return "";
  const kind = started[0]!.cell.samples[0]?.executors[0]?.kind === "process" ? "child process" : "worker";
  const ready = perRuntime(started, (row) => `${ms(row.startup!.readyMs)} ms`);
  const teardown = perRuntime(started, (row) => (row.startup!.teardownMs === null ? "not reported" : `${ms(row.startup!.teardownMs)} ms`));
  return `; each fresh ${kind} was ready after ${ready} and took ${teardown} to stop (medians)`;
}

function memoryText(measured: MeasuredRow[]): string {
  if (!measured.every((row) => row.peakPssMiB !== null) || measured[0]?.startup === null) return "";
  return `; peak memory of the process tree ${perRuntime(measured, (row) => mib(row.peakPssMiB!))} (PSS)`;
}

function smallTasks(tables: readonly CellTable[], small: string | undefined, large: string | undefined): string | null {
  if (!small || small === large) return null;
  const sequential = rows(tables, "cpu.sequential", small);
  const parallel = ["cpu.worker-pool", "cpu.worker-per-task", "cpu.process-per-task"].flatMap((id) => compared(rows(tables, id, small)));
  if (sequential.length === 0 || parallel.length === 0) return null;
  const { faster, slower } = byVerdict(parallel);
  const table = tables.find((t) => t.cell.size === small && t.cell.params.kind === "cpu")!;
  const n = table.cell.params.kind === "cpu" ? table.cell.params.n : 0;
  const taskTimes = perRuntime(sequential, (row) => `${ms(row.wall.median / (row.cell.params.kind === "cpu" ? row.cell.params.tasks : 1))} ms`);
  const list = (group: Compared[]) =>
    group.map((row) => `${row.cell.title.toLowerCase()} on ${row.runtime} (${speedupFigure(row.versusBaseline)}${readyText(row)})`).join(", ");
  const claim =
    slower.length > 0
      ? `at the lesson's own size, ${slower.length} of ${parallel.length} parallel runs were slower than sequential`
      : `at the lesson's own size, no parallel run was slower than sequential`;
  const parts = [
    slower.length > 0 ? `slower: ${list(slower)}` : null,
    faster.length > 0 ? `faster: ${list(faster)}` : null,
    parallel.length - slower.length - faster.length > 0 ? `≈: ${list(parallel.filter((row) => !slower.includes(row) && !faster.includes(row)))}` : null,
  ].filter((part): part is string => part !== null);
  return `**${capitalise(claim)}** (n = ${n}, ${taskTimes} per task sequentially): ${parts.join("; ")}.`;
}

const readyText = (row: MeasuredRow) => (row.startup ? `, ready after ${ms(row.startup.readyMs)} ms` : "");
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function ioModels(tables: readonly CellTable[]): string | null {
  const asyncRows = compared(rows(tables, "io.async-fetch"));
  const workerRows = compared(rows(tables, "io.worker-threads")); // its baseline is the async cell
  if (workerRows.length === 0) return null;
  const { faster, slower } = byVerdict(workerRows);
  const same = workerRows.filter((row) => !faster.includes(row) && !slower.includes(row));
  const claimParts = [
    same.length > 0 ? `took as long as async requests (≈) on ${names(same)}` : null,
    slower.length > 0 ? `were slower than async requests on ${names(slower)}` : null,
    faster.length > 0 ? `were faster than async requests on ${names(faster)}` : null,
  ].filter((part): part is string => part !== null);
  let line = `**For API calls at the same number in flight, worker threads ${joinWords(claimParts)}:** worker threads' time over async's ${perRuntime(workerRows, (row) => ratioFigure(row.versusBaseline))}`;
  if (asyncRows.length > 0) line += `; async reached ${perRuntime(asyncRows, (row) => percent(row.efficiency!))} of the ideal time`;
  const memory = workerRows.flatMap((w) => {
    const a = asyncRows.find((row) => row.runtime === w.runtime);
    return a && a.peakPssMiB !== null && w.peakPssMiB !== null ? [{ runtime: w.runtime, a: a.peakPssMiB, w: w.peakPssMiB }] : [];
  });
  if (memory.length > 0) line += `; peak memory (PSS), async vs worker threads: ${perRuntime(memory, (m) => `${mib(m.a)} vs ${mib(m.w)}`)}`;
  return `${line}.`;
}

function tunedClient(tables: readonly CellTable[]): string | null {
  const tuned = compared(rows(tables, "io.async-tuned-client"));
  if (tuned.length === 0) return null;
  const words: Record<Verdict, string> = { faster: "was faster than", "≈": "took as long as (≈)", slower: "was slower than" };
  return (
    `**A tuned client, shown apart from the runtime comparison:** ` +
    tuned
      .map((row) => `on ${row.runtime}, ${row.cell.implementation.split(",")[0]} ${words[row.versusBaseline.verdict]} its default fetch (${ratioFigure(row.versusBaseline)} of its time)`)
      .join("; ") +
    "."
  );
}

function fastestRuntimes(tables: readonly CellTable[]): string | null {
  const comparable = tables.filter((t) => t.cell.comparedAcrossRuntimes && t.rows.filter(isMeasured).length > 1);
  if (comparable.length === 0) return null;
  const decided = comparable.filter((t) => t.fastest !== null);
  const winners = [...new Set(decided.map((t) => t.fastest!))];
  const tally = winners.map((runtime) => `${runtime} in ${decided.filter((t) => t.fastest === runtime).length}`).join(", ");
  const undecided = comparable.filter((t) => t.fastest === null).map((t) => t.cellId);
  return (
    `**Fastest runtime per cell** (faster than every other by the verdict rule): ${decided.length > 0 ? `${tally} of ${comparable.length} cells` : "none"}` +
    `${decided.length > 0 ? ` (${decided.map((t) => `${t.cellId}: ${t.fastest}`).join("; ")})` : ""}.` +
    (undecided.length > 0 ? ` No single fastest runtime in ${undecided.join(", ")}.` : "")
  );
}
