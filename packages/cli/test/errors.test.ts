import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runG4F, runMock } from "./run-g4f.js";

beforeAll(() => ensureBuilt(), 120_000);

describe("run-time errors: one line, a hint, exit code 1", () => {
  it.each([
    ["MISSING_AUTH", /--cookies-file/],
    ["RATE_LIMITED", /Wait 7 s/],
    ["NETWORK_ERROR", /--base-url/],
    ["STREAM_ERROR", /--debug/],
    ["MODEL_NOT_SUPPORTED", /g4f providers/],
  ])("maps %s", async (code, hint) => {
    const run = await runMock(["chat", "-p", "Mock", "Hi"], { fail: code, failAfter: 0 });
    expect(run.code).toBe(1);
    const [first, second, ...rest] = run.stderr.trim().split("\n");
    expect(first).toMatch(new RegExp(`^error ${code}: `));
    expect(second).toMatch(hint);
    expect(rest).toEqual([]);
  });

  it("reports an unexpected failure as the provider's stream error", async () => {
    const run = await runMock(["chat", "-p", "Mock", "Hi"], { fail: "INTERNAL", failAfter: 0 });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error STREAM_ERROR: .*TypeError: boom/);
  });

  it("ends a half-written answer with a newline before the error", async () => {
    const run = await runMock(["chat", "-p", "Mock", "Hi"], {
      tokens: ["partial"],
      fail: "STREAM_ERROR",
      failAfter: 1,
    });
    expect(run).toMatchObject({ code: 1, stdout: "partial\n" });
  });

  it("adds an error object to --json output", async () => {
    const run = await runMock(["chat", "-p", "Mock", "--json", "Hi"], { fail: "RATE_LIMITED", failAfter: 0 });
    const last = JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}");
    expect(last).toMatchObject({ type: "error", code: "RATE_LIMITED", exitCode: 1 });
  });

  it("fires --timeout on a stalled stream", async () => {
    const run = await runMock(["chat", "-p", "Mock", "--timeout", "300ms", "Hi"], {
      tokens: ["a"],
      stallAfter: 1,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error TIMEOUT: /);
  });

  it("prints the stack with --debug", async () => {
    const run = await runMock(["--debug", "chat", "-p", "Mock", "Hi"], {
      fail: "STREAM_ERROR",
      failAfter: 0,
    });
    expect(run.stderr).toMatch(/at .*mock-plugin\.mjs/);
  });
});

describe("usage errors: exit code 2", () => {
  it.each([
    ["an unknown option", ["chat", "--frobnicate", "Hi"], /unknown option '--frobnicate'/],
    ["an unknown command", ["chta"], /unknown command 'chta'.*Did you mean chat/],
    ["a bad duration", ["chat", "-p", "Mock", "--timeout", "soon", "Hi"], /Expected a duration/],
    [
      "a parameter of the wrong type",
      ["chat", "-p", "Mock", "--max-new-tokens", "1.5", "Hi"],
      /Expected an integer/,
    ],
    ["an unknown provider", ["chat", "-p", "Nope", "Hi"], /^error PROVIDER_NOT_FOUND: /],
    ["an unknown model", ["chat", "-p", "Mock:gpt-9", "Hi"], /^error USAGE: .*gpt-9/],
    ["a missing plugin", ["--plugin", "./no-such-plugin.mjs", "providers"], /Could not load plugin/],
  ])("for %s", async (_name, args, message) => {
    const run = await runMock(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("for an empty prompt on stdin", async () => {
    const run = await runMock(["chat", "-p", "Mock"], {}, "  \n");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error USAGE: No prompt/);
  });

  it("shows examples in every command's help", async () => {
    for (const command of ["chat", "providers", "cookies", "serve", "demo"]) {
      const run = await runG4F([command, "--help"]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Examples:");
    }
  });

  it("lists the provider's own parameters in chat --help", async () => {
    const run = await runMock(["chat", "-p", "Mock", "--help"]);
    expect(run.stdout).toMatch(/Provider options:[\s\S]*--max-new-tokens <integer>/);
  });
});
