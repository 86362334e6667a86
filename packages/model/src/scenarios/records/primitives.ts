/**
 * The primitive costs: what one worker or child process costs to start, one message to send there and back, one
 * SharedArrayBuffer + Atomics hand-off, and one task handed to a warmed pool. Each is measured on its own (no
 * baseline): the cost of one operation is the timed part over the repetitions.
 */
import type { CellShape, PrimitiveScenarioRecord } from "./record.ts";

const costShape = (): CellShape => ({ parallelism: 1, ideal: { speedup: 1 } });

export const primitiveWorkerStart: PrimitiveScenarioRecord = {
  id: "primitive.worker-start",
  kind: "primitive",
  operation: "worker-start",
  title: "Worker thread: start to first message",
  lessonAnalogue: "starting a thread",
  readingName: "starting a worker thread",
  shape: costShape,
};

export const primitiveProcessStart: PrimitiveScenarioRecord = {
  id: "primitive.process-start",
  kind: "primitive",
  operation: "process-start",
  title: "Child process: start to first message",
  lessonAnalogue: "starting a process",
  readingName: "starting a child process",
  shape: costShape,
};

export const primitiveRoundTrip: PrimitiveScenarioRecord = {
  id: "primitive.round-trip",
  kind: "primitive",
  operation: "round-trip",
  title: "Message round trip to a worker",
  lessonAnalogue: "passing data to a thread and back",
  readingName: "a message round trip",
  shape: costShape,
};

export const primitiveAtomicsHandOff: PrimitiveScenarioRecord = {
  id: "primitive.atomics-hand-off",
  kind: "primitive",
  operation: "atomics-hand-off",
  title: "SharedArrayBuffer + Atomics hand-off to a worker",
  lessonAnalogue: "signalling a thread through shared memory",
  readingName: "an Atomics hand-off",
  shape: costShape,
};

export const primitivePoolDispatch: PrimitiveScenarioRecord = {
  id: "primitive.pool-dispatch",
  kind: "primitive",
  operation: "pool-dispatch",
  title: "One task through a warmed worker pool",
  lessonAnalogue: "handing a task to a pool",
  readingName: "a pool's dispatch",
  shape: costShape,
};

export const primitiveRecords: readonly PrimitiveScenarioRecord[] = [
  primitiveWorkerStart,
  primitiveProcessStart,
  primitiveRoundTrip,
  primitiveAtomicsHandOff,
  primitivePoolDispatch,
];
