import { InvalidRequestError } from "../errors/invalid-request-error.js";
import type { Messages } from "../types/message.js";

function fail(field: string, message: string): never {
  throw new InvalidRequestError({ field, message });
}

/**
 * Checks that a value is a non-empty list of well-formed messages.
 *
 * @param messages - anything, typically parsed JSON.
 * @throws {@link InvalidRequestError} naming the bad field (`messages[2].role`) and what to send instead.
 * @example
 * ```ts
 * validateMessages(JSON.parse(body).messages); // now typed as Messages
 * ```
 */
export function validateMessages(messages: unknown): asserts messages is Messages {
  if (!Array.isArray(messages)) {
    fail("messages", "`messages` must be an array of { role, content } objects.");
  }
  if (messages.length === 0) {
    fail(
      "messages",
      '`messages` is empty. Send at least one message, e.g. [{ role: "user", content: "Hi" }].',
    );
  }
  for (let index = 0; index < messages.length; index++) {
    const message: unknown = messages[index];
    const path = `messages[${index}]`;
    if (typeof message !== "object" || message === null || Array.isArray(message)) {
      fail(path, `${path} must be an object { role, content }.`);
    }
    const { role, content, name } = message as Record<string, unknown>;
    if (typeof role !== "string" || role === "") {
      fail(
        `${path}.role`,
        `${path}.role is missing. Set it to "user", "assistant", "system", or another role name.`,
      );
    }
    if (!("content" in message)) {
      fail(`${path}.content`, `${path}.content is missing. Use a string, a list of parts, or null.`);
    }
    if (content !== null && typeof content !== "string") {
      if (!Array.isArray(content)) {
        fail(`${path}.content`, `${path}.content must be a string, a list of parts, or null.`);
      }
      for (let partIndex = 0; partIndex < content.length; partIndex++) {
        const part: unknown = content[partIndex];
        const partPath = `${path}.content[${partIndex}]`;
        if (typeof part !== "object" || part === null || Array.isArray(part)) {
          fail(partPath, `${partPath} must be an object such as { type: "text", text: "…" }.`);
        }
        const { type, text } = part as Record<string, unknown>;
        if (type !== undefined && typeof type !== "string")
          fail(`${partPath}.type`, `${partPath}.type must be a string.`);
        if ((type === "text" || type === undefined) && text !== undefined && typeof text !== "string") {
          fail(`${partPath}.text`, `${partPath}.text must be a string.`);
        }
      }
    }
    if (name !== undefined && typeof name !== "string")
      fail(`${path}.name`, `${path}.name must be a string.`);
  }
}
