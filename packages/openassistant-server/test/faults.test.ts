// Every fault action, fired over real HTTP, and rule matching (route, chat, nth, times).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  InvalidServerOptionError,
  type RunningOpenAssistantServer,
  startOpenAssistantServer,
} from "../src/index.js";
import { Client, parseFrames, readUntil, TOKEN, tokenTexts, waitFor } from "./support/client.js";

let server: RunningOpenAssistantServer;
let client: Client;

beforeAll(async () => {
  server = await startOpenAssistantServer({
    tokens: [TOKEN],
    tokensPerSecond: 0,
    answerTokens: 5,
    pingIntervalMs: 0,
    pendingIntervalMs: 10,
  });
  client = new Client(server);
});
afterEach(() => server.reset());
afterAll(() => server.close());

async function eventsText(
  fault: Parameters<RunningOpenAssistantServer["addFault"]>[0]["action"],
): Promise<string> {
  server.addFault({ route: "events", action: fault });
  const { chatId, messageId } = await client.startAnswer("a b c d e");
  return (await client.events(chatId, messageId)).text();
}

describe("request faults", () => {
  it("respond replaces the answer (status, body, headers) and skips the route", async () => {
    server.addFault({
      route: "chat.create",
      action: { type: "respond", status: 429, body: "slow down", headers: { "Retry-After": "3" } },
    });
    const response = await client.request("POST", "/api/chat");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("3");
    expect(await response.text()).toBe("slow down");
    expect(server.state.chatsCreated).toEqual([]);
    expect(server.state.firedFaults).toEqual([
      { id: expect.any(String), route: "chat.create", action: "respond" },
    ]);
  });

  it("respond without a body has no Content-Type", async () => {
    server.addFault({ route: "chat.create", action: { type: "respond", status: 403 } });
    const response = await client.request("POST", "/api/chat");
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBeNull();
  });

  it("reset destroys the socket before answering", async () => {
    server.addFault({ route: "chat.create", action: { type: "reset" } });
    await expect(client.request("POST", "/api/chat")).rejects.toThrow(TypeError);
    expect(server.state.chatsCreated).toEqual([]);
    expect(server.state.requests[0]?.status).toBe(0);
  });

  it("hang never answers until the client leaves", async () => {
    server.addFault({ route: "chat.list", action: { type: "hang" } });
    const controller = new AbortController();
    const pending = fetch(`${server.url}/api/chat`, { headers: client.headers, signal: controller.signal });
    await waitFor(() => server.state.requests.length === 1);
    controller.abort();
    await expect(pending).rejects.toThrow();
    await server.waitForIdle();
    expect(server.state.requests[0]?.status).toBe(0);
  });

  it("delay runs the route, then answers late", async () => {
    server.addFault({ route: "chat.create", action: { type: "delay", ms: 50 } });
    const response = client.request("POST", "/api/chat");
    await waitFor(() => server.state.chatsCreated.length === 1);
    expect(server.state.requests[0]?.status).toBe(0);
    expect((await response).status).toBe(200);
  });

  it("matches the n-th request, a number of times, a chat", async () => {
    server.addFault({ route: "chat.create", nth: 2, action: { type: "respond", status: 500 } });
    const statuses = [];
    for (let index = 0; index < 3; index++) statuses.push((await client.request("POST", "/api/chat")).status);
    expect(statuses).toEqual([200, 500, 200]);
    server.reset();
    server.addFault({ route: "chat.create", times: 2, action: { type: "respond", status: 503 } });
    const twice = [];
    for (let index = 0; index < 3; index++) twice.push((await client.request("POST", "/api/chat")).status);
    expect(twice).toEqual([503, 503, 200]);
    server.reset();
    const target = await client.createChat();
    const other = await client.createChat();
    server.addFault({ route: "*", chatId: target.id, action: { type: "respond", status: 418 } });
    expect((await client.deleteChat(other.id)).status).toBe(200);
    expect((await client.deleteChat(target.id)).status).toBe(418);
  });

  it("removeFault stops a rule", async () => {
    const id = server.addFault({ route: "chat.create", action: { type: "respond", status: 500 } });
    server.removeFault(id);
    expect((await client.request("POST", "/api/chat")).status).toBe(200);
  });

  it.each([
    [{ route: "nope", action: { type: "hang" } }, "`route` must be"],
    [{ route: "events", action: { type: "boom" } }, 'unknown action type "boom"'],
    [{ route: "events", action: { type: "drop" } }, "needs `afterTokens`"],
    [{ route: "events", nth: 0, action: { type: "hang" } }, "`nth` must be"],
    [{ route: "chat.create", action: { type: "respond", status: 99 } }, "HTTP `status`"],
  ])("rejects the invalid rule %j with a typed error", (rule, message) => {
    expect(() => server.addFault(rule as never)).toThrow(InvalidServerOptionError);
    expect(() => server.addFault(rule as never)).toThrow(message);
  });
});

describe("event-stream faults", () => {
  it("errorEvent sends an error with the state after N tokens, then closes", async () => {
    const items = parseFrames(
      await eventsText({ type: "errorEvent", afterTokens: 2, error: "Timeout", state: "timeout" }),
    );
    expect(tokenTexts(items)).toHaveLength(2);
    const last = items.at(-1) as unknown as {
      json: { event_type: string; error: string; message: { state: string } };
    };
    expect(last.json).toMatchObject({ event_type: "error", error: "Timeout", message: { state: "timeout" } });
  });

  it("endWithoutMessage closes cleanly after N tokens", async () => {
    const items = parseFrames(await eventsText({ type: "endWithoutMessage", afterTokens: 3 }));
    expect(items.map((item) => (item.kind === "data" ? item.json.event_type : item.kind))).toEqual([
      "token",
      "token",
      "token",
    ]);
  });

  it("malformed writes a non-JSON data line", async () => {
    const text = await eventsText({ type: "malformed", afterTokens: 1, payload: "{not json" });
    expect(text.endsWith("data: {not json\r\n\r\n")).toBe(true);
  });

  it("drop kills the connection after N tokens (what was sent arrives)", async () => {
    server.addFault({ route: "events", action: { type: "drop", afterTokens: 1 } });
    const { chatId, messageId } = await client.startAnswer("a b c");
    const response = await client.events(chatId, messageId);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = "";
    const failure = await (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return undefined;
          text += new TextDecoder().decode(value);
        }
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(Error);
    expect(tokenTexts(parseFrames(text))).toHaveLength(1);
  });

  it("stall goes silent (no pings either) until the client leaves", async () => {
    server.addFault({ route: "events", action: { type: "stall", afterTokens: 1 } });
    server.addFault({ route: "events", action: { type: "pings", intervalMs: 5 } });
    const { chatId, messageId } = await client.startAnswer("a b c");
    const controller = new AbortController();
    const response = await client.events(chatId, messageId, { signal: controller.signal });
    const { text, reader } = await readUntil(response, (soFar) => soFar.includes("token"));
    const more = await Promise.race([
      reader.read().then(() => "data"),
      new Promise((resolve) => setTimeout(() => resolve("silent"), 60)),
    ]);
    expect(more).toBe("silent");
    expect(tokenTexts(parseFrames(text))).toHaveLength(1);
    controller.abort();
    await server.waitForIdle();
  });

  it("firstTokenDelay holds the first token back (pending meanwhile)", async () => {
    const items = parseFrames(await eventsText({ type: "firstTokenDelay", ms: 60 }));
    expect(items[0]?.kind === "data" && items[0].json.event_type).toBe("pending");
    expect(tokenTexts(items)).toHaveLength(5);
  });

  it("pings with the legacy style", async () => {
    server.addFault({ route: "events", action: { type: "pings", intervalMs: 5, style: "legacy" } });
    server.addFault({ route: "events", action: { type: "firstTokenDelay", ms: 40 } });
    const { chatId, messageId } = await client.startAnswer();
    const text = await (await client.events(chatId, messageId)).text();
    expect(text).toMatch(/event: ping\r\ndata: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?\r\n\r\n/);
  });

  it("pendingForever sends pending events until the client leaves", async () => {
    server.addFault({ route: "events", action: { type: "pendingForever" } });
    const { chatId, messageId } = await client.startAnswer();
    const controller = new AbortController();
    const response = await client.events(chatId, messageId, { signal: controller.signal });
    const { text } = await readUntil(response, (soFar) => (soFar.match(/pending/g) ?? []).length >= 3);
    expect(
      parseFrames(text).every((item) => item.kind === "data" && item.json.event_type === "pending"),
    ).toBe(true);
    controller.abort();
  });

  it("alreadyFinished answers 200 empty", async () => {
    const text = await eventsText({ type: "alreadyFinished" });
    expect(text).toBe("");
  });

  it("lfFraming separates events with \\n\\n", async () => {
    const text = await eventsText({ type: "lfFraming" });
    expect(text).not.toContain("\r");
    expect(tokenTexts(parseFrames(text, "\n\n"))).toHaveLength(5);
  });

  it("splitWrites delivers the same bytes in tiny pieces", async () => {
    server.addFault({ route: "events", action: { type: "splitWrites" } });
    const { chatId, messageId } = await client.startAnswer("a b");
    const response = await client.events(chatId, messageId);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const sizes: number[] = [];
    const bytes: number[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      sizes.push(value.byteLength);
      bytes.push(...value);
    }
    expect(Math.min(...sizes)).toBeLessThanOrEqual(3);
    const items = parseFrames(new TextDecoder().decode(new Uint8Array(bytes)));
    expect(
      items.at(-1)?.kind === "data" &&
        (items.at(-1) as unknown as { json: { event_type: string } }).json.event_type,
    ).toBe("message");
  });

  it("pendingForever on assistant_message never generates; firstTokenDelay delays generation", async () => {
    server.addFault({ route: "assistant_message", action: { type: "pendingForever" } });
    const { chatId, messageId } = await client.startAnswer();
    const controller = new AbortController();
    const response = await client.events(chatId, messageId, { signal: controller.signal });
    await readUntil(response, (soFar) => (soFar.match(/pending/g) ?? []).length >= 2);
    controller.abort();
    const message = await client.json<{ state: string }>(
      "GET",
      `/api/chat/message?chat_id=${chatId}&message_id=${messageId}`,
    );
    expect(message.state).toBe("pending");
  });
});

describe("deleting a chat", () => {
  it("ends its open streams and its generation", async () => {
    const slow = await startOpenAssistantServer({
      tokens: [TOKEN],
      tokensPerSecond: 50,
      answerTokens: 1000,
      pingIntervalMs: 0,
    });
    try {
      const slowClient = new Client(slow);
      const { chatId, messageId } = await slowClient.startAnswer();
      const response = await slowClient.events(chatId, messageId);
      const { reader } = await readUntil(response, (soFar) => soFar.includes("token"));
      expect((await slowClient.deleteChat(chatId)).status).toBe(200);
      for (;;) if ((await reader.read()).done) break;
      await slow.waitForIdle();
      expect(slow.state.openStreams).toBe(0);
    } finally {
      await slow.close();
    }
  });
});
