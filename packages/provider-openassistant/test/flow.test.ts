// The provider against the Open Assistant reference server over real HTTP: the five requests,
// what it yields, and that the chat is always deleted.
import { AbortError, chat, TimeoutError } from "@g4f/core";
import type { RunningOpenAssistantServer } from "@g4f/openassistant-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildPrompterContent, DEFAULT_SAMPLING_PARAMETERS, OpenAssistant } from "../src/index.js";
import { runChat, startServer, TOKEN } from "./support/server.js";

let server: RunningOpenAssistantServer;

beforeAll(async () => {
  server = await startServer({ mode: "echo" });
});
afterEach(() => server.reset());
afterAll(() => server?.close());

describe("a whole chat", () => {
  it("streams the answer word by word and deletes the chat", async () => {
    const outcome = await runChat(server, "Hello wide wonderful world");
    expect(outcome.error).toBeUndefined();
    expect(outcome.text).toBe("Hello wide wonderful world");
    const texts = outcome.parts.filter((part) => typeof part === "string");
    expect(texts).toEqual(["Hello", " wide", " wonderful", " world"]);
    expect(outcome.parts.at(-1)).toMatchObject({ type: "finish", reason: "stop" });
    expect(server.state.chatsCreated).toHaveLength(1);
    expect(server.state.aliveChats()).toEqual([]);
  });

  it("sends exactly the five requests, authenticated by the raw cookie bytes", async () => {
    await runChat(server, "Hi");
    const requests = server.state.requests.map((request) => `${request.method} ${request.path}`);
    expect(requests).toEqual([
      "POST /api/chat",
      "POST /api/chat/prompter_message",
      "POST /api/chat/assistant_message",
      "POST /api/chat/events",
      "DELETE /api/chat",
    ]);
    for (const request of server.state.requests) {
      expect(request.auth).toBe("ok");
      expect(request.cookieNames).toEqual(["next-auth.session-token"]);
    }
    const chatId = server.state.chatsCreated[0]?.id;
    expect(server.state.requests[4]?.query).toEqual({ chat_id: chatId });
  });

  it("posts g4f's prompt wrapper and sampling defaults, with overrides", async () => {
    const messages = [
      { role: "system", content: "Be brief" },
      { role: "user", content: "Hi" },
    ];
    const outcome = await runChat(server, messages, { temperature: 0.7, maxNewTokens: 64 });
    expect(outcome.error).toBeUndefined();
    const [, prompter, assistant] = server.state.requests;
    expect(prompter?.body).toEqual({
      chat_id: server.state.chatsCreated[0]?.id,
      content: buildPrompterContent(messages),
      parent_id: null,
    });
    expect(assistant?.body).toMatchObject({
      model_config_name: "OA_SFT_Llama_30B_6",
      sampling_parameters: { ...DEFAULT_SAMPLING_PARAMETERS, temperature: 0.7, max_new_tokens: 64 },
      plugins: [],
    });
    // Echo mode answers with the prompt minus g4f's wrapper.
    expect(outcome.text).toBe("System: Be brief\nUser: Hi\nAssistant:");
  });

  it("keeps non-ASCII and astral text intact across split UTF-8 writes", async () => {
    server.addFault({ route: "events", action: { type: "splitWrites" } });
    const prompt = "café 東京 🦜 naïve";
    const outcome = await runChat(server, prompt);
    expect(outcome.error).toBeUndefined();
    expect(outcome.text).toBe(prompt);
  });

  it("reads \\n\\n framing and legacy `event: ping` lines as well", async () => {
    server.addFault({ route: "events", action: { type: "lfFraming" } });
    server.addFault({ route: "events", action: { type: "pings", intervalMs: 1, style: "legacy" } });
    const outcome = await runChat(server, "one two three");
    expect(outcome.error).toBeUndefined();
    expect(outcome.text).toBe("one two three");
  });

  it("turns queue `pending` events into progress parts", async () => {
    const slow = await startServer({
      mode: "echo",
      workers: 1,
      firstTokenDelayMs: 300,
      pendingIntervalMs: 20,
    });
    try {
      const [first, second] = await Promise.all([runChat(slow, "first"), runChat(slow, "second")]);
      const progress = [...first.parts, ...second.parts].filter(
        (part) => typeof part === "object" && part.type === "progress",
      );
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.some((part) => (part as { state: string }).state === "queued")).toBe(true);
      expect(first.text).toBe("first");
      expect(second.text).toBe("second");
      expect(slow.state.aliveChats()).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it("answers through chat() in one call", async () => {
    const result = await chat(OpenAssistant, "short answer", {
      baseUrl: server.url,
      cookies: { "next-auth.session-token": TOKEN },
      proxy: null,
    });
    expect(result.text).toBe("short answer");
    expect(result.model).toBe("OA_SFT_Llama_30B_6");
    await server.waitForIdle();
    expect(server.state.aliveChats()).toEqual([]);
  });
});

describe("stopping early", () => {
  it("deletes the chat when the caller breaks out after the first token", async () => {
    const outcome = await runChat(server, "a b c d e f", { stopAfter: 1 });
    expect(outcome.error).toBeUndefined();
    expect(outcome.text).toBe("a");
    expect(server.state.chatsCreated).toHaveLength(1);
    expect(server.state.aliveChats()).toEqual([]);
  });

  it("throws AbortError on abort mid-stream and still deletes the chat", async () => {
    server.addFault({ route: "events", action: { type: "stall", afterTokens: 2 } });
    const controller = new AbortController();
    const reason = new Error("user pressed stop");
    // Aborts once the two tokens are in and the server stalls (not when the server opens the
    // stream: the tokens may still be on the wire then).
    const outcome = runChat(server, "a b c d", {
      signal: controller.signal,
      onText: (soFar: string) => {
        if (soFar === "a b") setTimeout(() => controller.abort(reason), 10);
      },
    });
    const { error, text } = await outcome;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe(reason);
    expect(text).toBe("a b");
    expect(server.state.aliveChats()).toEqual([]);
  });

  it("aborting before the first request sends nothing", async () => {
    const controller = new AbortController();
    controller.abort();
    const outcome = await runChat(server, "x", { signal: controller.signal });
    expect(outcome.error).toBeInstanceOf(AbortError);
    expect(server.state.requests).toEqual([]);
  });

  it("aborting while the chat is being created still deletes it", async () => {
    server.addFault({ route: "chat.create", action: { type: "delay", ms: 200 } });
    const controller = new AbortController();
    const outcome = runChat(server, "x", { signal: controller.signal });
    await waitFor(() => server.state.requests.length === 1);
    controller.abort();
    expect((await outcome).error).toBeInstanceOf(AbortError);
    expect(server.state.chatsCreated).toHaveLength(1);
    expect(server.state.aliveChats()).toEqual([]);
  });

  it("fires the between-chunks timeout on a stalled stream and deletes the chat", async () => {
    server.addFault({ route: "events", action: { type: "stall", afterTokens: 1 } });
    const outcome = await runChat(server, "a b c", { timeout: { betweenChunks: 300 } });
    expect(outcome.error).toBeInstanceOf(TimeoutError);
    expect(outcome.text).toBe("a");
    expect(server.state.aliveChats()).toEqual([]);
  });

  it("fires the first-chunk timeout when no token comes", async () => {
    server.addFault({ route: "events", action: { type: "pendingForever" } });
    const outcome = await runChat(server, "a b c", { timeout: { firstChunk: 300 } });
    expect(outcome.error).toBeInstanceOf(TimeoutError);
    expect(server.state.aliveChats()).toEqual([]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
