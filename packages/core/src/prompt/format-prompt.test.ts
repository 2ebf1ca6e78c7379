import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidRequestError } from "../errors/invalid-request-error.js";
import type { Message, Messages } from "../types/message.js";
import { type FormatPromptOptions, formatPrompt } from "./format-prompt.js";

// The nine examples of openassistant-protocol.md section 3, checked there against the Python function.
const examples: Array<{ name: string; messages: unknown; options?: FormatPromptOptions; expected: string }> =
  [
    { name: "1 single message shortcut", messages: [{ role: "user", content: "Hello" }], expected: "Hello" },
    {
      name: "2 system and user",
      messages: [
        { role: "system", content: "Be brief" },
        { role: "user", content: "Hi" },
      ],
      expected: "System: Be brief\nUser: Hi\nAssistant:",
    },
    {
      name: "3 includeSystem false drops system and developer",
      messages: [
        { role: "system", content: "Be brief" },
        { role: "developer", content: "Dev" },
        { role: "user", content: "Hi" },
      ],
      options: { includeSystem: false },
      expected: "User: Hi\nAssistant:",
    },
    {
      name: "4 doContinue leaves off the assistant cue",
      messages: [
        { role: "user", content: "Hi" },
        { role: "assistant", content: "Hel" },
      ],
      options: { doContinue: true },
      expected: "User: Hi\nAssistant: Hel",
    },
    {
      name: "5 addSpecialTokens renders a single message",
      messages: [{ role: "user", content: "Hello" }],
      options: { addSpecialTokens: true },
      expected: "User: Hello\nAssistant:",
    },
    {
      name: "6 the shortcut ignores includeSystem",
      messages: [{ role: "system", content: "Only system" }],
      options: { includeSystem: false },
      expected: "Only system",
    },
    {
      name: "7 blank, empty and null contents are skipped",
      messages: [
        { role: "user", content: "  " },
        { role: "assistant", content: "" },
        { role: "user", content: null },
        { role: "user", content: "Go" },
      ],
      expected: "User: Go\nAssistant:",
    },
    {
      name: "8 list content keeps text parts and typeless parts",
      messages: [
        {
          role: "user",
          content: [{ type: "text", text: "Look at " }, { type: "image_url" }, { text: "this" }],
        },
        { role: "USER", content: "ok" },
      ],
      expected: "User: Look at this\nUser: ok\nAssistant:",
    },
    {
      name: "9 content untouched, Python whitespace skipped, BOM kept",
      messages: [
        { role: "user", content: "line1\nline2" },
        { role: "assistant", content: " padded " },
        { role: "tool", content: "\u001c\u0085" },
        { role: "user", content: "\ufeff" },
      ],
      expected: "User: line1\nline2\nAssistant:  padded \nUser: \ufeff\nAssistant:",
    },
  ];

describe("formatPrompt", () => {
  it.each(examples)("matches g4f: example $name", ({ messages, options, expected }) => {
    expect(formatPrompt(messages as Messages, options)).toBe(expected);
  });

  it("wraps like the provider does for example 1", () => {
    const content = `<s>[INST]\n${formatPrompt([{ role: "user", content: "Hello" }])}\n[/INST]`;
    expect(content).toBe("<s>[INST]\nHello\n[/INST]");
  });

  it.each([
    ["USER", "User"],
    ["a_B-C", "A_b-c"],
    ["ßeta", "Sseta"],
    ["assistant", "Assistant"],
    ["ǆemal", "ǅemal"],
    ["ᾳ", "ᾼ"],
    ["ΑΣ", "Ας"],
    ["", ""],
  ])("capitalizes role %j as Python does (%j)", (role, rendered) => {
    const prompt = formatPrompt([{ role, content: "x" }], { addSpecialTokens: true, doContinue: true });
    expect(prompt).toBe(`${rendered}: x`);
  });

  it.each([
    "\t\n\u000b\f\r",
    "\u001c\u001d\u001e\u001f",
    " \u0085\u00a0\u1680",
    "\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000",
  ])("skips content made only of Python whitespace %j", (blank) => {
    expect(
      formatPrompt([
        { role: "user", content: blank },
        { role: "user", content: "x" },
      ]),
    ).toBe("User: x\nAssistant:");
  });

  it.each(["\ufeff", "\u200b", "\u180e"])(
    "keeps content that JavaScript trim() or others treat as blank: %j",
    (text) => {
      expect(formatPrompt([{ role: "user", content: text }], { addSpecialTokens: true })).toBe(
        `User: ${text}\nAssistant:`,
      );
    },
  );

  it("throws a typed error for a file bucket part", () => {
    const messages = [{ role: "user", content: [{ type: "text", bucket_id: "b1" }] }] as unknown as Messages;
    const error = catchError(() => formatPrompt(messages, { addSpecialTokens: true }));
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).field).toBe("messages[0].content[0]");
    expect((error as Error).message).toMatch(/bucket_id/);
  });

  it("throws a typed error for an empty list", () => {
    const error = catchError(() => formatPrompt([]));
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).field).toBe("messages");
  });

  it("formats an empty list with addSpecialTokens as g4f does", () => {
    expect(formatPrompt([], { addSpecialTokens: true })).toBe("\nAssistant:");
    expect(formatPrompt([], { addSpecialTokens: true, doContinue: true })).toBe("");
  });

  it("renders a name part as empty and skips non-text parts", () => {
    const messages = [
      {
        role: "user",
        content: [{ type: "text", text: "a" }, { name: "n" }, { type: "file", text: "hidden" }],
      },
      { role: "user", content: "b" },
    ] as unknown as Messages;
    expect(formatPrompt(messages)).toBe("User: a\nUser: b\nAssistant:");
  });

  it("rejects a missing role outside the shortcut but not inside it", () => {
    const messages = [{ content: "a" }, { role: "user", content: "b" }] as unknown as Messages;
    expect(InvalidRequestError.isInstance(catchError(() => formatPrompt(messages)))).toBe(true);
    expect(formatPrompt([{ content: "solo" }] as unknown as Messages)).toBe("solo");
  });

  it("rejects a missing content and a non-object part", () => {
    expect(
      InvalidRequestError.isInstance(
        catchError(() => formatPrompt([{ role: "user" }] as unknown as Messages)),
      ),
    ).toBe(true);
    const withNumberPart = [{ role: "user", content: [1] }] as unknown as Messages;
    expect(
      InvalidRequestError.isInstance(
        catchError(() => formatPrompt(withNumberPart, { addSpecialTokens: true })),
      ),
    ).toBe(true);
  });

  it("never throws on valid messages (property)", () => {
    const part = fc.oneof(
      fc.record({ type: fc.constant("text" as const), text: fc.string() }),
      fc.record({ type: fc.constantFrom("image_url", "file", "audio") }),
    );
    const message: fc.Arbitrary<Message> = fc.record({
      role: fc.oneof(
        fc.constantFrom("system", "developer", "user", "assistant", "tool"),
        fc.string({ minLength: 1 }),
      ),
      content: fc.oneof(fc.string(), fc.constant(null), fc.array(part, { maxLength: 4 })),
    });
    const options = fc.record({
      addSpecialTokens: fc.boolean(),
      doContinue: fc.boolean(),
      includeSystem: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 6 }), options, (messages, flags) => {
        const prompt = formatPrompt(messages, flags);
        expect(typeof prompt).toBe("string");
        if (!flags.doContinue && (flags.addSpecialTokens || messages.length > 1)) {
          expect(prompt.endsWith("\nAssistant:")).toBe(true);
        }
      }),
    );
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}
