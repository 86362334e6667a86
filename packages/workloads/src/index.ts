export { CHUNK_ITERATIONS, sumOfSquares, sumOfSquaresRange, sumOfSquaresInterleaved, expectedSumOfSquares, assertTaskSize, MAX_TASK_SIZE } from "./sum-of-squares.ts";
export { assertPost, makePost, postIdChecksum, type Post } from "./posts.ts";
export { runTask, runTaskInterleaved, verifyTask, expectedValue, describeTask, type Task, type TaskServices, type HttpClientKind } from "./task.ts";
export { warmUp } from "./warm-up.ts";
