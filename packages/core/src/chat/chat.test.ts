import { afterEach, describe, expect, it } from "vitest";
import { ProviderNotFoundError } from "../errors/provider-not-found-error.js";
import { registerProvider, unregisterProvider } from "../registry/register-provider.js";
import { createMockProvider } from "../testing/mock-provider.js";
import { chat } from "./chat.js";
import { streamChat } from "./stream-chat.js";

afterEach(() => {
  unregisterProvider("ChatMock");
});

describe("streamChat and chat", () => {
  it("streams text from a registered name with a prompt string", async () => {
    const Mock = createMockProvider({
      name: "ChatMock",
      tokens: ["a", { type: "usage", totalTokens: 3 }, "b"],
    });
    registerProvider(Mock);
    const chunks: string[] = [];
    for await (const text of streamChat("chatmock", "Hello")) chunks.push(text);
    expect(chunks).toEqual(["a", "b"]);
    expect(Mock.stats.calls[0]?.messages).toEqual([{ role: "user", content: "Hello" }]);
  });

  it("gives every part through parts()", async () => {
    const Mock = createMockProvider({ tokens: ["a", { type: "finish", reason: "length" }] });
    const parts: unknown[] = [];
    for await (const part of streamChat(Mock, "Hi").parts()) parts.push(part);
    expect(parts).toEqual(["a", { type: "finish", reason: "length" }]);
  });

  it("accepts a class, an instance and Provider:model, and options.model wins", async () => {
    const Mock = createMockProvider({ name: "ChatMock" });
    registerProvider(Mock);
    expect((await chat(Mock, "x")).model).toBe("mock-model");
    expect((await chat(new Mock(), "x", { model: "large" })).model).toBe("mock-large");
    expect((await chat("ChatMock:mock-large", "x")).model).toBe("mock-large");
    expect((await chat("ChatMock:mock-large", "x", { model: "mock-model" })).model).toBe("mock-model");
    expect(Mock.stats.calls.map((call) => call.model)).toEqual([
      "mock-model",
      "mock-large",
      "mock-large",
      "mock-model",
    ]);
  });

  it("collects text, finish reason, usage and provider info", async () => {
    const Mock = createMockProvider({
      name: "ChatMock",
      tokens: [
        { type: "provider-info", provider: "Inner", model: "inner-1" },
        "Hi",
        { type: "usage", promptTokens: 1, completionTokens: 2, totalTokens: 3 },
        { type: "finish", reason: "length" },
      ],
    });
    const result = await chat(Mock, [{ role: "user", content: "x" }]);
    expect(result).toMatchObject({
      text: "Hi",
      provider: "Inner",
      model: "inner-1",
      finishReason: "length",
      usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 },
    });
    expect(result.parts).toHaveLength(3);
  });

  it("runs the provider's cleanup when the loop breaks", async () => {
    const Mock = createMockProvider({ tokens: ["a", "b", "c"] });
    for await (const text of streamChat(Mock, "x")) {
      expect(text).toBe("a");
      break;
    }
    expect(Mock.stats.cleanups).toBe(1);
  });

  it("does nothing until iterated and reports an unknown provider while iterating", async () => {
    const stream = streamChat("NoSuchProvider", "x");
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toSatisfy(ProviderNotFoundError.isInstance);
  });
});
