// Echo mode, upstream mode (against a tiny OpenAI-compatible server), queue limits, the rate
// limit, the queue timeout, the admin routes and the in-process app.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAssistantApp, startOpenAssistantServer } from "../src/index.js";
import { Client, parseFrames, TOKEN, tokenTexts } from "./support/client.js";

describe("echo mode", () => {
  it("answers with the prompt minus g4f's wrapper, word by word", async () => {
    const server = await startOpenAssistantServer({ tokens: [TOKEN], mode: "echo", tokensPerSecond: 0 });
    try {
      const client = new Client(server);
      const { chatId, messageId } = await client.startAnswer(
        "<s>[INST]\nUser: café 東京 🦜\nAssistant:\n[/INST]",
      );
      const tokens = tokenTexts(parseFrames(await (await client.events(chatId, messageId)).text()));
      expect(tokens).toEqual(["User:", " café", " 東京", " 🦜", "\nAssistant:"]);
    } finally {
      await server.close();
    }
  });
});

describe("upstream mode", () => {
  let upstream: Server;
  let upstreamUrl: string;
  const received: Array<{ body: Record<string, unknown>; authorization: string | undefined }> = [];
  let failNext = false;

  beforeAll(async () => {
    upstream = createServer((request: IncomingMessage, response) => {
      let raw = "";
      request.on("data", (chunk) => {
        raw += chunk;
      });
      request.on("end", () => {
        received.push({
          body: JSON.parse(raw) as Record<string, unknown>,
          authorization: request.headers.authorization,
        });
        if (failNext) {
          failNext = false;
          response.writeHead(500).end("boom");
          return;
        }
        response.writeHead(200, { "content-type": "text/event-stream" });
        for (const piece of ["Hel", "", "lo ", "wörld"])
          response.write(`data: ${JSON.stringify({ choices: [{ delta: { content: piece } }] })}\n\n`);
        response.end("data: [DONE]\n\n");
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise((resolve) => upstream.close(resolve)));

  it("streams the upstream's deltas as tokens and sends the thread", async () => {
    const server = await startOpenAssistantServer({
      tokens: [TOKEN],
      upstream: { baseUrl: upstreamUrl, model: "llama3.2", apiKey: "sk-upstream-secret" },
    });
    try {
      const client = new Client(server);
      const { chatId, messageId } = await client.startAnswer("<s>[INST]\nHi there\n[/INST]", {
        system_prompt: "Be brief",
        sampling_parameters: { temperature: 0.5, top_p: 0.9, max_new_tokens: 64 },
      });
      const text = await (await client.events(chatId, messageId)).text();
      const items = parseFrames(text);
      expect(tokenTexts(items)).toEqual(["Hel", "lo ", "wörld"]);
      const final = items.at(-1) as unknown as { json: { message: { content: string; state: string } } };
      expect(final.json.message).toMatchObject({ content: "Hello wörld", state: "complete" });
      expect(received.at(-1)).toEqual({
        authorization: "Bearer sk-upstream-secret",
        body: {
          model: "llama3.2",
          messages: [
            { role: "system", content: "Be brief" },
            { role: "user", content: "Hi there" },
          ],
          stream: true,
          temperature: 0.5,
          top_p: 0.9,
          max_tokens: 64,
        },
      });
      expect(text).not.toContain("sk-upstream-secret");
      expect(JSON.stringify(server.state)).not.toContain("sk-upstream-secret");
    } finally {
      await server.close();
    }
  });

  it("an upstream failure is an error event with aborted_by_worker", async () => {
    const server = await startOpenAssistantServer({ tokens: [TOKEN], upstream: { baseUrl: upstreamUrl } });
    try {
      failNext = true;
      const client = new Client(server);
      const { chatId, messageId } = await client.startAnswer("x");
      const last = parseFrames(await (await client.events(chatId, messageId)).text()).at(-1) as unknown as {
        json: { error: string; message: { state: string } };
      };
      expect(last.json.error).toBe("Upstream error: 500");
      expect(last.json.message.state).toBe("aborted_by_worker");
      expect(received.at(-1)?.body.model).toBe("OA_SFT_Llama_30B_6");
    } finally {
      await server.close();
    }
  });
});

describe("queues and limits", () => {
  it("queueMaxSize answers 503 when a model's queue is full", async () => {
    const server = await startOpenAssistantServer({
      tokens: [TOKEN, "second-user"],
      workers: 1,
      queueMaxSize: 1,
      tokensPerSecond: 1,
      answerTokens: 100,
    });
    try {
      const client = new Client(server);
      await client.startAnswer("runs");
      await client.startAnswer("waits");
      // Another user: the first user's next message would cancel their own pending one.
      const other = new Client(server, { authorization: "Bearer second-user" });
      const chat = await other.createChat();
      const prompt = await other.prompter(chat.id, "rejected");
      const response = await other.request("POST", "/api/chat/assistant_message", {
        chat_id: chat.id,
        parent_id: prompt.id,
        model_config_name: "OA_SFT_Llama_30B_6",
      });
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        message: "The server is currently busy. Please try again later.",
      });
    } finally {
      await server.close();
    }
  });

  it("a message queued past assistantMessageTimeoutMs ends with an error Timeout", async () => {
    const server = await startOpenAssistantServer({
      tokens: [TOKEN],
      workers: 1,
      tokensPerSecond: 1,
      answerTokens: 100,
      assistantMessageTimeoutMs: 30,
    });
    try {
      const client = new Client(server);
      await client.startAnswer("runs");
      const waiting = await client.startAnswer("waits");
      const items = parseFrames(await (await client.events(waiting.chatId, waiting.messageId)).text());
      const last = items.at(-1) as unknown as {
        json: { event_type: string; error: string; message: { state: string } };
      };
      expect(last.json).toMatchObject({
        event_type: "error",
        error: "Timeout",
        message: { state: "timeout" },
      });
    } finally {
      await server.close();
    }
  });

  it.each([
    [429, { message: "Too Many Requests. Retry After 60 seconds." }],
    [500, { message: "Something went wrong" }],
  ] as const)("the rate limit answers %i", async (status, body) => {
    const server = await startOpenAssistantServer({
      tokens: [TOKEN],
      tokensPerSecond: 0,
      rateLimit: { times: 2, windowMs: 60_000, status },
    });
    try {
      const client = new Client(server);
      await client.startAnswer("1");
      await client.startAnswer("2");
      const chat = await client.createChat();
      const prompt = await client.prompter(chat.id, "3");
      const response = await client.request("POST", "/api/chat/assistant_message", {
        chat_id: chat.id,
        parent_id: prompt.id,
        model_config_name: "OA_SFT_Llama_30B_6",
      });
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual(body);
      expect(response.headers.get("retry-after")).toBe(status === 429 ? "60" : null);
    } finally {
      await server.close();
    }
  });
});

describe("admin routes", () => {
  it("need the admin token, add and clear faults, reset and show state", async () => {
    const server = await startOpenAssistantServer({ tokens: [TOKEN], adminToken: "admin-secret" });
    try {
      const admin = { "x-g4f-admin-token": "admin-secret", "content-type": "application/json" };
      const denied = await fetch(`${server.url}/__admin/state`, {
        headers: { "x-g4f-admin-token": "wrong" },
      });
      expect(denied.status).toBe(401);
      expect(await denied.json()).toMatchObject({ message: expect.stringContaining("x-g4f-admin-token") });
      const added = await fetch(`${server.url}/__admin/faults`, {
        method: "POST",
        headers: admin,
        body: JSON.stringify({ route: "chat.create", action: { type: "respond", status: 500 } }),
      });
      expect(await added.json()).toEqual({ id: expect.any(String) });
      const client = new Client(server);
      expect((await client.request("POST", "/api/chat")).status).toBe(500);
      const bad = await fetch(`${server.url}/__admin/faults`, {
        method: "POST",
        headers: admin,
        body: JSON.stringify({ route: "x" }),
      });
      expect(bad.status).toBe(400);
      await fetch(`${server.url}/__admin/faults`, { method: "DELETE", headers: admin });
      expect((await client.request("POST", "/api/chat")).status).toBe(200);
      const state = (await (await fetch(`${server.url}/__admin/state`, { headers: admin })).json()) as Record<
        string,
        unknown[]
      >;
      expect(state.chatsCreated).toHaveLength(1);
      expect(state.requests).toHaveLength(2);
      await fetch(`${server.url}/__admin/reset`, { method: "POST", headers: admin });
      expect(server.state.chatsCreated).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("do not exist without an admin token", async () => {
    const server = await startOpenAssistantServer({});
    try {
      const response = await fetch(`${server.url}/__admin/state`, { headers: { "x-g4f-admin-token": "" } });
      expect(response.status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe("createOpenAssistantApp", () => {
  it("answers web Requests in process, faults included", async () => {
    const app = createOpenAssistantApp({ tokens: [TOKEN], tokensPerSecond: 0, answerTokens: 3 });
    try {
      const headers = { cookie: `next-auth.session-token=${TOKEN}`, "content-type": "application/json" };
      const call = (path: string, body?: unknown) =>
        app.fetch(
          new Request(`http://oa.test${path}`, {
            method: "POST",
            headers,
            ...(body ? { body: JSON.stringify(body) } : {}),
          }),
        );
      const chat = (await (await call("/api/chat")).json()) as { id: string };
      const prompt = (await (
        await call("/api/chat/prompter_message", { chat_id: chat.id, content: "hi" })
      ).json()) as { id: string };
      const message = (await (
        await call("/api/chat/assistant_message", {
          chat_id: chat.id,
          parent_id: prompt.id,
          model_config_name: "_lorem",
        })
      ).json()) as { id: string };
      const text = await (await call(`/api/chat/events?chat_id=${chat.id}&message_id=${message.id}`)).text();
      expect(tokenTexts(parseFrames(text))).toHaveLength(3);
      app.addFault({ route: "chat.create", action: { type: "reset" } });
      await expect(call("/api/chat")).rejects.toThrow(TypeError);
      await app.waitForIdle();
    } finally {
      app.close();
    }
  });

  it("rejects invalid options with a typed error", () => {
    expect(() => createOpenAssistantApp({ tokensPerSecond: -1 })).toThrow(/Invalid option `tokensPerSecond`/);
    expect(() => createOpenAssistantApp({ mode: "fast" as never })).toThrow(/one of lorem, echo/);
  });
});
