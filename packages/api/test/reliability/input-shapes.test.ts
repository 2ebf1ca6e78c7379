import { formatPrompt } from "@g4f/core";
import { createMockProvider } from "@g4f/core/testing";
import { describe, expect, it } from "vitest";
import { createApiServer } from "../../src/index.js";
import { openai, startServer } from "../helpers.js";
import { seededRandom } from "./support/seeded-random.js";

// A provider that answers with facts about what reached it, so the test sees the request whole.
function createInspector() {
  return createMockProvider({
    name: "Inspect",
    tokens: (_model, messages) => [`${messages.length} messages, `, `${formatPrompt(messages).length} chars`],
  });
}

function post(app: ReturnType<typeof createApiServer>, body: string | Uint8Array): Promise<Response> {
  return app.fetch(
    new Request("http://api.test/v1/chat/completions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    }),
  );
}

async function expectOpenAIError(
  response: Response,
  status: number,
  code: string,
): Promise<{ param: unknown }> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as {
    error: { message: string; type: string; code: string; param: unknown };
  };
  expect(body.error.code).toBe(code);
  expect(body.error.type).toBe("invalid_request_error");
  expect(body.error.message.length).toBeGreaterThan(10);
  return body.error;
}

function nestedObject(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

describe("API input shapes", () => {
  it("answers a 10,000-message history, whole and streamed", async () => {
    const Inspect = createInspector();
    const server = await startServer({ providers: [Inspect] });
    const messages = Array.from({ length: 10_000 }, (_, index) => ({
      role: (index % 2 === 0 ? "user" : "assistant") as "user" | "assistant",
      content: `message number ${index}`,
    }));
    const expected = `10000 messages, ${formatPrompt(messages).length} chars`;
    const whole = await openai(server).chat.completions.create({ model: "Inspect", messages });
    expect(whole.choices[0]?.message.content).toBe(expected);
    const stream = await openai(server).chat.completions.create({ model: "Inspect", messages, stream: true });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe(expected);
    expect(Inspect.stats.cleanups).toBe(2);
  });

  it.each([
    ["an empty body", ""],
    ["a truncated object", '{"model":"Inspect","messages":[{"role":"user","content":"Hi"}'],
    ["single quotes", "{'model':'Inspect'}"],
    ["a trailing comma", '{"model":"Inspect","messages":[],}'],
    ["a bare word", "nul"],
    ["two documents", '{"model":"Inspect"}{"messages":[]}'],
    ["a byte order mark", '\ufeff{"model":"Inspect","messages":[{"role":"user","content":"Hi"}]}'],
    ["NUL bytes", '{"model":"Inspect"\u0000}'],
  ])("answers 400 invalid_json for %s", async (_label, body) => {
    const app = createApiServer({ providers: [createInspector()] });
    const error = await expectOpenAIError(await post(app, body), 400, "invalid_json");
    expect(error.param).toBe("body");
  });

  it("answers 400 invalid_json for any text that is not JSON (generated)", async () => {
    const app = createApiServer({ providers: [createInspector()] });
    const random = seededRandom(0x1450);
    let tried = 0;
    for (let run = 0; run < 300; run++) {
      const text = random.string('{}[]":,ab 1nul\\tre\u0000é', 30);
      try {
        JSON.parse(text);
        continue;
      } catch {
        tried++;
      }
      await expectOpenAIError(await post(app, text), 400, "invalid_json");
    }
    expect(tried).toBeGreaterThan(100);
  });

  it("answers 400 naming a field for any JSON that is not a chat request (generated)", async () => {
    const Inspect = createInspector();
    const app = createApiServer({ providers: [Inspect] });
    const random = seededRandom(0x7a1d);
    for (let run = 0; run < 300; run++) {
      const value = random.json(4);
      const response = await post(app, JSON.stringify(value));
      const error = await expectOpenAIError(response, 400, "invalid_value");
      expect(typeof error.param).toBe("string");
    }
    expect(Inspect.stats.calls).toHaveLength(0);
  });

  it("replaces invalid UTF-8 in a message instead of failing", async () => {
    const app = createApiServer({ providers: [createInspector()] });
    const prefix = Buffer.from('{"model":"Inspect","messages":[{"role":"user","content":"caf');
    const suffix = Buffer.from('"}]}');
    const response = await post(app, Buffer.concat([prefix, Buffer.from([0xc3, 0xff]), suffix]));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { choices: Array<{ message: { content: string } }> };
    // "caf" and two replacement characters: 5 UTF-16 code units.
    expect(body.choices[0]?.message.content).toBe("1 messages, 5 chars");
  });

  it("ignores the inside of a deeply nested non-text part", async () => {
    const server = await startServer({ providers: [createInspector()], bodyLimit: 4 * 1024 * 1024 });
    const body = `{"model":"Inspect","messages":[{"role":"user","content":[{"type":"text","text":"see"},{"type":"image_url","image_url":${nestedObject(100_000)}}]}]}`;
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty("choices.0.message.content", "1 messages, 3 chars");
  });

  it("rejects content lists nested 10,000 deep with 400 naming the content", async () => {
    const server = await startServer({ providers: [createInspector()] });
    const nested = `${"[".repeat(10_000)}{"type":"text","text":"x"}${"]".repeat(10_000)}`;
    const body = `{"model":"Inspect","messages":[{"role":"user","content":[${nested}]}]}`;
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    const error = await expectOpenAIError(response, 400, "invalid_value");
    // zod reports the union that failed: the content field, or the part inside it.
    expect(error.param).toMatch(/^messages\[0\]\.content/);
  });

  it("still answers normal requests after all of the above", async () => {
    const server = await startServer({ providers: [createInspector()] });
    const completion = await openai(server).chat.completions.create({
      model: "Inspect",
      messages: [{ role: "user", content: "Hello" }],
    });
    expect(completion.choices[0]?.message.content).toBe("1 messages, 5 chars");
  });
});
