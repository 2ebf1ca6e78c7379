// The five-step flow of the provider, with a plain HTTP client, SSE framing checked byte for byte.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningOpenAssistantServer, startOpenAssistantServer } from "../src/index.js";
import { Client, parseFrames, readUntil, TOKEN, tokenTexts, waitFor } from "./support/client.js";

let server: RunningOpenAssistantServer;
let client: Client;

beforeAll(async () => {
  server = await startOpenAssistantServer({
    tokens: [TOKEN],
    tokensPerSecond: 0,
    answerTokens: 12,
    pingIntervalMs: 0,
  });
  client = new Client(server);
});
afterEach(() => server.reset());
afterAll(() => server.close());

describe("the five-step flow", () => {
  it("creates a chat, adds messages, streams the answer and deletes the chat", async () => {
    const chat = await client.createChat();
    expect(Object.keys(chat)).toEqual([
      "id",
      "created_at",
      "modified_at",
      "title",
      "hidden",
      "allow_data_use",
      "active_thread_tail_message_id",
    ]);
    expect(chat.title).toBeNull();
    const prompt = await client.prompter(chat.id, "<s>[INST]\nHello\n[/INST]");
    const assistantResponse = await client.request("POST", "/api/chat/assistant_message", {
      chat_id: chat.id,
      parent_id: prompt.id,
      model_config_name: "OA_SFT_Llama_30B_6",
      sampling_parameters: { top_k: 50, top_p: null, temperature: 0.35, max_new_tokens: 1024, stream: true },
      plugins: [],
    });
    expect(assistantResponse.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const assistant = (await assistantResponse.json()) as Record<string, unknown>;
    expect(assistant).toMatchObject({
      role: "assistant",
      state: "pending",
      content: null,
      parent_id: prompt.id,
    });
    expect((assistant.work_parameters as Record<string, unknown>).sampling_parameters).toEqual({
      top_k: 50,
      top_p: null,
      typical_p: null,
      temperature: 0.35,
      repetition_penalty: null,
      max_new_tokens: 1024,
    });

    const events = await client.events(chat.id, assistant.id as string);
    expect(events.status).toBe(200);
    expect(events.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const text = await events.text();
    const items = parseFrames(text);
    const tokens = tokenTexts(items);
    expect(tokens).toHaveLength(12);
    expect(tokens[0]).not.toMatch(/^\s/);
    for (const token of tokens.slice(1)) expect(token).toMatch(/^ \S/);
    const last = items.at(-1);
    expect(last?.kind === "data" && last.json.event_type).toBe("message");
    const final = (last as unknown as { json: { message: Record<string, unknown> } }).json.message;
    expect(final.state).toBe("complete");
    expect(final.content).toBe(tokens.join(""));
    // Python json.dumps: ", " and ": " separators, ASCII only.
    expect(text).toMatch(/^data: \{"event_type": "token", "text": "/);
    expect([...text].every((character) => character.charCodeAt(0) < 0x80)).toBe(true);
    expect(text).toContain('"temperature": 0.35');

    const removed = await client.deleteChat(chat.id);
    expect(removed.status).toBe(200);
    expect(removed.headers.get("content-type")).toBeNull();
    expect(await removed.text()).toBe("");
    await server.waitForIdle();
    expect(server.state.chatsCreated.map((record) => record.id)).toEqual([chat.id]);
    expect(server.state.chatsDeleted).toEqual([chat.id]);
    expect(server.state.aliveChats()).toEqual([]);
    expect(
      server.state.requests.map((request) => `${request.method} ${request.path} ${request.status}`),
    ).toEqual([
      "POST /api/chat 200",
      "POST /api/chat/prompter_message 200",
      "POST /api/chat/assistant_message 200",
      "POST /api/chat/events 200",
      "DELETE /api/chat 200",
    ]);
    expect(server.state.requests[0]?.cookieNames).toEqual(["next-auth.session-token"]);
    expect(JSON.stringify(server.state.requests)).not.toContain(TOKEN);
  });

  it("is deterministic: the same prompt gives the same tokens and seed", async () => {
    const answers: string[] = [];
    const seeds: unknown[] = [];
    for (let round = 0; round < 2; round++) {
      const chat = await client.createChat();
      const prompt = await client.prompter(chat.id, "Same prompt");
      const assistant = (await client.assistant(chat.id, prompt.id)) as {
        id: string;
        work_parameters?: { seed: number };
      };
      seeds.push(assistant.work_parameters?.seed);
      answers.push(
        tokenTexts(parseFrames(await (await client.events(chat.id, assistant.id)).text())).join(""),
      );
    }
    expect(answers[0]).toBe(answers[1]);
    expect(seeds[0]).toBe(seeds[1]);
    expect(Number.isSafeInteger(seeds[0])).toBe(true);
    // Lorem text carries accented Latin, CJK and an astral emoji.
    expect(answers[0]).toMatch(/[\u00c0-\u024f]/);
    expect(answers[0]).toMatch(/[\u3040-\u9fff]/);
    expect(answers[0]).toMatch(/[\u{1f300}-\u{1faff}]/u);
  });

  it("a finished message with nothing left to read answers 200 with an empty body", async () => {
    const { chatId, messageId } = await client.startAnswer();
    await (await client.events(chatId, messageId)).text();
    const again = await client.events(chatId, messageId);
    expect(again.status).toBe(200);
    expect(again.headers.get("content-type")).toBeNull();
    expect(await again.text()).toBe("");
  });

  it("unknown ids and prompter messages on events answer 500 text", async () => {
    const { chatId, promptId } = await client.startAnswer();
    for (const [chat, message] of [
      [chatId, promptId],
      [chatId, "nope"],
      ["nope", promptId],
    ]) {
      const response = await client.events(chat as string, message as string);
      expect(response.status).toBe(500);
      expect(await response.text()).toBe("Internal Server Error");
    }
  });

  it("sends pending events while queued and pings on schedule", async () => {
    const slow = await startOpenAssistantServer({
      tokens: [TOKEN],
      workers: 1,
      firstTokenDelayMs: 150,
      tokensPerSecond: 0,
      answerTokens: 2,
      pendingIntervalMs: 10,
      pingIntervalMs: 20,
    });
    try {
      const slowClient = new Client(slow);
      const first = await slowClient.startAnswer("one");
      const second = await slowClient.startAnswer("two");
      const [firstText, secondText] = await Promise.all([
        slowClient.events(first.chatId, first.messageId).then((response) => response.text()),
        slowClient.events(second.chatId, second.messageId).then((response) => response.text()),
      ]);
      const pendings = (text: string) =>
        parseFrames(text).flatMap((item) =>
          item.kind === "data" && item.json.event_type === "pending" ? [item.json] : [],
        );
      expect(pendings(secondText)).toContainEqual({
        event_type: "pending",
        queue_position: 1,
        queue_size: 1,
      });
      expect(pendings(firstText).every((event) => event.queue_position === 0)).toBe(true);
      const comments = parseFrames(secondText).filter((item) => item.kind === "comment");
      expect(comments.length).toBeGreaterThan(0);
      expect(secondText).toMatch(/: ping - \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?\r\n\r\n/);
      // Pending only before the first packet.
      const kinds = parseFrames(secondText).flatMap((item) =>
        item.kind === "data" ? [item.json.event_type] : [],
      );
      expect(kinds.lastIndexOf("pending")).toBeLessThan(kinds.indexOf("token"));
      expect(kinds.at(-1)).toBe("message");
    } finally {
      await slow.close();
    }
  });
});

describe("waitForIdle and close", () => {
  it("waitForIdle waits for an open stream to be closed by the client", async () => {
    server.addFault({ route: "events", action: { type: "stall", afterTokens: 1 } });
    const { chatId, messageId } = await client.startAnswer("a b c");
    const controller = new AbortController();
    const events = await client.events(chatId, messageId, { signal: controller.signal });
    const { text } = await readUntil(events, (soFar) => soFar.includes("token"));
    expect(tokenTexts(parseFrames(text))).toHaveLength(1);
    expect(server.state.openStreams).toBe(1);
    let idle = false;
    const waiting = server.waitForIdle({ timeoutMs: 5000 }).then(() => {
      idle = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(idle).toBe(false);
    controller.abort();
    await waiting;
    expect(server.state.openStreams).toBe(0);
  });

  it("waitForIdle rejects with IdleTimeoutError naming what is open", async () => {
    server.addFault({ route: "events", action: { type: "stall", afterTokens: 0 } });
    const { chatId, messageId } = await client.startAnswer();
    const controller = new AbortController();
    await client.events(chatId, messageId, { signal: controller.signal });
    await waitFor(() => server.state.openStreams === 1);
    await expect(server.waitForIdle({ timeoutMs: 50 })).rejects.toMatchObject({
      name: "IdleTimeoutError",
      code: "IDLE_TIMEOUT",
      openStreams: 1,
    });
    controller.abort();
    await server.waitForIdle();
  });

  it("close() ends open streams and hanging requests promptly", async () => {
    const other = await startOpenAssistantServer({ tokens: [TOKEN], tokensPerSecond: 1, answerTokens: 100 });
    const otherClient = new Client(other);
    const { chatId, messageId } = await otherClient.startAnswer();
    const events = await otherClient.events(chatId, messageId);
    other.addFault({ route: "chat.list", action: { type: "hang" } });
    const hanging = otherClient.request("GET", "/api/chat").catch((error: unknown) => error);
    await waitFor(
      () => other.state.requests.some((r) => r.method === "GET") && other.state.openStreams === 1,
    );
    const reading = events.text().catch((error: unknown) => error);
    await other.close();
    expect(await hanging).toBeInstanceOf(Error);
    await reading;
    expect(other.state.openStreams).toBe(0);
  });
});
