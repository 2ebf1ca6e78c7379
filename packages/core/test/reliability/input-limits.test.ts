import { describe, expect, it } from "vitest";
import {
  type ContentPart,
  formatPrompt,
  InvalidRequestError,
  type Message,
  type Messages,
  validateMessages,
} from "../../src/index.js";
import { collect, createMockProvider } from "../../src/testing.js";
import { oracleFormatPrompt } from "./support/prompt-oracle.js";

const TEN_MB = 10 * 1024 * 1024;

// 10 MiB of text with multi-byte and astral characters, Python whitespace and a BOM at both ends:
// nothing may be trimmed, split or re-encoded on the way.
function hugeText(): string {
  const unit = "Grüße 中文 👋 line\n\t";
  const body = unit.repeat(Math.ceil(TEN_MB / unit.length)).slice(0, TEN_MB - 4);
  return ` \ufeff${body}\ufeff `;
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

// A provider that answers with the prompt it would send, in 64 KiB pieces.
function createEchoProvider() {
  return createMockProvider({
    name: "Echo",
    tokens: (_model, messages) => {
      const prompt = formatPrompt(messages);
      const pieces: string[] = [];
      for (let start = 0; start < prompt.length; start += 65_536)
        pieces.push(prompt.slice(start, start + 65_536));
      return pieces;
    },
  });
}

function deeplyNested(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { url: "data:," };
  for (let level = 0; level < depth; level++) node = { nested: node };
  return node;
}

describe("input limits: a 10 MB message", () => {
  it("formatPrompt returns it untouched, alone and rendered", () => {
    const big = hugeText();
    expect(formatPrompt([{ role: "user", content: big }]) === big).toBe(true);
    const rendered = formatPrompt(
      [
        { role: "system", content: "Be brief" },
        { role: "user", content: big },
      ],
      {},
    );
    expect(rendered.length).toBe("System: Be brief\nUser: ".length + big.length + "\nAssistant:".length);
    expect(rendered.startsWith("System: Be brief\nUser:  \ufeffGrüße")).toBe(true);
    expect(rendered.endsWith("\ufeff \nAssistant:")).toBe(true);
  });

  it("formatPrompt joins 10 MB spread over 100,000 parts", () => {
    const piece = `${"0123456789".repeat(10)}é`;
    const parts: ContentPart[] = Array.from({ length: 100_000 }, (_, index) =>
      index % 3 === 2 ? { type: "image_url", image_url: { url: "data:," } } : { type: "text", text: piece },
    );
    const prompt = formatPrompt([{ role: "user", content: parts }]);
    const textParts = parts.filter((part) => part.type === "text").length;
    expect(prompt.length).toBe(textParts * piece.length);
    expect(prompt.slice(0, piece.length * 2)).toBe(piece + piece);
  });

  it("skips a 10 MB message made only of Python whitespace", () => {
    const blank = " \t\u3000\u00a0".repeat(TEN_MB / 4);
    expect(
      formatPrompt([
        { role: "user", content: blank },
        { role: "user", content: "Hi" },
      ]),
    ).toBe("User: Hi\nAssistant:");
  });

  it("streams through a mock provider intact, and the provider cleans up", async () => {
    const Echo = createEchoProvider();
    const big = hugeText();
    const result = await collect(new Echo().stream(undefined, [{ role: "user", content: big }]));
    expect(result.text === big).toBe(true);
    expect(result.chunks.length).toBe(Math.ceil(big.length / 65_536));
    expect(Echo.stats.cleanups).toBe(1);
  });
});

describe("input limits: 10,000-message histories", () => {
  const roles = ["system", "user", "assistant", "tool", "developer"];
  const history: Messages = Array.from(
    { length: 10_000 },
    (_, index): Message => ({
      role: roles[index % roles.length]!,
      content: index % 7 === 0 ? "   " : index % 11 === 0 ? null : `message ${index}`,
    }),
  );

  it("formatPrompt matches the oracle with and without system messages", () => {
    expect(formatPrompt(history)).toBe(oracleFormatPrompt(history));
    expect(formatPrompt(history, { includeSystem: false })).toBe(
      oracleFormatPrompt(history, { includeSystem: false }),
    );
    const lines = formatPrompt(history).split("\n");
    expect(lines.at(-1)).toBe("Assistant:");
    expect(lines.length).toBe(history.filter((_, index) => index % 7 !== 0 && index % 11 !== 0).length + 1);
  });

  it("runs through a mock provider", async () => {
    const Echo = createEchoProvider();
    const result = await collect(new Echo().stream(undefined, history));
    expect(result.text).toBe(oracleFormatPrompt(history));
    expect(Echo.stats.cleanups).toBe(1);
  });

  it("names the one bad message at the end of a long history, before the provider runs", async () => {
    const Echo = createEchoProvider();
    const broken = [...history.slice(0, 9_999), { role: "user", content: 42 }] as unknown as Messages;
    const error = await collect(new Echo().stream(undefined, broken)).catch((caught: unknown) => caught);
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).field).toBe("messages[9999].content");
    expect(Echo.stats.calls).toHaveLength(0);
  });
});

describe("input limits: deeply nested content parts", () => {
  it("ignores the inside of a 10,000-level deep non-text part", async () => {
    const deep: ContentPart = { type: "image_url", image_url: deeplyNested(10_000) };
    const messages: Messages = [
      { role: "user", content: [{ type: "text", text: "look: " }, deep, { type: "text", text: "done" }] },
      { role: "assistant", content: "ok" },
    ];
    expect(formatPrompt(messages)).toBe("User: look: done\nAssistant: ok\nAssistant:");
    const Echo = createEchoProvider();
    expect((await collect(new Echo().stream(undefined, messages))).text).toBe(formatPrompt(messages));
  });

  it("ignores a part that refers to itself", () => {
    const cyclic: Record<string, unknown> = { type: "image_url" };
    cyclic.self = cyclic;
    const messages = [
      { role: "user", content: [cyclic, { type: "text", text: "x" }] },
    ] as unknown as Messages;
    expect(() => validateMessages(messages)).not.toThrow();
    expect(formatPrompt(messages)).toBe("x");
  });

  it("rejects lists nested in lists with a typed error naming the part", () => {
    let nested: unknown = [{ type: "text", text: "deep" }];
    for (let level = 0; level < 10_000; level++) nested = [nested];
    const messages = [{ role: "user", content: nested }] as unknown as Messages;
    for (const run of [() => validateMessages(messages), () => formatPrompt(messages)]) {
      const error = catchError(run);
      expect(InvalidRequestError.isInstance(error)).toBe(true);
      expect((error as InvalidRequestError).field).toBe("messages[0].content[0]");
    }
  });

  it("rejects a text part whose text is a nested object, saying it must be a string", () => {
    const messages = [
      { role: "user", content: [{ type: "text", text: deeplyNested(1_000) }] },
    ] as unknown as Messages;
    const error = catchError(() => formatPrompt(messages));
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/messages\[0\]\.content\[0\]\.text must be a string/);
  });
});
