import { describe, expect, it } from "vitest";
import { parseBenchArgs, UsageError } from "../src/cli/flags.ts";

describe("--target", () => {
  it("is off by default: the I/O cells go to the mock API", () => {
    expect(parseBenchArgs(["--quick"]).target).toBeNull();
  });

  it("takes an http(s) URL, without a trailing slash", () => {
    expect(parseBenchArgs(["--target", "https://api.example.test/"]).target).toBe("https://api.example.test");
    expect(parseBenchArgs(["--target", "http://127.0.0.1:8080/v1"]).target).toBe("http://127.0.0.1:8080/v1");
  });

  it.each([
    ["not a URL", /--target must be an http\(s\) URL such as/],
    ["ftp://files.example.test", /--target must be an http\(s\) URL, got the ftp scheme/],
  ])("refuses %s with a usage error", (value, message) => {
    expect(() => parseBenchArgs(["--target", value])).toThrow(UsageError);
    expect(() => parseBenchArgs(["--target", value])).toThrow(message);
  });
});
