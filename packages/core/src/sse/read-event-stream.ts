import { EventStreamIterator } from "./event-stream-iterator.js";
import type { EventStreamBody, ReadEventStreamOptions, ServerSentEvent } from "./server-sent-event.js";

/**
 * Reads a `text/event-stream` body as events, over eventsource-parser with one streaming UTF-8
 * decoder. Handles `\n`, `\r\n` and `\r` framing and UTF-8 sequences split across chunks; skips
 * comments and legacy `event: ping` events; dispatches a last event left without its blank line at
 * a clean end of stream. The body is cancelled when the consumer stops early. On hot paths,
 * {@link readEventBatches} hands out the same events a chunk at a time, for less overhead.
 *
 * @param body - a fetch `Response`, its body stream, or an `http.stream()` body.
 * @param options - provider name, signal, first-chunk and between-chunks timeouts, buffer limit.
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
export function readEventStream(
  body: EventStreamBody,
  options: ReadEventStreamOptions,
): AsyncGenerator<ServerSentEvent, void, undefined> {
  // A hand-written iterator, not `async function*`: see EventStreamIterator for why.
  return new EventStreamIterator(body, options);
}
