// End to end: the official openai client → our API server → the real OpenAssistant provider → the
// Open Assistant reference server, all over HTTP on 127.0.0.1.
import { type RunningOpenAssistantServer, startOpenAssistantServer } from "@g4f/openassistant-server";
import { OpenAssistant } from "@g4f/provider-openassistant";
import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openai, startServer } from "./helpers.js";

const TOKEN = "api-e2e-session-token";
let reference: RunningOpenAssistantServer;

beforeAll(async () => {
  reference = await startOpenAssistantServer({
    tokens: [TOKEN],
    mode: "echo",
    tokensPerSecond: 0,
    pingIntervalMs: 0,
  });
});
afterEach(() => reference.reset());
afterAll(() => reference?.close());

function startApi(cookies: Record<string, string> = { "next-auth.session-token": TOKEN }) {
  return startServer({
    providers: [OpenAssistant],
    providerOptions: { OpenAssistant: { baseUrl: reference.url, cookies, proxy: null } },
  });
}

describe("openai client → API → OpenAssistant → reference server", () => {
  it("lists the provider's models once it has a base URL", async () => {
    const api = await startApi();
    const models = await openai(api).models.list();
    const ids = models.data.map((model) => model.id);
    expect(ids).toContain("OpenAssistant:OA_SFT_Llama_30B_6");
  });

  it("answers a whole completion and deletes the chat", async () => {
    const api = await startApi();
    const completion = await openai(api).chat.completions.create({
      model: "OpenAssistant",
      messages: [{ role: "user", content: "echo these words" }],
    });
    expect(completion.choices[0]?.message.content).toBe("echo these words");
    expect(completion.choices[0]?.finish_reason).toBe("stop");
    expect(completion.model).toBe("OA_SFT_Llama_30B_6");
    await reference.waitForIdle();
    expect(reference.state.chatsCreated).toHaveLength(1);
    expect(reference.state.aliveChats()).toEqual([]);
  });

  it("streams chunks, maps temperature and max_tokens to sampling parameters", async () => {
    const api = await startApi();
    const stream = await openai(api).chat.completions.create({
      model: "OpenAssistant:OA_SFT_Llama_30B_6",
      messages: [
        { role: "system", content: "Be brief" },
        { role: "user", content: "Hi there" },
      ],
      temperature: 0.5,
      max_tokens: 50,
      stream: true,
    });
    const pieces: string[] = [];
    for await (const chunk of stream) pieces.push(chunk.choices[0]?.delta.content ?? "");
    expect(pieces.join("")).toBe("System: Be brief\nUser: Hi there\nAssistant:");
    expect(pieces.filter((piece) => piece !== "").length).toBeGreaterThan(1);
    const assistant = reference.state.requests.find(
      (request) => request.path === "/api/chat/assistant_message",
    );
    expect(assistant?.body).toMatchObject({ sampling_parameters: { temperature: 0.5, max_new_tokens: 50 } });
    await reference.waitForIdle();
    expect(reference.state.aliveChats()).toEqual([]);
  });

  it("a client that hangs up mid-stream gets the chat deleted", async () => {
    const api = await startApi();
    reference.addFault({ route: "events", action: { type: "stall", afterTokens: 1 } });
    const controller = new AbortController();
    const stream = await openai(api).chat.completions.create(
      { model: "OpenAssistant", messages: [{ role: "user", content: "a b c" }], stream: true },
      { signal: controller.signal },
    );
    const iterator = stream[Symbol.asyncIterator]();
    let first = "";
    while (first === "") first = (await iterator.next()).value?.choices[0]?.delta.content ?? "";
    expect(first).toBe("a");
    controller.abort();
    await reference.waitForIdle({ timeoutMs: 10_000 });
    expect(reference.state.chatsCreated).toHaveLength(1);
    expect(reference.state.aliveChats()).toEqual([]);
  });

  it("a stale session is a 502 that says what to do, without the token", async () => {
    const api = await startApi({ "next-auth.session-token": "stale-session-value" });
    const error = await openai(api)
      .chat.completions.create({ model: "OpenAssistant", messages: [{ role: "user", content: "x" }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
    const text = JSON.stringify((error as InstanceType<typeof OpenAI.APIError>).error);
    expect(text).toMatch(/cookie|log in|session/i);
    expect(text).not.toContain("stale-session-value");
    expect(reference.state.chatsCreated).toEqual([]);
  });

  it("a server rate limit is a 429 the client can retry after", async () => {
    const api = await startApi();
    reference.addFault({
      route: "assistant_message",
      action: { type: "respond", status: 429, headers: { "retry-after": "9" }, body: "slow down" },
    });
    const error = await openai(api)
      .chat.completions.create({ model: "OpenAssistant", messages: [{ role: "user", content: "x" }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers?.get("retry-after")).toBe("9");
    await reference.waitForIdle();
    expect(reference.state.aliveChats()).toEqual([]);
  });
});
