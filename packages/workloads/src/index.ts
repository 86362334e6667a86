export { expectedJsonRoundTrip, jsonRoundTrip } from "./json-round-trip.ts";
export { assertPost, makePost, type Post, postIdChecksum } from "./posts.ts";
export { countPrimesBelow, KNOWN_PRIME_COUNTS } from "./prime-sieve.ts";
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
