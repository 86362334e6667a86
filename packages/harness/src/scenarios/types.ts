import type { Task } from "@runtime-bench/workloads";
import type { InProcessTarget } from "../in-process.ts";
import type { RuntimePrimitives } from "../primitives.ts";
import type { TaskReply } from "../protocol.ts";
import type { ExecutorRecord } from "../schema.ts";
import type { CellGroup, CellParams, CpuCellParams, FilesCellParams, IoCellParams, PrimitiveCellParams } from "./params.ts";

export type { CellGroup, CellParams, CpuCellParams, FilesCellParams, IoCellParams, PrimitiveCellParams } from "./params.ts";

/** One cell a runtime process is asked to measure. */
export interface CellSpec {
  group: CellGroup;
  /** Unique in a run, e.g. "cpu.worker-pool/n=3e8". */
  cellId: string;
  scenarioId: string;
  /** Which size this cell is (e.g. "default", "lesson"). */
  size: string;
  params: CellParams;
  /** The cell of the same runtime this one is compared with, run by run; null for a baseline. */
  baseline: string | null;
  /** Another cell of the same runtime it is compared with run by run besides its baseline, or null. */
  pairedWith: string | null;
  /** False for a labelled variant, which is compared with its baseline only. */
  comparedAcrossRuntimes: boolean;
}

/** What a scenario measures and how close it could get. */
export interface CellShape {
  /** Executors working at once: 1 for the main thread, W for workers or processes. */
  parallelism: number;
  /** CPU: ideal speed-up over sequential; I/O: ideal wall time in ms. */
  ideal: { speedup: number } | { wallMs: number };
}

/** A cell ready to time: everything that is not the model under test (pools, connections) is set up. */
export interface PreparedCell {
  tasks: Task[];
  /** The timed part. Returns one reply per task, in task order. */
  run(): Promise<TaskReply[]>;
  dispose(): Promise<void>;
  /** Facts about how this runtime ran the cell (pool implementation, fallbacks). */
  notes: string[];
  implementation: string;
  /** What to repeat in-process with mitata after the timed run, where that fits the scenario. */
  inProcess?: InProcessTarget;
  /** For models that start an executor per task: their start-up and teardown, once every teardown is over. */
  executors?: () => Promise<ExecutorRecord[]>;
}

export interface ScenarioContext<P extends CellParams> {
  primitives: RuntimePrimitives;
  params: P;
  cores: number;
  /** A folder of its own the cell may write in (file cells; the launcher creates it and always removes it), or null. */
  scratchDir: string | null;
}

export interface Scenario<P extends CellParams> {
  id: string;
  kind: P["kind"];
  title: string;
  /** Which experiment of the Python lesson this one rebuilds. */
  lessonAnalogue: string;
  /**
   * What the report's reading calls this model in a sentence ("a warmed worker pool"). The reading says of every
   * scenario with a baseline whether it paid off against that baseline, in words built from both names, so a new
   * scenario is read out without the report knowing its id.
   */
  readingName: string;
  /** The scenario (same size, same runtime) this one is compared with run by run, e.g. "cpu.sequential". */
  baseline?: string;
  /** A labelled variant (e.g. another HTTP client): compared with its baseline only, never across runtimes. */
  variant?: true;
  shape(params: P, cores: number): CellShape;
  prepare(context: ScenarioContext<P>): Promise<PreparedCell>;
}

/** A scenario of any kind; its `kind` tells which parameters it takes. */
export type AnyScenario = Scenario<CpuCellParams> | Scenario<IoCellParams> | Scenario<PrimitiveCellParams> | Scenario<FilesCellParams>;
