import { afterEach, describe, expect, it } from "vitest";
import { AbortError } from "../errors/abort-error.js";
import { AllProvidersFailedError } from "../errors/all-providers-failed-error.js";
import { InvalidRequestError } from "../errors/invalid-request-error.js";
import { RateLimitError } from "../errors/rate-limit-error.js";
import { StreamError } from "../errors/stream-error.js";
import { registerProvider, unregisterProvider } from "../registry/register-provider.js";
import { collect } from "../testing/collect.js";
import { createMockProvider } from "../testing/mock-provider.js";
import type { Messages } from "../types/message.js";
import { createFallbackProvider } from "./create-fallback-provider.js";

const hello: Messages = [{ role: "user", content: "hi" }];

afterEach(() => {
  unregisterProvider("FbNamed");
});

describe("createFallbackProvider", () => {
  it("moves on while nothing was yielded and names who answered", async () => {
    const A = createMockProvider({ name: "A", failAfter: 0, error: new RateLimitError({ provider: "A" }) });
    const B = createMockProvider({ name: "B", tokens: ["from ", "B"] });
    const C = createMockProvider({ name: "C" });
    const Fallback = createFallbackProvider([A, B, C]);
    const result = await collect(new Fallback().stream("", hello));
    expect(result.text).toBe("from B");
    expect(result.parts[0]).toEqual({
      type: "provider-info",
      provider: "B",
      model: "mock-model",
      label: "Mock",
      url: "https://mock.invalid",
    });
    expect([A.stats.calls.length, B.stats.calls.length, C.stats.calls.length]).toEqual([1, 1, 0]);
  });

  it("moves on past progress parts, which are not content", async () => {
    const A = createMockProvider({
      name: "A",
      tokens: [{ type: "progress", state: "queued" }],
      failAfter: 1,
    });
    const B = createMockProvider({ name: "B", tokens: ["ok"] });
    expect((await collect(new (createFallbackProvider([A, B]))().stream("", hello))).text).toBe("ok");
  });

  it("rethrows once text flowed, never appending a second answer", async () => {
    const A = createMockProvider({ name: "A", tokens: ["half ", "answer"], failAfter: 1 });
    const B = createMockProvider({ name: "B", tokens: ["other"] });
    const chunks: string[] = [];
    const error = await (async () => {
      for await (const chunk of new (createFallbackProvider([A, B]))().stream("", hello)) {
        if (typeof chunk === "string") chunks.push(chunk);
      }
    })().catch((caught: unknown) => caught);
    expect(StreamError.isInstance(error)).toBe(true);
    expect(chunks).toEqual(["half "]);
    expect(B.stats.calls).toHaveLength(0);
  });

  it("lists every attempt when all fail, with retries as extra rounds", async () => {
    const A = createMockProvider({ name: "A", failAfter: 0, error: new RateLimitError({ provider: "A" }) });
    const B = createMockProvider({ name: "B", working: false });
    const Fallback = createFallbackProvider([A, "FbNamed:large", B], { retries: 1, name: "Chain" });
    registerProvider(createMockProvider({ name: "FbNamed", failAfter: 0 }));
    const error = await collect(new Fallback().stream("", hello)).catch((caught: unknown) => caught);
    expect(AllProvidersFailedError.isInstance(error)).toBe(true);
    const attempts = (error as AllProvidersFailedError).attempts;
    expect(attempts.map((attempt) => [attempt.provider, attempt.model])).toEqual([
      ["A", "mock-model"],
      ["FbNamed", "mock-large"],
      ["B", "mock-model"],
      ["A", "mock-model"],
      ["FbNamed", "mock-large"],
      ["B", "mock-model"],
    ]);
    expect(attempts.every((attempt) => typeof attempt.ms === "number" && attempt.ms >= 0)).toBe(true);
    expect((error as Error).message).toMatch(/All 6 providers failed/);
    expect((error as Error).message).toMatch(/PROVIDER_NOT_WORKING/);
    expect((error as AllProvidersFailedError).provider).toBe("Chain");
  });

  it("records an unknown provider name as a failed attempt", async () => {
    const B = createMockProvider({ name: "B" });
    const result = await collect(new (createFallbackProvider(["Missing", B]))().stream("", hello));
    expect(result.text).toBe("Hello, world!");
  });

  it("stops at once on caller abort instead of trying the next provider", async () => {
    const A = createMockProvider({ name: "A", stallAfter: 0 });
    const B = createMockProvider({ name: "B" });
    const controller = new AbortController();
    const run = collect(
      new (createFallbackProvider([A, B]))().stream("", hello, { signal: controller.signal }),
    );
    await Promise.resolve();
    controller.abort("stop");
    const error = await run.catch((caught: unknown) => caught);
    expect(AbortError.isInstance(error)).toBe(true);
    expect(B.stats.calls).toHaveLength(0);
  });

  it("moves on after a member's first-chunk timeout", async () => {
    const Slow = createMockProvider({ name: "Slow", stallAfter: 0 });
    const Fast = createMockProvider({ name: "Fast", tokens: ["fast"] });
    const result = await collect(
      new (createFallbackProvider([Slow, Fast]))().stream("", hello, { timeout: { firstChunk: 5 } }),
    );
    expect(result.text).toBe("fast");
    expect(Slow.stats.cleanups).toBe(1);
    expect(result.parts[0]).toMatchObject({ type: "provider-info", provider: "Fast" });
  });

  it("passes the model through and rejects an empty list", async () => {
    const A = createMockProvider({ name: "A" });
    await collect(new (createFallbackProvider([A]))().stream("large", hello));
    expect(A.stats.calls[0]?.model).toBe("mock-large");
    expect(() => createFallbackProvider([])).toThrow(InvalidRequestError);
  });
});
