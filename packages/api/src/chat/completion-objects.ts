import { randomUUID } from "node:crypto";
import type { FinishReason } from "@g4f/core";

/** OpenAI's `usage` object. */
export interface CompletionUsage {
  /** Tokens in the prompt (estimated when the provider reports none). */
  prompt_tokens: number;
  /** Tokens in the answer (estimated when the provider reports none). */
  completion_tokens: number;
  /** Their sum. */
  total_tokens: number;
}

/** What every completion object and chunk of one response shares. @internal */
export interface CompletionHeader {
  /** `chatcmpl-…`, the same for every chunk of a stream. */
  id: string;
  /** Unix time in seconds. */
  created: number;
  /** Model that answered. */
  model: string;
  /** g4f's extra field: the provider that answered. */
  provider: string;
}

/** OpenAI finish reasons this server emits. */
export type OpenAIFinishReason = "stop" | "length";

/**
 * Creates the shared header of one response.
 * @param provider - the provider that answers.
 * @param model - the model that answers.
 * @returns a header with a fresh id and the current time.
 * @internal
 */
export function createCompletionHeader(provider: string, model: string): CompletionHeader {
  return {
    id: `chatcmpl-${randomUUID().replaceAll("-", "")}`,
    created: Math.floor(Date.now() / 1000),
    model,
    provider,
  };
}

/**
 * Maps a g4f finish reason to OpenAI's (`length` stays, everything else is `stop`).
 * @param reason - the provider's reason.
 * @returns the OpenAI value.
 * @internal
 */
export function toOpenAIFinishReason(reason: FinishReason): OpenAIFinishReason {
  return reason === "length" ? "length" : "stop";
}

/**
 * A whole `chat.completion` object.
 * @param header - id, time, model, provider.
 * @param content - the answer.
 * @param finishReason - why it ended.
 * @param usage - token counts.
 * @returns the object to send as JSON.
 * @internal
 */
export function createCompletion(
  header: CompletionHeader,
  content: string,
  finishReason: FinishReason,
  usage: CompletionUsage,
): Record<string, unknown> {
  return {
    id: header.id,
    object: "chat.completion",
    created: header.created,
    model: header.model,
    provider: header.provider,
    system_fingerprint: null,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content, refusal: null },
        logprobs: null,
        finish_reason: toOpenAIFinishReason(finishReason),
      },
    ],
    usage,
  };
}

/**
 * One `chat.completion.chunk`.
 * @param header - id, time, model, provider.
 * @param delta - the delta (`{ role }`, `{ content }` or `{}`); `null` for the usage-only chunk.
 * @param finishReason - set on the last content chunk only.
 * @param usage - `undefined` leaves the field out, `null` sends `usage: null` (include_usage), an object the counts.
 * @returns the chunk to send as one SSE event.
 * @internal
 */
export function createChunk(
  header: CompletionHeader,
  delta: Record<string, unknown> | null,
  finishReason: OpenAIFinishReason | null,
  usage?: CompletionUsage | null,
): Record<string, unknown> {
  const chunk: Record<string, unknown> = {
    id: header.id,
    object: "chat.completion.chunk",
    created: header.created,
    model: header.model,
    provider: header.provider,
    system_fingerprint: null,
    choices: delta === null ? [] : [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
  if (usage !== undefined) chunk.usage = usage;
  return chunk;
}
