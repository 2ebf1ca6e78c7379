import fc from "fast-check";
import type { ContentPart, FormatPromptOptions, Message, Messages } from "../../../src/index.js";
import { NOT_PYTHON_WHITESPACE, PYTHON_CAPITALIZED, PYTHON_WHITESPACE } from "./prompt-oracle.js";

// Text biased towards the cases formatPrompt must get right: Python whitespace (skipped when it is
// all there is), blanks only other trims know (kept), line breaks, multi-byte and astral characters.
const interesting = fc.constantFrom(
  ...PYTHON_WHITESPACE,
  ...NOT_PYTHON_WHITESPACE,
  "a",
  "Z",
  "é",
  "中",
  "👋",
  ":",
  "\u0000",
  "\ud800",
);

/** Strings mixing ordinary text with whitespace of every kind. */
export const text: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: interesting, maxLength: 8 }),
  fc.string({ unit: fc.constantFrom(...PYTHON_WHITESPACE), maxLength: 4 }),
  fc.string({ unit: "grapheme", maxLength: 6 }),
);

/** Roles the oracle can capitalize: the usual ones, ASCII strings and the CPython-checked table. */
export const role: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("system", "developer", "user", "assistant", "tool", "System", "DEVELOPER", ""),
  fc.string({ unit: fc.constantFrom(..."aZ_-: 0\t"), maxLength: 6 }),
  fc.string({ unit: "binary-ascii", maxLength: 6 }),
  fc.constantFrom(...PYTHON_CAPITALIZED.keys()),
);

/** Every part shape the `Messages` type allows that g4f renders without an error. */
export const part: fc.Arbitrary<ContentPart> = fc.oneof(
  fc.record({ type: fc.constant("text"), text }),
  fc.record({ text }) as fc.Arbitrary<ContentPart>,
  fc.record({ type: fc.constantFrom("image_url", "file", "audio", "input_audio", ""), text }),
  fc.constant({ name: "only-a-name" } as unknown as ContentPart),
  fc.record({ type: fc.constant("image_url"), image_url: fc.record({ url: fc.webUrl() }) }),
);

/** Content: a string, `null` or a list of parts. */
export const content: fc.Arbitrary<Message["content"]> = fc.oneof(
  text,
  fc.constant(null),
  fc.array(part, { maxLength: 4 }),
);

/** One message, sometimes with a name. */
export const message: fc.Arbitrary<Message> = fc.record(
  { role, content, name: fc.string({ maxLength: 4 }) },
  { requiredKeys: ["role", "content"] },
);

/** A non-empty conversation. */
export const messages: fc.Arbitrary<Messages> = fc.array(message, { minLength: 1, maxLength: 8 });

/** Any combination of the three options, each sometimes left out. */
export const formatOptions: fc.Arbitrary<FormatPromptOptions> = fc.record(
  { addSpecialTokens: fc.boolean(), doContinue: fc.boolean(), includeSystem: fc.boolean() },
  { requiredKeys: [] },
);
