import type { FormatPromptOptions, Message, Messages } from "../../../src/index.js";

// An independent reading of openassistant-protocol.md section 3, kept deliberately naive (regular
// expressions and lookups, no shared code with src/prompt) so a bug in one is unlikely in both.

/** Python's `str.isspace()` characters, as listed in the protocol (section 3, rule 4). */
export const PYTHON_WHITESPACE: string =
  "\t\n\u000b\f\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680" +
  "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" +
  "\u2028\u2029\u202f\u205f\u3000";

/** Characters some other trim considers blank but Python does not: they must be kept. */
export const NOT_PYTHON_WHITESPACE: string = "\ufeff\u200b\u180e\u2060";

const blank = new RegExp(`^[${PYTHON_WHITESPACE}]*$`, "u");

/**
 * Roles whose `str.capitalize()` was computed with CPython 3.11 (the non-ASCII cases the oracle
 * cannot derive by itself: title case, special casing, final sigma, dotted I).
 */
export const PYTHON_CAPITALIZED: ReadonlyMap<string, string> = new Map([
  ["\u00dfeta", "Sseta"],
  ["\u0130stanbul", "\u0130stanbul"],
  ["\u0149x", "\u02bcNx"],
  ["\u01f0x", "J\u030cx"],
  ["\u0390x", "\u0399\u0308\u0301x"],
  ["\ufb03x", "Ffix"],
  ["\u1f80x", "\u1f88x"],
  ["\u01c6emal", "\u01c5emal"],
  ["\u01c5X", "\u01c5x"],
  ["\uab70x", "\u13a0x"],
  ["\u13f8x", "\u13f0x"],
  ["\u24d0\u24b7", "\u24b6\u24d1"],
  ["\ud801\udc28\ud801\udc00", "\ud801\udc00\ud801\udc28"],
  ["\u03a3\u0391\u03a3 x", "\u03a3\u03b1\u03c2 x"],
  ["a\u03a3", "A\u03c2"],
  ["\ufb00\u03a3", "Ff\u03c2"],
  ["\u0391\u03a3", "\u0391\u03c2"],
  ["\u1fb3", "\u1fbc"],
]);

/** Python's `capitalize()` for ASCII roles and for the roles of {@link PYTHON_CAPITALIZED}. */
export function oracleCapitalize(role: string): string {
  const known = PYTHON_CAPITALIZED.get(role);
  if (known !== undefined) return known;
  if ([...role].some((char) => char.codePointAt(0)! > 0x7f))
    throw new Error(`the oracle cannot capitalize ${JSON.stringify(role)}`);
  return role.slice(0, 1).toUpperCase() + role.slice(1).toLowerCase();
}

/** g4f's `to_string` for the content shapes of the `Messages` type. */
export function oracleToString(content: Message["content"]): string {
  if (content === null) return "";
  if (typeof content === "string") return content;
  return content
    .filter((part) => part.type === undefined || part.type === "text")
    .map((part) => (typeof part.text === "string" ? part.text : ""))
    .join("");
}

/** Whether g4f skips this content (empty or only Python whitespace). */
export function isPythonBlank(text: string): boolean {
  return blank.test(text);
}

/** The expected `formatPrompt` result, straight from the five rules of section 3. */
export function oracleFormatPrompt(messages: Messages, options: FormatPromptOptions = {}): string {
  const { addSpecialTokens = false, doContinue = false, includeSystem = true } = options;
  if (!addSpecialTokens && messages.length <= 1) return oracleToString(messages[0]!.content);
  const kept = includeSystem
    ? messages
    : messages.filter((message) => message.role !== "system" && message.role !== "developer");
  const lines = kept
    .map((message) => ({ role: message.role, text: oracleToString(message.content) }))
    .filter((line) => !isPythonBlank(line.text))
    .map((line) => `${oracleCapitalize(line.role)}: ${line.text}`);
  return lines.join("\n") + (doContinue ? "" : "\nAssistant:");
}
