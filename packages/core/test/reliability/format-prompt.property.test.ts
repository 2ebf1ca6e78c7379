import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPrompt, InvalidRequestError, type Message, type Messages } from "../../src/index.js";
import { formatOptions, message, messages, role, text } from "./support/message-arbitraries.js";
import {
  isPythonBlank,
  NOT_PYTHON_WHITESPACE,
  oracleFormatPrompt,
  oracleToString,
  PYTHON_CAPITALIZED,
  PYTHON_WHITESPACE,
} from "./support/prompt-oracle.js";

// Fixed seeds: a failure replays the same way on every machine (fast-check prints the path).
const runs = { numRuns: 400, seed: 0x6f41 };

describe("formatPrompt properties (openassistant-protocol.md section 3)", () => {
  it("never throws on valid messages and matches the independent oracle", () => {
    fc.assert(
      fc.property(messages, formatOptions, (conversation, options) => {
        expect(formatPrompt(conversation, options)).toBe(oracleFormatPrompt(conversation, options));
      }),
      runs,
    );
  });

  it("shortcut: one message without addSpecialTokens is its bare content, whatever the role and flags", () => {
    fc.assert(
      fc.property(message, fc.boolean(), fc.boolean(), (only, doContinue, includeSystem) => {
        const prompt = formatPrompt([only], { doContinue, includeSystem });
        expect(prompt).toBe(oracleToString(only.content));
        expect(prompt).toBe(formatPrompt([{ ...only, role: "user" }]));
      }),
      runs,
    );
  });

  it("rendering: addSpecialTokens renders even a single message as `Role: content` lines", () => {
    fc.assert(
      fc.property(role, text, (who, body) => {
        fc.pre(!isPythonBlank(body));
        const prompt = formatPrompt([{ role: who, content: body }], { addSpecialTokens: true });
        expect(prompt).toBe(
          `${oracleFormatPrompt([{ role: who, content: body }], { addSpecialTokens: true })}`,
        );
        expect(prompt.endsWith(`: ${body}\nAssistant:`)).toBe(true);
      }),
      runs,
    );
  });

  it("whitespace skip: inserting a message of Python whitespace anywhere changes nothing", () => {
    const pythonBlank = fc.string({ unit: fc.constantFrom(...PYTHON_WHITESPACE), maxLength: 5 });
    fc.assert(
      fc.property(
        messages,
        role,
        pythonBlank,
        fc.nat(),
        formatOptions,
        (conversation, who, blank, at, options) => {
          // Rendered mode on both sides, so the extra message cannot switch the shortcut on or off.
          const rendered = { ...options, addSpecialTokens: true };
          const position = at % (conversation.length + 1);
          const withBlank = [
            ...conversation.slice(0, position),
            { role: who, content: blank },
            ...conversation.slice(position),
          ];
          expect(formatPrompt(withBlank, rendered)).toBe(formatPrompt(conversation, rendered));
        },
      ),
      runs,
    );
  });

  it("whitespace skip: characters that are blank only for other trims are kept verbatim", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...NOT_PYTHON_WHITESPACE, ...PYTHON_WHITESPACE), minLength: 1 }),
        (body) => {
          fc.pre([...body].some((char) => NOT_PYTHON_WHITESPACE.includes(char)));
          expect(formatPrompt([{ role: "user", content: body }], { addSpecialTokens: true })).toBe(
            `User: ${body}\nAssistant:`,
          );
        },
      ),
      runs,
    );
  });

  it("capitalize: the role is rendered as Python's str.capitalize()", () => {
    for (const [given, expected] of PYTHON_CAPITALIZED) {
      expect(
        formatPrompt([{ role: given, content: "x" }], { addSpecialTokens: true, doContinue: true }),
      ).toBe(`${expected}: x`);
    }
    fc.assert(
      fc.property(fc.string({ unit: "binary-ascii", maxLength: 10 }), (given) => {
        const line = formatPrompt([{ role: given, content: "x" }], {
          addSpecialTokens: true,
          doContinue: true,
        });
        expect(line).toBe(`${given.charAt(0).toUpperCase()}${given.slice(1).toLowerCase()}: x`);
      }),
      runs,
    );
  });

  it("join and suffix: doContinue only leaves off the trailing \\nAssistant:", () => {
    fc.assert(
      fc.property(messages, formatOptions, (conversation, options) => {
        fc.pre(options.addSpecialTokens === true || conversation.length > 1);
        const continued = formatPrompt(conversation, { ...options, doContinue: true });
        const cued = formatPrompt(conversation, { ...options, doContinue: false });
        expect(cued).toBe(`${continued}\nAssistant:`);
        // One line per kept message; line breaks inside a role or a content add lines of their own.
        const kept = conversation.filter(
          (entry) =>
            (options.includeSystem !== false || (entry.role !== "system" && entry.role !== "developer")) &&
            !isPythonBlank(oracleToString(entry.content)),
        );
        const expectedLines = kept.reduce(
          (sum, entry) => sum + `${entry.role}: ${oracleToString(entry.content)}`.split("\n").length,
          0,
        );
        expect(continued === "" ? 0 : continued.split("\n").length).toBe(expectedLines);
      }),
      runs,
    );
  });

  it("filter: includeSystem false equals dropping exactly `system` and `developer` first", () => {
    fc.assert(
      fc.property(messages, fc.boolean(), (conversation, doContinue) => {
        fc.pre(conversation.length > 1);
        const filtered = conversation.filter(
          (entry) => entry.role !== "system" && entry.role !== "developer",
        );
        expect(formatPrompt(conversation, { includeSystem: false, doContinue })).toBe(
          formatPrompt(filtered, { addSpecialTokens: true, doContinue }),
        );
      }),
      runs,
    );
  });

  it("an empty list is a typed error without addSpecialTokens and `\\nAssistant:` with it", () => {
    const caught = (() => {
      try {
        formatPrompt([]);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(InvalidRequestError.isInstance(caught)).toBe(true);
    expect(formatPrompt([], { addSpecialTokens: true })).toBe("\nAssistant:");
  });

  it("list content concatenates text and typeless parts with no separator", () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 5 }), (pieces) => {
        const parts = pieces.flatMap((piece, index) => [
          index % 2 === 0
            ? { type: "text" as const, text: piece }
            : ({ text: piece } as unknown as Message["content"] & object),
          { type: "image_url", text: "never shown" },
        ]);
        const conversation: Messages = [{ role: "user", content: parts as Message["content"] }];
        expect(formatPrompt(conversation)).toBe(pieces.join(""));
      }),
      runs,
    );
  });
});
