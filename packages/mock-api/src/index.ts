export { type MockApiOptions, type RunningMockApi, startMockApi } from "./server.ts";
