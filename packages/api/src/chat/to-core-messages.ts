import type { Message, Messages } from "@g4f/core";
import type { ChatRequest } from "./chat-request-schema.js";

/**
 * Turns validated OpenAI messages into core messages (content kept as a string or parts; the
 * provider's prompt formatting skips non-text parts).
 * @param messages - the request's messages.
 * @returns core messages.
 * @internal
 */
export function toCoreMessages(messages: ChatRequest["messages"]): Messages {
  return messages.map((message): Message => {
    const converted: Message = {
      role: message.role,
      content: (message.content ?? null) as Message["content"],
    };
    if (message.name !== undefined) converted.name = message.name;
    return converted;
  });
}
