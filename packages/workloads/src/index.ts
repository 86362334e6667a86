export { checksumOfRead, expectedFileChecksum, fileContent, MAX_FILE_BYTES } from "./file-round-trip.ts";
export { expectedJsonRoundTrip, jsonRoundTrip } from "./json-round-trip.ts";
export { keyChecksum, PBKDF2_KEY_BYTES, PBKDF2_PASSWORD, PBKDF2_SALT, pbkdf2Sha256 } from "./pbkdf2.ts";
export { assertPost, makePost, mockApiTarget, type Post, postIdChecksum } from "./posts.ts";
export { countPrimesBelow, KNOWN_PRIME_COUNTS } from "./prime-sieve.ts";
export {
  CPU_WORKLOAD_REGISTRY,
  type CpuWorkloadEntry,
  JAVASCRIPT_EQUIVALENT,
  runsOffThread,
  type SizeLimit,
  TASK_REGISTRY,
  WORKLOAD_SIZE_LIMITS,
  WORKLOAD_TITLES,
} from "./registry.ts";
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
  CPU_WORKLOADS,
  type CpuTask,
  type CpuWorkload,
  describeTask,
  expectedValue,
  type FileApi,
  type FileServices,
  HTTP_CLIENTS,
  type HttpClientId,
  prepareTask,
  runTask,
  runTaskInterleaved,
  type Task,
  type TaskServices,
  taskTransferList,
  verifyTask,
} from "./task.ts";
export {
  buildSentInputs,
  buildUnitInputs,
  loadUserTask,
  type SentInput,
  type UserIoTask,
  type UserTaskDefinition,
  withPermissionHint,
} from "./user-task.ts";
export { warmUp } from "./warm-up.ts";
