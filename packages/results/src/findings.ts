/**
 * The report's plain-language reading, derived from the figures by code so it stays true when they
 * change. Each finding answers one of the lesson's questions, or says it cannot be answered from this run.
 */
import { isMeasured, type CellTable, type MeasuredRow } from "./analyze.ts";
import { mib, ms, percent, perRuntime, times } from "./format.ts";

/** Below this, a speed-up is "no real gain" (run-to-run noise here is a few percent). */
const NO_GAIN_BELOW = 1.1;

export function findings(tables: readonly CellTable[]): string[] {
  const largest = largestCpuSize(tables);
  const smallest = smallestCpuSize(tables);
  const lines = [
    asyncOnCpu(tables, largest),
    workersOnCpu(tables, largest),
    processesOnCpu(tables, largest),
    smallTasks(tables, smallest, largest),
    ioModels(tables),
    fastestRuntimes(tables),
  ];
  return lines.filter((line): line is string => line !== null);
}

function rows(tables: readonly CellTable[], scenarioId: string, size?: string): MeasuredRow[] {
  const table = tables.find((t) => t.cell.scenarioId === scenarioId && (size === undefined || t.cell.size === size));
  return table ? table.rows.filter(isMeasured) : [];
}

const cpuSizes = (tables: readonly CellTable[]) =>
  tables.filter((t) => t.cell.kind === "cpu" && t.cell.params.kind === "cpu").map((t) => ({ size: t.cell.size, n: (t.cell.params as { n: number }).n }));

function largestCpuSize(tables: readonly CellTable[]): string | undefined {
  return cpuSizes(tables).sort((a, b) => b.n - a.n)[0]?.size;
}

function smallestCpuSize(tables: readonly CellTable[]): string | undefined {
  return cpuSizes(tables).sort((a, b) => a.n - b.n)[0]?.size;
}

const withSpeedup = (measured: MeasuredRow[]) => measured.filter((row) => row.speedup !== null);

function asyncOnCpu(tables: readonly CellTable[], size: string | undefined): string | null {
  const measured = withSpeedup(rows(tables, "cpu.async-main", size));
  if (measured.length === 0) return null;
  const gain = measured.some((row) => row.speedup! >= NO_GAIN_BELOW);
  return gain
    ? `**Async tasks on one thread and CPU work:** some runtime gained (${perRuntime(measured, (r) => times(r.speedup!))}); look at that cell before trusting it.`
    : `**Async tasks on one thread do not speed up CPU work:** ${perRuntime(measured, (r) => times(r.speedup!))} against sequential. ` +
        `The event loop runs one task at a time, as the GIL does for Python threads.`;
}

function workersOnCpu(tables: readonly CellTable[], size: string | undefined): string | null {
  const pool = withSpeedup(rows(tables, "cpu.worker-pool", size));
  if (pool.length === 0) return null;
  const ideal = pool[0]!.cell.ideal;
  const perTask = withSpeedup(rows(tables, "cpu.worker-per-task", size));
  const idealText = "speedup" in ideal ? ` (ideal ${times(ideal.speedup)})` : "";
  let line =
    `**Worker threads are real parallelism:** a warmed pool ran the tasks ${perRuntime(pool, (r) => times(r.speedup!))} ` +
    `faster than sequential${idealText}, a parallel efficiency of ${perRuntime(pool, (r) => percent(r.efficiency!))}.`;
  if (perTask.length > 0) {
    line += ` Starting a fresh worker per task instead gave ${perRuntime(perTask, (r) => times(r.speedup!))}: the difference is worker start-up.`;
  }
  return line;
}

function processesOnCpu(tables: readonly CellTable[], size: string | undefined): string | null {
  const processes = withSpeedup(rows(tables, "cpu.process-per-task", size));
  if (processes.length === 0) return null;
  return (
    `**Child processes (the multiprocessing analogue) also run in parallel:** ${perRuntime(processes, (r) => times(r.speedup!))} ` +
    `against sequential, with peak memory of the whole process tree at ${perRuntime(processes, (r) => (r.peakRssMiB === null ? "n/a" : mib(r.peakRssMiB)))}.`
  );
}

function smallTasks(tables: readonly CellTable[], small: string | undefined, large: string | undefined): string | null {
  if (!small || small === large) return null;
  const sequential = rows(tables, "cpu.sequential", small);
  const parallel = ["cpu.worker-pool", "cpu.worker-per-task", "cpu.process-per-task"].flatMap((id) =>
    withSpeedup(rows(tables, id, small)).map((row) => ({ ...row, scenario: row.cell.title })),
  );
  if (sequential.length === 0 || parallel.length === 0) return null;
  const losers = parallel.filter((row) => row.speedup! < 1);
  const table = tables.find((t) => t.cell.size === small)!;
  const n = (table.cell.params as { n: number }).n;
  const taskTimes = perRuntime(sequential, (r) => `${ms(r.wall.median / (r.cell.params as { tasks: number }).tasks)} ms`);
  if (losers.length === 0) return `**At the lesson's own size (n = ${n}, ${taskTimes} per task)** every parallel model still beat sequential.`;
  return (
    `**At the lesson's own size (n = ${n}, ${taskTimes} per task) start-up can cost more than parallelism saves:** ` +
    `slower than sequential were ${losers.map((r) => `${r.scenario} on ${r.runtime} (${times(r.speedup!)})`).join(", ")}.`
  );
}

function ioModels(tables: readonly CellTable[]): string | null {
  const ioTables = tables.filter((t) => t.cell.kind === "io");
  if (ioTables.length === 0) return null;
  const runtimes = [...new Set(ioTables.flatMap((t) => t.rows.filter(isMeasured).map((r) => r.runtime)))];
  const winners = runtimes.map((runtime) => {
    const candidates = ioTables.flatMap((t) => t.rows.filter((r): r is MeasuredRow => isMeasured(r) && r.runtime === runtime));
    const best = candidates.reduce((a, b) => (b.wall.median < a.wall.median ? b : a));
    return { runtime, best };
  });
  const asyncRows = rows(tables, "io.async-fetch");
  const workerRows = rows(tables, "io.worker-threads");
  let line = `**For API calls, the fastest model was** ${winners
    .map((w) => `${w.best.cell.title.toLowerCase()} on ${w.runtime} (${ms(w.best.wall.median)} ms, ${percent(w.best.efficiency!)} of the ideal)`)
    .join("; ")}.`;
  const memory = asyncRows.flatMap((a) => {
    const w = workerRows.find((row) => row.runtime === a.runtime);
    return w && a.peakRssMiB !== null && w.peakRssMiB !== null ? [{ runtime: a.runtime, a: a.peakRssMiB, w: w.peakRssMiB }] : [];
  });
  if (memory.length > 0) {
    line += ` Peak memory, async vs worker threads: ${perRuntime(memory, (m) => `${mib(m.a)} vs ${mib(m.w)}`)}.`;
  }
  return line;
}

function fastestRuntimes(tables: readonly CellTable[]): string | null {
  const decided = tables.filter((t) => t.fastest !== null);
  const undecided = tables.filter((t) => t.fastest === null && t.rows.filter(isMeasured).length > 1);
  if (decided.length === 0 && undecided.length === 0) return null;
  const parts = decided.map((t) => `${t.cellId}: ${t.fastest}`);
  const tie = undecided.length > 0 ? ` No clear winner (≈) in ${undecided.map((t) => t.cellId).join(", ")}.` : "";
  return `**Fastest runtime per cell** (only where its interval excludes a tie): ${parts.join("; ") || "none"}.${tie}`;
}
