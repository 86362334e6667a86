import { pbkdf2Sync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  assertPost,
  assertTaskSize,
  CHUNK_ITERATIONS,
  CPU_WORKLOAD_REGISTRY,
  CPU_WORKLOADS,
  type CpuWorkload,
  countPrimesBelow,
  describeTask,
  expectedFileChecksum,
  expectedJsonRoundTrip,
  expectedSumOfSquares,
  type FileServices,
  fileContent,
  JAVASCRIPT_EQUIVALENT,
  jsonRoundTrip,
  KNOWN_PRIME_COUNTS,
  MAX_FILE_BYTES,
  makePost,
  PBKDF2_PASSWORD,
  PBKDF2_SALT,
  pbkdf2Sha256,
  prepareTask,
  runsOffThread,
  runTask,
  runTaskInterleaved,
  sumOfSquares,
  sumOfSquaresInterleaved,
  sumOfSquaresRange,
  type TaskServices,
  verifyTask,
  WORKLOAD_SIZE_LIMITS,
} from "../src/index.ts";

/** Straight from the definition, with BigInt: the reference the fast loop must match. */
function naiveSumOfSquares(n: number): number {
  let sum = 0n;
  for (let i = 0n; i < BigInt(n); i++) sum += i * i;
  return Number(sum % 2n ** 32n);
}

describe("sum of squares", () => {
  it.each([0, 1, 2, 3, 10, 1000, 65_537, 100_003])("matches the definition for n = %i", (n) => {
    expect(sumOfSquares(n)).toBe(naiveSumOfSquares(n));
  });

  it("matches the closed form across chunk and block boundaries and at the lesson's size", () => {
    for (const n of [CHUNK_ITERATIONS - 1, CHUNK_ITERATIONS, CHUNK_ITERATIONS + 1, 3 * CHUNK_ITERATIONS + 12_345, 10_000_000]) {
      expect(sumOfSquares(n)).toBe(expectedSumOfSquares(n));
    }
  });

  it("the closed form agrees with brute force for small n, and with known values for large n", () => {
    for (const n of [0, 1, 2, 4, 10, 999, 65_537, 100_003]) expect(expectedSumOfSquares(n)).toBe(naiveSumOfSquares(n));
    // Known sums, modulo 2^32 (sum of i*i for i < n is (n-1)n(2n-1)/6; e.g. 333333283333335000000 for n = 10^7).
    expect(expectedSumOfSquares(10_000_000)).toBe(3_255_935_936);
    expect(expectedSumOfSquares(300_000_000)).toBe(3_038_146_688);
    expect(expectedSumOfSquares(2 ** 30)).toBe(1_610_612_736);
  });

  it("adds ranges the way the whole does", () => {
    const split = (sumOfSquaresRange(0, 5000) + sumOfSquaresRange(5000, 12_000)) % 2 ** 32;
    expect(split).toBe(sumOfSquaresRange(0, 12_000));
  });

  it("gives the same value interleaved as sequentially", async () => {
    const n = 2 * CHUNK_ITERATIONS + 777;
    expect(await sumOfSquaresInterleaved(n)).toBe(sumOfSquares(n));
  });

  it("interleaves: two tasks started together both make progress before either ends", async () => {
    const order: string[] = [];
    const track = async (name: string) => {
      const pending = sumOfSquaresInterleaved(3 * CHUNK_ITERATIONS);
      order.push(`${name} started`);
      await pending;
      order.push(`${name} done`);
    };
    await Promise.all([track("a"), track("b")]);
    expect(order.slice(0, 2)).toEqual(["a started", "b started"]);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 30 + 1])("rejects the task size %s", (n) => {
    expect(() => assertTaskSize(n)).toThrow(RangeError);
  });
});

describe("task verification", () => {
  it("accepts the right value and rejects a wrong one", () => {
    const task = { kind: "sum-of-squares" as const, n: 100 };
    expect(() => verifyTask(task, expectedSumOfSquares(100))).not.toThrow();
    expect(() => verifyTask(task, expectedSumOfSquares(100) + 1)).toThrow(/verification failed for sum-of-squares\(n=100\)/);
    expect(() => verifyTask(task, "328350")).toThrow(/verification failed/);
  });

  it("checks the fetch task's id checksum", () => {
    const task = {
      kind: "fetch-posts" as const,
      baseUrl: "http://127.0.0.1:1",
      ids: [1, 2, 3],
      timeoutMs: 1000,
      client: "default" as const,
    };
    expect(() => verifyTask(task, 6)).not.toThrow();
    expect(() => verifyTask(task, 5)).toThrow();
  });

  it("asks the mock API for the task's latency in each request, and a real API for nothing", async () => {
    const urls: string[] = [];
    const services = {
      fetchJson: async (url: string) => {
        urls.push(url);
        return makePost(Number(/posts\/(\d+)/.exec(url)![1]));
      },
      pbkdf2: () => Promise.reject(new Error("not used")),
      files: filesInMemory(),
    };
    const task = { kind: "fetch-posts" as const, baseUrl: "http://api", ids: [1, 2], timeoutMs: 1000, client: "default" as const };
    expect(await runTask({ ...task, latencyMs: 10 }, services)).toBe(3);
    expect(await runTask(task, services)).toBe(3);
    expect(urls).toEqual(["http://api/posts/1?latency=10", "http://api/posts/2?latency=10", "http://api/posts/1", "http://api/posts/2"]);
  });
});

/** A file API over a Map, `cut` bytes short on every read when asked (a truncated file). */
function filesInMemory(cut = 0): FileServices {
  const stored = new Map<string, Uint8Array>();
  const read = (path: string) => stored.get(path)!.subarray(0, Math.max(0, stored.get(path)!.length - cut));
  return {
    write: async (path, data) => void stored.set(path, data.slice()),
    read: async (path) => read(path),
    writeSync: (path, data) => void stored.set(path, data.slice()),
    readSync: read,
  };
}

describe("the file round trip", () => {
  it("has a closed-form checksum equal to the sum of the bytes written, at every size", () => {
    for (const bytes of [0, 1, 255, 256, 257, 4096, 10_001]) {
      expect(expectedFileChecksum(bytes)).toBe(fileContent(bytes).reduce((sum, byte) => sum + byte, 0));
    }
  });

  it("round-trips through the async and the sync API, and a short read fails", async () => {
    const services = { fetchJson: async () => null, pbkdf2: () => Promise.reject(new Error("not used")), files: filesInMemory() };
    for (const api of ["async", "sync"] as const) {
      const task = { kind: "file-round-trip" as const, path: `/f-${api}`, bytes: 5000, api };
      const value = await runTask(task, services);
      expect(() => verifyTask(task, value)).not.toThrow();
    }
    const truncated = { ...services, files: filesInMemory(1) };
    await expect(async () => runTask({ kind: "file-round-trip", path: "/short", bytes: 5000, api: "async" }, truncated)).rejects.toThrow(
      /read 4999 bytes back, wrote 5000/,
    );
    expect(() => runTask({ kind: "file-round-trip", path: "/short", bytes: 5000, api: "sync" }, truncated)).toThrow(/read 4999 bytes/);
  });

  it("refuses a file size past its limit", () => {
    expect(() => fileContent(MAX_FILE_BYTES + 1)).toThrow(RangeError);
  });
});

describe("posts", () => {
  it("accepts a served post and names what is wrong with a bad one", () => {
    expect(() => assertPost(makePost(7), 7)).not.toThrow();
    expect(() => assertPost({ ...makePost(7), title: 3 }, 7)).toThrow(/"title" is not a string/);
    expect(() => assertPost(makePost(8), 7)).toThrow(/answered post 8/);
    expect(() => assertPost(null, 7)).toThrow(/expected a JSON object/);
  });
});

describe("the JSON round trip (allocation-heavy)", () => {
  it("matches its closed form, across batch boundaries", () => {
    expect(expectedJsonRoundTrip(4)).toBe(17); // ids 0+1+2+3, i mod 3: 0+1+2+0, i mod 5: 0+1+2+3, evens: 0 and 2
    for (const n of [0, 1, 2, 4, 9_999, 10_000, 10_001, 25_003]) expect(jsonRoundTrip(n)).toBe(expectedJsonRoundTrip(n));
  });

  it("is verified like every task", () => {
    const task = { kind: "json-round-trip" as const, n: 1000 };
    expect(() => verifyTask(task, jsonRoundTrip(1000))).not.toThrow();
    expect(() => verifyTask(task, jsonRoundTrip(1000) + 1)).toThrow(/verification failed for json-round-trip\(n=1000\)/);
  });
});

describe("the prime sieve (memory-bound)", () => {
  /** Trial division: slow, but a different method from the sieve. */
  const countByTrialDivision = (n: number) => {
    let count = 0;
    for (let candidate = 2; candidate < n; candidate++) {
      let prime = true;
      for (let divisor = 2; divisor * divisor <= candidate; divisor++) {
        if (candidate % divisor === 0) {
          prime = false;
          break;
        }
      }
      if (prime) count++;
    }
    return count;
  };

  it("agrees with trial division for small n, and with the published counts", () => {
    for (const n of [0, 1, 2, 3, 4, 10, 100, 9_973, 10_000]) expect(countPrimesBelow(n)).toBe(countByTrialDivision(n));
    for (const n of [100_000, 1_000_000, 10_000_000]) expect(countPrimesBelow(n)).toBe(KNOWN_PRIME_COUNTS.get(n));
  });

  it("is verified against the published count, and refuses a size without one", () => {
    expect(() => verifyTask({ kind: "prime-sieve", n: 1_000_000 }, 78_498)).not.toThrow();
    expect(() => verifyTask({ kind: "prime-sieve", n: 1_000_000 }, 78_497)).toThrow(/verification failed/);
    expect(() => verifyTask({ kind: "prime-sieve", n: 1_234_567 }, 1)).toThrow(/no published prime count below 1234567/);
  });
});

describe("key derivation (PBKDF2-HMAC-SHA-256)", () => {
  const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
  const text = (value: string) => new TextEncoder().encode(value);

  it("the plain JavaScript reference matches the published test vectors (RFC 7914, section 11)", () => {
    expect(hex(pbkdf2Sha256(text("passwd"), text("salt"), 1))).toBe("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
    expect(hex(pbkdf2Sha256(text("Password"), text("NaCl"), 80_000))).toBe(
      "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56",
    );
  });

  it("matches node:crypto, also for a password longer than a block", () => {
    const long = new Uint8Array(100).fill(7);
    expect(hex(pbkdf2Sha256(long, PBKDF2_SALT, 3))).toBe(pbkdf2Sync(long, PBKDF2_SALT, 3, 32, "sha256").toString("hex"));
    expect(hex(pbkdf2Sha256(PBKDF2_PASSWORD, PBKDF2_SALT, 1000))).toBe(
      pbkdf2Sync(PBKDF2_PASSWORD, PBKDF2_SALT, 1000, 32, "sha256").toString("hex"),
    );
  });

  it("a native and a JavaScript task of the same size return the same verified checksum", async () => {
    const services = {
      fetchJson: async () => null,
      pbkdf2: async (password: Uint8Array, salt: Uint8Array, iterations: number, keyBytes: number) =>
        new Uint8Array(pbkdf2Sync(password, salt, iterations, keyBytes, "sha256")),
      files: filesInMemory(),
    };
    const native = await runTask({ kind: "pbkdf2-native", n: 2000 }, services);
    const javascript = await runTask({ kind: "pbkdf2-javascript", n: 2000 }, services);
    expect(native).toBe(javascript);
    expect(() => verifyTask({ kind: "pbkdf2-native", n: 2000 }, native)).not.toThrow();
    expect(() => verifyTask({ kind: "pbkdf2-native", n: 2000 }, native + 1)).toThrow(/verification failed for pbkdf2-native\(n=2000\)/);
  });
});

describe("the workload registry", () => {
  it("has one entry per CPU workload, each verifying what it runs (small sizes)", () => {
    const services = {} as TaskServices;
    const sizes: Record<Exclude<CpuWorkload, "user-task">, number> = {
      "sum-of-squares": 1000,
      "json-round-trip": 100,
      "prime-sieve": 1000,
      "pbkdf2-native": 10,
      "pbkdf2-javascript": 10,
    };
    const builtIn = CPU_WORKLOADS.filter((one): one is keyof typeof sizes => one !== "user-task");
    for (const workload of builtIn.filter((one) => !runsOffThread(one))) {
      const task = { kind: workload, n: sizes[workload] };
      expect(() => verifyTask(task, runTask(task, services)), workload).not.toThrow();
      expect(describeTask(task)).toBe(`${workload}(n=${sizes[workload]})`);
    }
    expect(Object.keys(CPU_WORKLOAD_REGISTRY)).toEqual([...CPU_WORKLOADS]);
  });

  it("sets each workload's sizes: the sieve only those with a published prime count", () => {
    expect(WORKLOAD_SIZE_LIMITS["prime-sieve"]).toEqual({
      oneOf: [...KNOWN_PRIME_COUNTS.keys()],
      description: "a size with a published prime count",
    });
    expect(WORKLOAD_SIZE_LIMITS["sum-of-squares"]).toEqual({ max: 2 ** 30 });
    expect(JAVASCRIPT_EQUIVALENT).toEqual({ "pbkdf2-native": "pbkdf2-javascript" });
  });
});

describe("a user's task (--task)", () => {
  const folder = mkdtempSync(join(tmpdir(), "rb-user-task-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const moduleOf = (name: string, source: string) => {
    const file = join(folder, `${name}.ts`);
    writeFileSync(file, source);
    return pathToFileURL(file).href;
  };
  const doubling = moduleOf(
    "doubling",
    `export default { name: "doubling", sizes: { one: 3 }, input: (n: number) => Array.from({ length: n }, (_, i) => i),
      run: (xs: number[]) => xs.map((x) => 2 * x), runAsync: async (xs: number[]) => xs.map((x) => 2 * x),
      check: (ys: number[], n: number) => ys.length === n && ys[n - 1] === 2 * (n - 1) || "wrong doubles" };`,
  );

  it("builds its input before the run, then runs and checks it synchronously (and in its form that yields)", async () => {
    const task = { kind: "user-task" as const, n: 3, module: doubling };
    expect(() => runTask(task, {} as TaskServices)).toThrow(/was not prepared/);
    await prepareTask(task);
    expect(runTask(task, {} as TaskServices)).toBe(1);
    expect(await runTaskInterleaved(task, {} as TaskServices)).toBe(1);
    expect(() => verifyTask(task, 1)).not.toThrow();
  });

  it("fails a run whose check fails, with what the check said", async () => {
    const wrong = moduleOf(
      "wrong",
      `export const task = { name: "wrong", sizes: {}, input: () => 1, run: () => 2, check: () => "two is not one" };`,
    );
    const task = { kind: "user-task" as const, n: 1, module: wrong };
    await prepareTask(task);
    expect(() => runTask(task, {} as TaskServices)).toThrow("wrong: the check failed at size 1: two is not one");
  });

  it("refuses a module without a task definition", async () => {
    const empty = moduleOf("empty", "export const nothing = 1;");
    await expect(prepareTask({ kind: "user-task", n: 1, module: empty })).rejects.toThrow(/exports no task definition/);
  });
});
