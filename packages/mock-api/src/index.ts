export { startMockApi, type MockApiOptions, type RunningMockApi } from "./server.ts";
