import { describe, expect, it } from "vitest";
import { AbortError } from "../errors/abort-error.js";
import { InvalidRequestError } from "../errors/invalid-request-error.js";
import { MissingAuthError } from "../errors/missing-auth-error.js";
import { ModelNotSupportedError } from "../errors/model-not-supported-error.js";
import { ProviderNotWorkingError } from "../errors/provider-not-working-error.js";
import { StreamError } from "../errors/stream-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { waitForAbort } from "../internal/wait.js";
import { collect } from "../testing/collect.js";
import { createMockProvider } from "../testing/mock-provider.js";
import type { Messages } from "../types/message.js";
import type { ProviderOptions } from "../types/provider-options.js";
import { AsyncGeneratorProvider } from "./async-generator-provider.js";

const hello: Messages = [{ role: "user", content: "hi" }];

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** A provider driven step by step by the test through promises. */
function createGatedProvider() {
  const state = {
    started: deferred<ProviderOptions>(),
    release: deferred<void>(),
    cleanups: 0,
    returned: false,
  };
  class Gated extends AsyncGeneratorProvider {
    static readonly url = "https://gated.invalid";
    static readonly label = "Gated";
    static readonly working = true;
    static readonly needsAuth = false;
    static readonly model = "g";
    async *createAsyncGenerator(_model: string, _messages: Messages, options: ProviderOptions) {
      try {
        state.started.resolve(options);
        yield "first";
        await Promise.race([state.release.promise, waitForAbort(options.signal)]);
        yield "second";
        state.returned = true;
      } finally {
        state.cleanups++;
      }
    }
  }
  return { Gated, state };
}

async function failure(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => expect.unreachable("expected a failure"),
    (error: unknown) => error,
  );
}

describe("guarded run", () => {
  it("streams text and parts and drops empty strings", async () => {
    const Mock = createMockProvider({ tokens: ["a", "", { type: "finish", reason: "stop" }, "b"] });
    const result = await collect(new Mock().stream(undefined, hello));
    expect(result.chunks).toEqual(["a", "b"]);
    expect(result.parts).toEqual([{ type: "finish", reason: "stop" }]);
    expect(Mock.stats.calls[0]?.model).toBe("mock-model");
  });

  it("create() returns the whole text", async () => {
    const Mock = createMockProvider({ tokens: ["He", "llo"] });
    expect(await new Mock().create("large", hello)).toBe("Hello");
    expect(Mock.stats.calls[0]?.model).toBe("mock-large");
  });

  it.each([
    ["empty messages", [], {}, InvalidRequestError],
    ["a message without role", [{ content: "x" }], {}, InvalidRequestError],
    ["a negative timeout", hello, { timeout: -5 }, InvalidRequestError],
    ["a negative firstChunk", hello, { timeout: { firstChunk: -1 } }, InvalidRequestError],
  ])(
    "rejects %s with a typed error before calling the provider",
    async (_label, messages, options, Class) => {
      const Mock = createMockProvider();
      const error = await failure(
        collect(new Mock().stream("", messages as Messages, options as ProviderOptions)),
      );
      expect(Class.isInstance(error)).toBe(true);
      expect(Mock.stats.calls).toHaveLength(0);
    },
  );

  it("rejects an unknown model and a provider marked not working unless allowed", async () => {
    const Broken = createMockProvider({ working: false });
    expect(
      ModelNotSupportedError.isInstance(
        await failure(collect(new Broken().stream("nope", hello, { allowNotWorking: true }))),
      ),
    ).toBe(true);
    expect(ProviderNotWorkingError.isInstance(await failure(collect(new Broken().stream("", hello))))).toBe(
      true,
    );
    expect((await collect(new Broken().stream("", hello, { allowNotWorking: true }))).text).toBe(
      "Hello, world!",
    );
  });

  it("runs the provider's cleanup when the consumer breaks early", async () => {
    const { Gated, state } = createGatedProvider();
    for await (const chunk of new Gated().stream("", hello)) {
      expect(chunk).toBe("first");
      break;
    }
    expect(state.cleanups).toBe(1);
    expect(state.returned).toBe(false);
    const options = await state.started.promise;
    expect(options.signal?.aborted).toBe(true);
  });

  it("turns a caller abort into AbortError with the reason as cause, and cleans up", async () => {
    const { Gated, state } = createGatedProvider();
    const controller = new AbortController();
    const reason = new Error("user pressed stop");
    const iterator = new Gated().stream("", hello, { signal: controller.signal })[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ done: false, value: "first" });
    const next = iterator.next();
    controller.abort(reason);
    const error = await failure(next);
    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as AbortError).cause).toBe(reason);
    expect((error as AbortError).provider).toBe("Gated");
    await Promise.resolve();
    expect(state.cleanups).toBe(1);
  });

  it("runs the provider's cleanup when the caller aborts between two chunks", async () => {
    const { Gated, state } = createGatedProvider();
    const controller = new AbortController();
    const iterator = new Gated().stream("", hello, { signal: controller.signal })[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ done: false, value: "first" });
    controller.abort("later");
    const error = await failure(iterator.next());
    expect(AbortError.isInstance(error)).toBe(true);
    expect(state.cleanups).toBe(1);
  });

  it("fails at once for an already aborted signal", async () => {
    const Mock = createMockProvider();
    const error = await failure(collect(new Mock().stream("", hello, { signal: AbortSignal.abort("gone") })));
    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as AbortError).cause).toBe("gone");
    expect(Mock.stats.calls).toHaveLength(0);
  });

  it.each([
    ["total", { total: 5 }, 0],
    ["firstChunk", { firstChunk: 5 }, 0],
    ["betweenChunks", { betweenChunks: 5 }, 1],
  ] as const)("turns the %s timeout into a TimeoutError naming it", async (kind, timeout, stallAfter) => {
    const Mock = createMockProvider({ stallAfter });
    const error = await failure(collect(new Mock().stream("", hello, { timeout })));
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).timeout).toBe(kind);
    expect((error as Error).message).toContain(`timeout.${kind}`);
    expect(Mock.stats.cleanups).toBe(1);
    expect(Mock.stats.calls[0]?.options.signal?.aborted).toBe(true);
  });

  it("does not fire firstChunk once text flowed, nor betweenChunks before it", async () => {
    const Mock = createMockProvider({ tokens: ["a", "b", "c"], delayMs: 1 });
    const result = await collect(
      new Mock().stream("", hello, { timeout: { firstChunk: 10_000, betweenChunks: 10_000 } }),
    );
    expect(result.text).toBe("abc");
  });

  it("passes typed provider errors through and wraps foreign ones in StreamError", async () => {
    const Auth = createMockProvider({ failAfter: 0, error: new MissingAuthError({ provider: "Mock" }) });
    expect(MissingAuthError.isInstance(await failure(collect(new Auth().stream("", hello))))).toBe(true);
    const Buggy = createMockProvider({ failAfter: 1, error: new TypeError("x is undefined") });
    const error = await failure(collect(new Buggy().stream("", hello)));
    expect(StreamError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain("TypeError: x is undefined");
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });

  it("gives the provider a signal that is not the caller's, so timeouts reach it", async () => {
    const Mock = createMockProvider();
    const controller = new AbortController();
    await collect(new Mock().stream("", hello, { signal: controller.signal }));
    expect(Mock.stats.calls[0]?.options.signal).not.toBe(controller.signal);
  });
});

describe("cleanup after an abort mid-step", () => {
  /** A provider whose `finally` does slow async work, like deleting a chat on a server. */
  class SlowCleanup extends AsyncGeneratorProvider {
    static readonly url = "https://slow.invalid";
    static readonly label = "SlowCleanup";
    static readonly working = true;
    static readonly needsAuth = false;
    static readonly model = "s";
    static cleaned = false;
    async *createAsyncGenerator(_model: string, _messages: Messages, options: ProviderOptions) {
      try {
        yield "a";
        await waitForAbort(options.signal!);
      } finally {
        await new Promise((resolve) => setTimeout(resolve, 50));
        SlowCleanup.cleaned = true;
      }
    }
  }

  it("rejects only after the provider's cleanup has finished", async () => {
    SlowCleanup.cleaned = false;
    const controller = new AbortController();
    const seen: string[] = [];
    const run = (async () => {
      for await (const chunk of new SlowCleanup().stream(undefined, hello, { signal: controller.signal })) {
        seen.push(chunk as string);
        controller.abort();
      }
    })();
    await expect(run).rejects.toBeInstanceOf(AbortError);
    expect(seen).toEqual(["a"]);
    expect(SlowCleanup.cleaned).toBe(true);
  });

  it("a timeout also waits for the cleanup", async () => {
    SlowCleanup.cleaned = false;
    const run = collect(new SlowCleanup().stream(undefined, hello, { timeout: { betweenChunks: 20 } }));
    await expect(run).rejects.toBeInstanceOf(TimeoutError);
    expect(SlowCleanup.cleaned).toBe(true);
  });
});
