import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, mockPlugin, runMock, startG4F } from "./run-g4f.js";

beforeAll(() => ensureBuilt(), 120_000);

describe("g4f chat (one shot)", () => {
  it("streams the answer of a prompt given as arguments", async () => {
    const run = await runMock(["chat", "-p", "Mock", "Hello", "there"]);
    expect(run).toMatchObject({ code: 0, stdout: "Hello, world!\n", stderr: "" });
  });

  it("reads the prompt from stdin when it is not a terminal", async () => {
    const run = await runMock(["chat", "-p", "Mock"], { echo: true }, "from stdin\n");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).messages).toEqual([{ role: "user", content: "from stdin" }]);
  });

  it("sends --system first and resolves Provider:model", async () => {
    const run = await runMock(["chat", "-p", "Mock:mock-large", "-s", "Be brief", "Hi"], { echo: true });
    const sent = JSON.parse(run.stdout);
    expect(sent.model).toBe("mock-large");
    expect(sent.messages).toEqual([
      { role: "system", content: "Be brief" },
      { role: "user", content: "Hi" },
    ]);
  });

  it("passes provider parameters typed from their declared parameters", async () => {
    const run = await runMock(
      ["chat", "-p", "Mock", "--max-new-tokens", "5", "--temperature", "null", "Hi"],
      { echo: true },
    );
    expect(JSON.parse(run.stdout)).toMatchObject({ maxNewTokens: 5, temperature: null });
  });

  it("prints one JSON object per stream part with --json", async () => {
    const run = await runMock(["chat", "-p", "Mock", "--json", "Hi"], { tokens: ["a", "b"], progress: 1 });
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { type: "progress", state: "queued", queuePosition: 1, queueSize: 3 },
      { type: "text", text: "a" },
      { type: "text", text: "b" },
      { type: "finish", reason: "stop" },
    ]);
  });

  it("prints the whole answer at the end with --no-stream", async () => {
    const run = await runMock(["chat", "-p", "Mock", "--no-stream", "Hi"], { tokens: ["one ", "two"] });
    expect(run).toMatchObject({ code: 0, stdout: "one two\n" });
  });

  it("loads plugins named in G4F_PLUGINS", async () => {
    const run = await startG4F(["chat", "-p", "mock-alias", "Hi"], { env: { G4F_PLUGINS: mockPlugin } }).done;
    expect(run).toMatchObject({ code: 0, stdout: "Hello, world!\n" });
  });
});

describe("g4f chat interrupted", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "g4f-cli-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("stops on SIGINT mid-stream, lets the provider clean up and exits 130", async () => {
    const cleanupFile = join(dir, "cleanup.txt");
    const g4f = startG4F(["--plugin", mockPlugin, "chat", "-p", "Mock", "Hi"], {
      env: { G4F_TEST_MOCK: JSON.stringify({ tokens: ["first "], stallAfter: 1, cleanupFile }) },
    });
    await g4f.waitFor(/first/);
    g4f.child.kill("SIGINT");
    const run = await g4f.done;
    expect(run.code).toBe(130);
    expect(run.stderr).toContain("interrupted");
    expect(await readFile(cleanupFile, "utf8")).toBe("cleanup\n");
  });
});
