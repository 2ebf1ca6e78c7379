import { RateLimitError, TimeoutError } from "@g4f/core";
import { createMockProvider } from "@g4f/core/testing";
import OpenAI from "openai";
import { describe, expect, it, vi } from "vitest";
import { createGatedProvider, openai, startServer } from "./helpers.js";

const messages = [{ role: "user" as const, content: "Hello" }];

describe("chat completions with the openai client", () => {
  it("returns the provider's text, whole and streamed", async () => {
    const server = await startServer({ providers: [createMockProvider({ name: "Mock" })] });
    const client = openai(server);
    const whole = await client.chat.completions.create({ model: "Mock:mock-model", messages });
    expect(whole.choices[0]?.message.content).toBe("Hello, world!");
    const stream = await client.chat.completions.create({ model: "mock-large", messages, stream: true });
    let text = "";
    const finishes: Array<string | null | undefined> = [];
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      finishes.push(chunk.choices[0]?.finish_reason);
    }
    expect(text).toBe("Hello, world!");
    expect(finishes.at(-1)).toBe("stop");
  });

  it("maps sampling parameters to the provider's declared options", async () => {
    const Mock = createMockProvider({
      name: "Mock",
      parameters: [
        { name: "temperature", type: "number", description: "t" },
        { name: "maxNewTokens", type: "integer", description: "m" },
        { name: "baseUrl", type: "string", description: "never from clients" },
      ],
    });
    const server = await startServer({ providers: [Mock] });
    await openai(server).chat.completions.create({
      model: "Mock",
      messages,
      temperature: 0.5,
      max_tokens: 7,
      top_p: 0.9,
      baseUrl: "http://evil.invalid",
    } as never);
    const options = Mock.stats.calls[0]?.options;
    expect(options).toMatchObject({ temperature: 0.5, maxNewTokens: 7 });
    expect(options?.topP).toBeUndefined();
    expect(options?.baseUrl).toBeUndefined();
  });
});

describe("errors as the client's APIError subclasses", () => {
  it.each([
    ["bad body", { messages: [{ role: "robot", content: "x" }] }, OpenAI.BadRequestError, 400],
    ["unknown model", { model: "Mok:nope" }, OpenAI.NotFoundError, 404],
  ])("%s", async (_name, override, errorClass, status) => {
    const server = await startServer({ providers: [createMockProvider({ name: "Mock" })] });
    const body = { model: "Mock", messages, ...override };
    const error = await openai(server)
      .chat.completions.create(body as never)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(errorClass);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(status);
  });

  it("rejects a missing or wrong API key with 401", async () => {
    const server = await startServer({ providers: [createMockProvider()], apiKey: "sk-right" });
    await expect(openai(server, "sk-wrong").models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(openai(server, "sk-right").models.list()).resolves.toBeDefined();
  });

  it("gives 429 with Retry-After for a rate-limited provider", async () => {
    const Mock = createMockProvider({ failAfter: 0, error: () => new RateLimitError({ retryAfter: 9 }) });
    const server = await startServer({ providers: [Mock] });
    const error = (await openai(server)
      .chat.completions.create({ model: "Mock", messages, stream: true })
      .catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.APIError>;
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.headers?.get("retry-after")).toBe("9");
  });

  it("gives 502 for an upstream failure and 504 for a timeout", async () => {
    const Failing = createMockProvider({ name: "Failing", failAfter: 0 });
    const Slow = createMockProvider({
      name: "Slow",
      failAfter: 0,
      error: () => new TimeoutError({ timeout: "firstChunk", ms: 10 }),
    });
    const server = await startServer({ providers: [Failing, Slow] });
    const failed = (await openai(server)
      .chat.completions.create({ model: "Failing", messages })
      .catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.APIError>;
    expect(failed.status).toBe(502);
    const timedOut = (await openai(server)
      .chat.completions.create({ model: "Slow", messages, stream: true })
      .catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.APIError>;
    expect(timedOut.status).toBe(504);
  });

  it("reports a failure after the first chunk in-band", async () => {
    const server = await startServer({ providers: [createMockProvider({ failAfter: 2 })] });
    const stream = await openai(server).chat.completions.create({ model: "Mock", messages, stream: true });
    let text = "";
    const error = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    })().catch((caught: unknown) => caught);
    expect(text).toBe("Hello, ");
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as Error).message).toMatch(/Mock failure/);
  });

  it("answers 413 for a body over the limit", async () => {
    const server = await startServer({ providers: [createMockProvider()], bodyLimit: 100 });
    const error = await openai(server)
      .chat.completions.create({ model: "Mock", messages: [{ role: "user", content: "x".repeat(500) }] })
      .catch((caught: unknown) => caught);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(413);
  });

  it("never puts a configured secret in a response or log line", async () => {
    const canary = "CANARY-s3cr3t-cookie-value";
    const Mock = createMockProvider({
      failAfter: 0,
      error: () => new Error(`upstream said cookie ${canary}`),
    });
    const logs: string[] = [];
    const server = await startServer({
      providers: [Mock],
      apiKey: "sk-CANARY-key",
      providerOptions: { Mock: { cookies: { session: canary } } },
      onLog: (entry) => logs.push(JSON.stringify(entry)),
    });
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer sk-CANARY-key", "content-type": "application/json" },
      body: JSON.stringify({ model: "Mock", messages }),
    });
    const text = await response.text();
    expect(response.status).toBe(502);
    for (const output of [text, ...logs]) {
      expect(output).not.toContain(canary);
      expect(output).not.toContain("sk-CANARY-key");
    }
  });
});

describe("lifecycle", () => {
  it("aborts the provider and runs its cleanup when the client stops reading", async () => {
    const Gated = createGatedProvider();
    const server = await startServer({ providers: [Gated] });
    const stream = await openai(server).chat.completions.create({ model: "Gated", messages, stream: true });
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content === "a") break;
    }
    await vi.waitFor(() => expect(Gated.cleanups).toBe(1));
    expect(Gated.aborts).toBe(1);
  });

  it("completes 100 concurrent streams", async () => {
    const server = await startServer({ providers: [createMockProvider()] });
    const client = openai(server);
    const texts = await Promise.all(
      Array.from({ length: 100 }, async () => {
        let text = "";
        const stream = await client.chat.completions.create({ model: "Mock", messages, stream: true });
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
        return text;
      }),
    );
    expect(texts.every((text) => text === "Hello, world!")).toBe(true);
  });

  it("lets a running stream finish during the grace period", async () => {
    const Gated = createGatedProvider();
    const server = await startServer({ providers: [Gated] });
    const stream = await openai(server).chat.completions.create({ model: "Gated", messages, stream: true });
    const reading = (async () => {
      let text = "";
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
      return text;
    })();
    const closing = server.close({ graceMs: 60_000 });
    Gated.release();
    Gated.release();
    expect(await reading).toBe("abc");
    await closing;
  });

  it("aborts running streams when the grace period ends", async () => {
    const Gated = createGatedProvider();
    const server = await startServer({ providers: [Gated] });
    const stream = await openai(server).chat.completions.create({ model: "Gated", messages, stream: true });
    const reading = (async () => {
      for await (const _chunk of stream) {
        // read until the server ends it
      }
    })().catch((caught: unknown) => caught);
    await server.close({ graceMs: 0 });
    expect(await reading).toBeInstanceOf(OpenAI.APIError);
    expect(Gated.cleanups).toBe(1);
  });

  it("sends CORS headers only when enabled", async () => {
    const server = await startServer({ providers: [createMockProvider()], cors: ["https://app.example"] });
    const response = await fetch(`${server.url}/v1/models`, { headers: { origin: "https://app.example" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example");
    const plain = await startServer({ providers: [createMockProvider()] });
    const other = await fetch(`${plain.url}/v1/models`, { headers: { origin: "https://app.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});
