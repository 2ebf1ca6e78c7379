import type { Messages } from "../types/message.js";
import type { FinishReason, ResponsePart, UsagePart } from "../types/response-part.js";
import { type ProviderRef, resolveProviderRef } from "./resolve-provider-ref.js";
import { type ChatOptions, toMessages } from "./stream-chat.js";

/** The whole answer of {@link chat}. */
export interface ChatResult {
  /** All text chunks joined. */
  text: string;
  /** Provider that answered (from a `provider-info` part when the provider reports one). */
  provider: string;
  /** Model that answered. */
  model: string;
  /** Why the answer ended; `"stop"` when the provider did not say. */
  finishReason: FinishReason;
  /** Token counts, when reported. */
  usage?: Omit<UsagePart, "type">;
  /** Every non-text part, in order. */
  parts: ResponsePart[];
}

/**
 * Runs a chat and returns the whole answer.
 *
 * @param provider - registry name (`"OpenAssistant"`, `"OpenAssistant:model"`), class, or instance.
 * @param messages - the conversation, or a prompt string sent as one user message.
 * @param options - model, proxy, cookies, signal, timeout and provider-specific options.
 * @returns text, provider, model, finish reason, usage and parts.
 * @throws the same typed errors as {@link streamChat}.
 * @example
 * ```ts
 * const { text } = await chat("OpenAssistant", "Hello", { timeout: 60_000 });
 * ```
 */
export async function chat(
  provider: ProviderRef,
  messages: Messages | string,
  options: ChatOptions = {},
): Promise<ChatResult> {
  const { model, ...providerOptions } = options;
  const resolved = await resolveProviderRef(provider, model);
  let text = "";
  const parts: ResponsePart[] = [];
  const result: ChatResult = {
    text,
    provider: resolved.name,
    model: resolved.model,
    finishReason: "stop",
    parts,
  };
  for await (const chunk of resolved.instance.stream(resolved.model, toMessages(messages), providerOptions)) {
    if (typeof chunk === "string") {
      text += chunk;
      continue;
    }
    parts.push(chunk);
    if (chunk.type === "finish") result.finishReason = chunk.reason;
    else if (chunk.type === "provider-info") {
      result.provider = chunk.provider;
      result.model = chunk.model;
    } else if (chunk.type === "usage") {
      const { type: _type, ...usage } = chunk;
      result.usage = usage;
    }
  }
  result.text = text;
  return result;
}
