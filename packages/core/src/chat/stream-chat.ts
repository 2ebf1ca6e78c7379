import type { Messages } from "../types/message.js";
import type { ProviderOptions } from "../types/provider-options.js";
import type { AsyncResult, ResponsePart } from "../types/response-part.js";
import { type ProviderRef, resolveProviderRef } from "./resolve-provider-ref.js";

/** Options of {@link streamChat} and {@link chat}: provider options plus the model. */
export interface ChatOptions extends ProviderOptions {
  /** Model or alias; overrides a model given in `"Provider:model"`. Empty for the default. */
  model?: string;
}

/** A running chat: iterate it for text, or call `parts()` for text and response parts (use one). */
export interface ChatStream extends AsyncIterable<string> {
  /**
   * Everything the provider yields: text chunks and {@link ResponsePart}s.
   * @returns the parts iterable.
   */
  parts(): AsyncResult;
}

/** Turns a prompt string into one user message. @internal */
export function toMessages(messages: Messages | string): Messages {
  return typeof messages === "string" ? [{ role: "user", content: messages }] : messages;
}

async function* runChat(
  provider: ProviderRef,
  messages: Messages | string,
  options: ChatOptions,
): AsyncGenerator<string | ResponsePart, void, undefined> {
  const { model, ...providerOptions } = options;
  const resolved = await resolveProviderRef(provider, model);
  yield* resolved.instance.stream(resolved.model, toMessages(messages), providerOptions);
}

/**
 * Streams a chat answer from a provider, one text chunk at a time. Nothing runs until iteration
 * starts; breaking out of the loop stops the request and runs the provider's cleanup.
 *
 * @param provider - registry name (`"OpenAssistant"`, `"OpenAssistant:model"`), class, or instance.
 * @param messages - the conversation, or a prompt string sent as one user message.
 * @param options - model, proxy, cookies, signal, timeout and provider-specific options.
 * @returns an async iterable of text; `parts()` gives the response parts too.
 * @throws (while iterating) {@link ProviderNotFoundError}, {@link InvalidRequestError},
 *   {@link TimeoutError}, {@link AbortError} and the provider's typed errors.
 * @example
 * ```ts
 * for await (const text of streamChat("OpenAssistant", "Hello")) process.stdout.write(text);
 * ```
 */
export function streamChat(
  provider: ProviderRef,
  messages: Messages | string,
  options: ChatOptions = {},
): ChatStream {
  return {
    parts: () => runChat(provider, messages, options),
    async *[Symbol.asyncIterator]() {
      for await (const chunk of runChat(provider, messages, options)) {
        if (typeof chunk === "string") yield chunk;
      }
    },
  };
}
