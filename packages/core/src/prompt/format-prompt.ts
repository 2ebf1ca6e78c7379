import { InvalidRequestError } from "../errors/invalid-request-error.js";
import type { Messages } from "../types/message.js";
import { contentToString } from "./content-to-string.js";
import { pythonCapitalize } from "./python-capitalize.js";

/** Options of {@link formatPrompt} (g4f's names in snake case). */
export interface FormatPromptOptions {
  /** Render `Role: content` lines even for a single message. @defaultValue false */
  addSpecialTokens?: boolean;
  /** Leave off the trailing `\nAssistant:` so the model continues the last message. @defaultValue false */
  doContinue?: boolean;
  /** Keep `system` and `developer` messages. @defaultValue true */
  includeSystem?: boolean;
}

// Python's str.isspace() set: what `str.strip()` removes.
const pythonWhitespace: ReadonlySet<number> = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002,
  0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

function isBlank(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    if (!pythonWhitespace.has(text.charCodeAt(index))) return false;
  }
  return true;
}

/**
 * Renders messages as one prompt, byte for byte like g4f's Python `format_prompt`:
 * `Role: content` lines joined by `\n`, then `\nAssistant:`. A single message (without
 * `addSpecialTokens`) is returned as its bare content.
 *
 * @param messages - the conversation.
 * @param options - `addSpecialTokens`, `doContinue`, `includeSystem`.
 * @returns the prompt text.
 * @throws {@link InvalidRequestError} for an empty list (without `addSpecialTokens`), a missing
 *   role or content, or a file bucket part.
 * @example
 * ```ts
 * formatPrompt([{ role: "system", content: "Be brief" }, { role: "user", content: "Hi" }]);
 * // "System: Be brief\nUser: Hi\nAssistant:"
 * ```
 */
export function formatPrompt(messages: Messages, options: FormatPromptOptions = {}): string {
  const addSpecialTokens = options.addSpecialTokens ?? false;
  const doContinue = options.doContinue ?? false;
  const includeSystem = options.includeSystem ?? true;
  if (!Array.isArray(messages)) {
    throw new InvalidRequestError({
      field: "messages",
      message: "`messages` must be an array of { role, content } objects.",
    });
  }
  if (!addSpecialTokens && messages.length <= 1) {
    const only = messages[0];
    if (only === undefined) {
      throw new InvalidRequestError({
        field: "messages",
        message:
          "`messages` is empty. Pass at least one message, or set addSpecialTokens to format an empty conversation.",
      });
    }
    return contentToString((only as { content?: unknown }).content, "messages[0].content");
  }
  const lines: string[] = [];
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index] as { role?: unknown; content?: unknown } | undefined;
    const role = message?.role;
    if (!includeSystem && (role === "system" || role === "developer")) continue;
    if (typeof role !== "string") {
      throw new InvalidRequestError({
        field: `messages[${index}].role`,
        message: `messages[${index}].role must be a string such as "user" or "assistant".`,
      });
    }
    const content = contentToString(message?.content, `messages[${index}].content`);
    if (isBlank(content)) continue;
    lines.push(`${pythonCapitalize(role)}: ${content}`);
  }
  const formatted = lines.join("\n");
  return doContinue ? formatted : `${formatted}\nAssistant:`;
}
