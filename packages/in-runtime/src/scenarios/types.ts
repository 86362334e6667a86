import type { CellParams, CpuCellParams, FilesCellParams, IoCellParams, PrimitiveCellParams } from "@runtime-bench/model/scenarios/params";
import type { ScenarioRecordOf } from "@runtime-bench/model/scenarios/records/record";
import type { ExecutorRecord } from "@runtime-bench/model/schema";
import type { Task } from "@runtime-bench/workloads";
import type { InProcessTarget } from "../in-process.ts";
import type { RuntimePrimitives } from "../primitives.ts";
import type { TaskReply } from "../protocol.ts";

export type {
  CellParams,
  CpuCellParams,
  FilesCellParams,
  InputView,
  IoCellParams,
  PrimitiveCellParams,
} from "@runtime-bench/model/scenarios/params";

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

/** How a runtime sets a scenario up for a cell with parameters P. */
export type Prepare<P extends CellParams> = (context: ScenarioContext<P>) => Promise<PreparedCell>;

/** A scenario's record (what it is: `records/`) with its implementation (how a runtime runs it). */
export type Scenario<P extends CellParams> = ScenarioRecordOf<P> & { prepare: Prepare<P> };

/** A scenario of any kind; its `kind` tells which parameters it takes. */
export type AnyScenario = Scenario<CpuCellParams> | Scenario<IoCellParams> | Scenario<PrimitiveCellParams> | Scenario<FilesCellParams>;

/** Pairs a record with its implementation (the record stays the one place of the scenario's data). */
export const implement = <P extends CellParams>(record: ScenarioRecordOf<P>, prepare: Prepare<P>): Scenario<P> =>
  ({ ...record, prepare }) as Scenario<P>;
