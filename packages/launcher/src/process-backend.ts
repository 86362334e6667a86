/**
 * The runner's contact with the outside world: describing a runtime, measuring a cell in a fresh process,
 * probing the cores and starting the mock API. The runner takes it as a parameter, so tests can run the
 * round loop against a fake one without starting processes (as hyperfine's MockExecutor does).
 */
import type { CellRequest } from "@runtime-bench/model/measurement-protocol";
import { RUNTIMES, type RuntimeName } from "@runtime-bench/model/runtimes";
import type { CellSpec } from "@runtime-bench/model/scenarios/params";
import type { CoreSpeeds, DescribeOutput, ServerCapacity } from "@runtime-bench/model/schema";
import { type MeasureOutcome, measureOnce } from "./measure-once.ts";
import { type MeasurementCommand, runMeasurementProcess } from "./measurement-process.ts";
import { type MockApiProcess, type MockApiSettings, startMockApiProcess } from "./mock-api-process.ts";
import { onPath, pinnedVersion } from "./runtime-binaries.ts";
import { type CapacitySettings, measureServerCapacity } from "./server-capacity.ts";
import { probeEachCore } from "./speed-probe.ts";

/** A runtime under test and how to start one of its measurement processes (its app's main.ts). */
export interface RuntimeLaunch {
  runtime: RuntimeName;
  command: MeasurementCommand;
  /**
   * The version its binary must report: a released version it was installed as; null: whatever it reports (a local
   * build); absent: the version the root package.json pins.
   */
  version?: string | null;
  /**
   * Why a cell is n/a for this runtime before any process is started, or null to measure it: a reference that runs
   * only the lesson's cells says so here, rather than start an interpreter (a JVM, for Jython) for every other cell.
   */
  notApplicable?: (cell: CellSpec) => string | null;
}

export interface MeasurementBackend {
  /** The runtime's own description, or why it cannot be measured (missing, wrong version, crashed on start). */
  describe(launch: RuntimeLaunch): Promise<DescribeOutput | { unavailable: string }>;
  /** `api`: the mock API this cell's requests go to, metered apart. */
  measure(launch: RuntimeLaunch, request: CellRequest, timeoutMs: number, api: MockApiProcess | null): Promise<MeasureOutcome>;
  /** The machine-speed probe on every core at once, each reading the median of `rounds` timed rounds. */
  probeCores(rounds: number, signal?: AbortSignal): Promise<CoreSpeeds>;
  startMockApi(settings: MockApiSettings): Promise<MockApiProcess>;
  /** What the mock API serves to an independent load generator (before the rounds, so it does not disturb them). */
  measureServerCapacity(api: MockApiProcess, settings: CapacitySettings): Promise<ServerCapacity>;
}

/**
 * Starts `main.ts --describe` under the runtime (which loads the whole adapter: a binary that cannot run the harness
 * fails here, before any cell) and checks it is the version expected: the launch's, else the one the root package.json pins.
 */
export async function describeRuntime({ runtime, command, version }: RuntimeLaunch): Promise<DescribeOutput | { unavailable: string }> {
  const { installation } = RUNTIMES[runtime];
  if (installation.kind === "system" && !onPath(command.argv[0] ?? "")) return { unavailable: installation.installHint };
  const described = await runMeasurementProcess(command, ["--describe"], 60_000);
  if (!described.ok) return { unavailable: `${runtime} could not start: ${harnessHint(described.error)}` };
  const { message } = described;
  if (message.type !== "described") return { unavailable: `${runtime} answered --describe with a "${message.type}" message` };
  const expected = version === undefined ? pinnedVersion(runtime) : version;
  const found = message.description.runtime;
  if (found.runtime !== runtime || (expected && found.version !== expected)) {
    const where = version === undefined ? "pinned in the root package.json" : "the release installed";
    return { unavailable: `expected ${runtime} ${expected ?? ""} (${where}), found ${found.runtime} ${found.version}` };
  }
  return message.description;
}

/** A start-up failure, with what it means where it is a known gap of older versions (the harness is TypeScript). */
const harnessHint = (error: string): string =>
  /ERR_UNKNOWN_FILE_EXTENSION|Unknown file extension "\.ts"/.test(error)
    ? `it does not run TypeScript files (Node strips types by default from 22.18 and 23.6): ${error}`
    : error;

export const processBackend: MeasurementBackend = {
  describe: describeRuntime,
  measure: async (launch, request, timeoutMs, api) => {
    const reason = launch.notApplicable?.(request.cell);
    return reason ? { kind: "n/a", reason } : measureOnce(launch.command, request, timeoutMs, api?.pid ?? null);
  },
  probeCores: probeEachCore,
  startMockApi: startMockApiProcess,
  measureServerCapacity,
};
