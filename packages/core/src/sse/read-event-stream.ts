import { createParser, type EventSourceMessage, type ParseError } from "eventsource-parser";
import { AbortError } from "../errors/abort-error.js";
import { G4FError } from "../errors/g4f-error.js";
import { StreamError } from "../errors/stream-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import type { ReadEventStreamOptions, ServerSentEvent } from "./server-sent-event.js";

type Reader = ReadableStreamDefaultReader<Uint8Array>;
type ReadResult = { done: true; value?: undefined } | { done: false; value: Uint8Array };

/** Reads once, bounded by a timeout and a signal; plain `reader.read()` when neither is set. */
function guardedRead(
  reader: Reader,
  signal: AbortSignal | undefined,
  limit: number | undefined,
  onTimeout: () => unknown,
): Promise<ReadResult> {
  if (signal === undefined && limit === undefined) return reader.read() as Promise<ReadResult>;
  return new Promise<ReadResult>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    if (limit !== undefined) {
      timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        reject(onTimeout());
      }, limit);
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    (reader.read() as Promise<ReadResult>).then(
      (result) => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        resolve(result);
      },
      (error: unknown) => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

function toStreamFailure(error: unknown, options: ReadEventStreamOptions): G4FError {
  const signal = options.signal;
  if (signal?.aborted) {
    return G4FError.isInstance(signal.reason)
      ? signal.reason
      : new AbortError({ provider: options.provider, cause: signal.reason });
  }
  if (G4FError.isInstance(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new StreamError({
    provider: options.provider,
    cause: error,
    message: `${options.provider}: the event stream broke (${detail}). Try again.`,
  });
}

/**
 * Reads a `text/event-stream` body as events, over eventsource-parser with one streaming UTF-8
 * decoder. Handles `\n`, `\r\n` and `\r` framing and UTF-8 sequences split across chunks; skips
 * comments and legacy `event: ping` events; dispatches a last event left without its blank line at
 * a clean end of stream. The body is cancelled when the consumer stops early.
 *
 * @param body - a fetch `Response` or its body stream.
 * @param options - provider name, signal, first-chunk and between-chunks timeouts.
 * @returns the events, in order.
 * @throws (while iterating) {@link StreamError} when the connection breaks or a line exceeds the
 *   buffer limit, {@link TimeoutError} naming the timeout, {@link AbortError} on abort.
 * @example
 * ```ts
 * for await (const event of readEventStream(response, { provider: "OpenAssistant", signal })) {
 *   const payload = parseEventJson<{ type: string }>(event, { provider: "OpenAssistant" });
 * }
 * ```
 */
export async function* readEventStream(
  body: ReadableStream<Uint8Array> | Response,
  options: ReadEventStreamOptions,
): AsyncGenerator<ServerSentEvent, void, undefined> {
  const stream = "getReader" in body ? body : body.body;
  if (stream === null) return;
  const { provider, signal } = options;
  const firstChunk =
    options.firstChunkTimeout !== undefined && options.firstChunkTimeout > 0
      ? options.firstChunkTimeout
      : undefined;
  const betweenChunks =
    options.betweenChunksTimeout !== undefined && options.betweenChunksTimeout > 0
      ? options.betweenChunksTimeout
      : undefined;
  const reader = stream.getReader() as Reader;
  const decoder = new TextDecoder();
  // Events of the current chunk; reused, so the reader allocates nothing per event itself.
  const pending: EventSourceMessage[] = [];
  let overflow: ParseError | undefined;
  const parser = createParser({
    onEvent: (event) => {
      if (event.event !== "ping") pending.push(event);
    },
    onError: (error) => {
      if (error.type === "max-buffer-size-exceeded") overflow = error;
    },
    maxBufferSize: options.maxBufferSize ?? 8 * 1024 * 1024,
  });
  let finished = false;
  let sawChunk = false;
  try {
    while (true) {
      const limit = sawChunk ? betweenChunks : firstChunk;
      const result = await guardedRead(
        reader,
        signal,
        limit,
        () =>
          new TimeoutError({ provider, timeout: sawChunk ? "betweenChunks" : "firstChunk", ms: limit ?? 0 }),
      );
      if (result.done) {
        finished = true;
        parser.feed(`${decoder.decode()}\n\n`);
      } else {
        sawChunk = true;
        parser.feed(decoder.decode(result.value, { stream: true }));
      }
      if (overflow !== undefined) {
        throw new StreamError({
          provider,
          cause: overflow,
          message: `${provider}: an event stream line exceeded ${options.maxBufferSize ?? 8 * 1024 * 1024} characters; the response is not a usable event stream.`,
        });
      }
      for (let index = 0; index < pending.length; index++) yield pending[index] as ServerSentEvent;
      pending.length = 0;
      if (finished) return;
    }
  } catch (error) {
    throw toStreamFailure(error, options);
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
