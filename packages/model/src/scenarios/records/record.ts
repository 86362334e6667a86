/**
 * What a scenario is, as data: its id, its words, what it is compared with, and the parts it plays in the suite's
 * groups. The suite, the launcher and the report read these records; only the runtime process needs a scenario's
 * implementation (`../index.ts`). This file and its neighbours import types and pure data only, so the report can
 * read a record without loading pools or executors.
 */
import type { CellParams, CpuCellParams, FilesCellParams, IoCellParams, PrimitiveCellParams, PrimitiveOperation } from "../params.ts";

/** What a scenario measures and how close it could get. */
export interface CellShape {
  /** Executors working at once: 1 for the main thread, W for workers or processes. */
  parallelism: number;
  /** CPU: ideal speed-up over sequential; I/O: ideal wall time in ms. */
  ideal: { speedup: number } | { wallMs: number };
}

interface RecordOf<P extends CellParams> {
  /** Unique, and part of every cell id of the scenario (so it never changes once results carry it). */
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
  /** The scenario (same size, same runtime) this one is compared with run by run. */
  baseline?: string;
  /** A labelled variant (e.g. another HTTP client): compared with its baseline only, never across runtimes. */
  variant?: true;
  /** What it measures for a cell's parameters (pure arithmetic on them). */
  shape(params: P, cores: number): CellShape;
}

export interface CpuScenarioRecord extends RecordOf<CpuCellParams> {
  /** Starts an executor (worker or child process) per task: its start-up and teardown are recorded with each run. */
  freshExecutor?: true;
  /**
   * Hands each task to another thread or process, which must receive its input: a worker thread (its input copied, or
   * moved where a task marks what can be transferred) or a child process (always copied).
   */
  handsOff?: "worker" | "process";
}

/**
 * A scenario's part in the I/O sweep: sequential requests (one in flight, at each latency), async requests (at each
 * number in flight C, and the memory cells), or requests spread over worker threads (each worker count W <= C).
 */
export const IO_SWEEP_ROLES = ["sequential", "async", "workers"] as const;
export type IoSweepRole = (typeof IO_SWEEP_ROLES)[number];

export interface IoScenarioRecord extends RecordOf<IoCellParams> {
  /** Its part in the I/O sweep; a scenario without one is not swept. */
  sweepRole?: IoSweepRole;
  /** Runs once per other HTTP client of the profile (`io.clients`), each cell a labelled variant. */
  clientVariant?: true;
}

export interface PrimitiveScenarioRecord extends RecordOf<PrimitiveCellParams> {
  /** The operation it repeats. */
  operation: PrimitiveOperation;
}

export type FilesScenarioRecord = RecordOf<FilesCellParams>;

/** A scenario record of any kind; its `kind` tells which parameters it takes and which roles it can have. */
export type ScenarioRecord = CpuScenarioRecord | IoScenarioRecord | PrimitiveScenarioRecord | FilesScenarioRecord;

/** The record type of the scenarios that take parameters P. */
export type ScenarioRecordOf<P extends CellParams> = Extract<ScenarioRecord, { kind: P["kind"] }>;
