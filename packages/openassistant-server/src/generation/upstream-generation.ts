import { createParser } from "eventsource-parser";
import { tokenPacket } from "../stream/packet.js";
import type { Generation, GenerationCallbacks } from "./generation.js";

/** One message of the thread sent upstream. */
export interface UpstreamMessage {
  /** OpenAI role. */
  role: "system" | "user" | "assistant";
  /** The text. */
  content: string;
}

/** What an upstream generation sends. */
export interface UpstreamRequest {
  /** Base URL of the OpenAI-compatible API. */
  baseUrl: string;
  /** Bearer key, if any. */
  apiKey: string | undefined;
  /** The upstream model. */
  model: string;
  /** The thread, oldest first. */
  messages: UpstreamMessage[];
  /** Sampling temperature, if set. */
  temperature: number | null;
  /** Nucleus p, if set. */
  topP: number | null;
  /** `max_new_tokens`. */
  maxTokens: number;
}

/** The error text of a failed upstream call; network failures and broken streams count as 502. */
export function upstreamError(status: number): string {
  return `Upstream error: ${status}`;
}

interface ChunkShape {
  choices?: Array<{ delta?: { content?: unknown } }>;
}

/**
 * Streams `POST {baseUrl}/chat/completions` and reports each non-empty
 * `choices[0].delta.content` as a token; `[DONE]` or the end of the body completes.
 */
export function startUpstreamGeneration(
  request: UpstreamRequest,
  callbacks: GenerationCallbacks,
): Generation {
  const controller = new AbortController();
  let cancelled = false;
  const run = async (): Promise<void> => {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "text/event-stream",
    };
    if (request.apiKey) headers.authorization = `Bearer ${request.apiKey}`;
    const body: Record<string, unknown> = { model: request.model, messages: request.messages, stream: true };
    if (request.temperature !== null) body.temperature = request.temperature;
    if (request.topP !== null) body.top_p = request.topP;
    body.max_tokens = request.maxTokens;
    let response: Response;
    try {
      response = await fetch(`${request.baseUrl.replace(/\/+$/, "")}/chat/completions`, {
        method: "POST",
        headers,
        body: JSON.stringify(body),
        signal: controller.signal,
      });
    } catch {
      if (!cancelled) callbacks.onError(upstreamError(502));
      return;
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => {});
      if (!cancelled) callbacks.onError(upstreamError(response.status));
      return;
    }
    let done = false;
    let failed = false;
    const parser = createParser({
      onEvent(event) {
        if (done || failed) return;
        if (event.data === "[DONE]") {
          done = true;
          return;
        }
        let chunk: ChunkShape;
        try {
          chunk = JSON.parse(event.data) as ChunkShape;
        } catch {
          failed = true;
          return;
        }
        const content = chunk.choices?.[0]?.delta?.content;
        if (typeof content === "string" && content.length > 0) callbacks.onToken(tokenPacket(content));
      },
    });
    const decoder = new TextDecoder();
    try {
      for await (const bytes of response.body) {
        if (cancelled) return;
        parser.feed(decoder.decode(bytes, { stream: true }));
        callbacks.onFlush();
        if (done || failed) break;
      }
    } catch {
      if (!cancelled) callbacks.onError(upstreamError(502));
      return;
    }
    if (cancelled) return;
    if (failed) callbacks.onError(upstreamError(502));
    else callbacks.onComplete();
  };
  void run();
  return {
    cancel() {
      cancelled = true;
      controller.abort();
    },
  };
}
