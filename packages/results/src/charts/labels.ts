/**
 * The words the charts put on models and cells, built from the names the scenarios declare (as the report's
 * reading does), so the charts know no scenario id. Chart labels drop a name's aside in brackets: the report's
 * text carries it, and a legend or axis has no room for it.
 */
import type { CellResult } from "@runtime-bench/model/schema";
import { withoutAside } from "../cells.ts";
import { ioTaskModelName, viewedModelName } from "../task-run.ts";

/** A model as a chart names it: its short name, and its HTTP client where that is not the runtime's default. */
export function modelLabel(cell: CellResult): string {
  // A user's task names its levels and input views as the report's rows do: "10 at once: over 2 worker threads".
  const ioModel = ioTaskModelName(cell);
  if (ioModel !== null) return `${cell.size}: ${ioModel}`;
  if (cell.params.kind === "cpu" && cell.params.task) return viewedModelName(cell);
  const client = cell.params.kind === "io" && cell.params.client !== "default" ? cell.params.client : null;
  return client === null ? withoutAside(cell.readingName) : `${client} (another HTTP client)`;
}

/** 300000000 -> "3e8", 12345 -> "12345": how the cell ids write sizes. */
export function sizeLabel(n: number): string {
  if (n < 10_000) return String(n);
  const [mantissa, exponent] = n.toExponential().split("e+");
  return `${mantissa}e${exponent}`;
}

/** What a cell's runs did, in the words the report's headings use: "4 tasks of n = 3e8", "100 requests, 10 in flight, 50 ms". */
export function workLabel(cell: CellResult): string {
  const { params } = cell;
  switch (params.kind) {
    case "cpu":
      // A user's task names its sizes ("64 KiB"): the chart says them as the task does.
      return params.task ? `${params.tasks} tasks of ${cell.size}` : `${params.tasks} tasks of n = ${sizeLabel(params.n)}`;
    case "io":
      if (params.task) return `${params.requests} units${params.latencyMs > 0 ? `, ${params.latencyMs} ms latency` : ""}`;
      return `${params.requests} requests, ${params.concurrency} in flight, ${params.latencyMs} ms latency`;
    case "files":
      return cell.size;
    case "primitive":
      return `${params.repetitions} repetitions`;
  }
}
