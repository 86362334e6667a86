export { assertPost, makePost, type Post, postIdChecksum } from "./posts.ts";
export {
  assertTaskSize,
  CHUNK_ITERATIONS,
  expectedSumOfSquares,
  MAX_TASK_SIZE,
  sumOfSquares,
  sumOfSquaresInterleaved,
  sumOfSquaresRange,
} from "./sum-of-squares.ts";
export {
  describeTask,
  expectedValue,
  type HttpClientKind,
  runTask,
  runTaskInterleaved,
  type Task,
  type TaskServices,
  verifyTask,
} from "./task.ts";
export { warmUp } from "./warm-up.ts";
