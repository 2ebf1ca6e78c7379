// The CLI against the real provider and the Open Assistant reference server, over HTTP.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type FaultRule,
  type RunningOpenAssistantServer,
  startOpenAssistantServer,
} from "@g4f/openassistant-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runG4F, startG4F } from "./run-g4f.js";

const TOKEN = "cli-test-session-\u00e9";
// The cookie file is UTF-8, so the token goes out as its UTF-8 bytes; the server compares bytes.
const TOKEN_BYTES = Buffer.from(TOKEN, "utf8").toString("latin1");
let server: RunningOpenAssistantServer;
let dir: string;
let cookiesDir: string;

const chat = (args: string[], input?: string) =>
  runG4F(["chat", "--base-url", server.url, "--cookies-dir", cookiesDir, ...args], {
    env: { OPENASSISTANT_BASE_URL: undefined },
    ...(input === undefined ? {} : { input }),
  });

describe("g4f chat --provider OpenAssistant", () => {
  beforeAll(async () => {
    ensureBuilt();
    server = await startOpenAssistantServer({
      tokens: [TOKEN_BYTES],
      tokensPerSecond: 0,
      answerTokens: 8,
      port: 0,
    });
    dir = await mkdtemp(join(tmpdir(), "g4f-cli-oa-"));
    cookiesDir = join(dir, "cookies");
    await import("node:fs/promises").then((fs) => fs.mkdir(cookiesDir));
    await writeFile(
      join(cookiesDir, "open-assistant.json"),
      JSON.stringify([
        { domain: "open-assistant.io", name: "next-auth.session-token", value: TOKEN, path: "/" },
      ]),
    );
  }, 120_000);
  afterEach(() => server.reset());
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("streams an answer and deletes the chat", async () => {
    const run = await chat(["Hello"]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().length).toBeGreaterThan(0);
    await server.waitForIdle();
    expect(server.state.chatsCreated).toHaveLength(1);
    expect(server.state.aliveChats()).toEqual([]);
  });

  it("reads the prompt from stdin", async () => {
    const run = await chat([], "from stdin");
    expect(run.code).toBe(0);
    expect(server.state.chatsCreated).toHaveLength(1);
  });

  it.each<[FaultRule, string]>([
    [{ route: "chat.create", action: { type: "respond", status: 403 } }, "MISSING_AUTH"],
    [{ route: "chat.create", action: { type: "respond", status: 429 } }, "RATE_LIMITED"],
    [{ route: "assistant_message", action: { type: "respond", status: 422 } }, "MODEL_NOT_SUPPORTED"],
  ])("maps the fault %j to %s", async (fault, code) => {
    server.addFault(fault);
    const run = await chat(["Hello"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^error ${code}: `));
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it("fires --timeout on a stalled stream and still deletes the chat", async () => {
    server.addFault({ route: "events", action: { type: "stall", afterTokens: 1 } });
    const run = await chat(["--timeout", "1s", "Hello"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error TIMEOUT: /);
    await server.waitForIdle();
    expect(server.state.aliveChats()).toEqual([]);
  });

  it("on SIGINT mid-stream deletes the chat and exits 130", async () => {
    server.addFault({ route: "events", action: { type: "stall", afterTokens: 1 } });
    const g4f = startG4F(["chat", "--base-url", server.url, "--cookies-dir", cookiesDir, "Hello"]);
    await g4f.waitFor(/\S/);
    g4f.child.kill("SIGINT");
    const run = await g4f.done;
    expect(run.code).toBe(130);
    await server.waitForIdle();
    expect(server.state.chatsCreated).toHaveLength(1);
    expect(server.state.aliveChats()).toEqual([]);
  });

  it("stops quietly and deletes the chat when the reader of stdout goes away (| head)", async () => {
    // A paced server, so the answer is still streaming when the pipe closes.
    const paced = await startOpenAssistantServer({
      tokens: [TOKEN_BYTES],
      tokensPerSecond: 20,
      answerTokens: 200,
    });
    try {
      const g4f = startG4F(["chat", "--base-url", paced.url, "--cookies-dir", cookiesDir, "Hello"]);
      await g4f.waitFor(/\S/);
      g4f.child.stdout?.destroy();
      const run = await g4f.done;
      expect(run.code).toBe(0);
      expect(run.stderr).not.toMatch(/EPIPE|Unhandled/);
      await paced.waitForIdle();
      expect(paced.state.chatsCreated).toHaveLength(1);
      expect(paced.state.aliveChats()).toEqual([]);
    } finally {
      await paced.close();
    }
  });

  it("never prints the session token with --debug", async () => {
    server.addFault({ route: "chat.create", action: { type: "respond", status: 403 } });
    const run = await chat(["--debug", "Hello"]).then((result) => result);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });
});

describe("g4f demo", () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it("streams through the reference server and reports the chat deleted", async () => {
    const run = await runG4F(["demo", "Say hi"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^g4f demo · OpenAssistant → reference server http:\/\/127\.0\.0\.1:\d+/);
    expect(run.stdout).toMatch(
      /provider OpenAssistant · model \S+ · first token [\d.]+ m?s · \d+ tokens · total [\d.]+ m?s · chat deleted yes/,
    );
  });
});
