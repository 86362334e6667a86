export { MAX_REQUEST_LATENCY_MS, type MockApiOptions, type RunningMockApi, startMockApi } from "./server.ts";
