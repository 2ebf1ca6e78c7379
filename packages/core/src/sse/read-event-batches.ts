import { EventBatchIterator } from "./event-batch-iterator.js";
import type { EventStreamBody, ReadEventBatchesOptions, ServerSentEvent } from "./server-sent-event.js";

/**
 * Reads a `text/event-stream` body as batches of events: one array per body chunk that produced
 * at least one event, never an empty one, and a fresh array each time (keep it if you like).
 * Parsing, options, errors and cleanup are those of {@link readEventStream}; only the unit handed
 * out differs. Prefer it on hot paths: a `for await` step costs about as much as parsing a small
 * event, and here it is paid once per chunk instead of once per event.
 *
 * The signal is checked before every read, not between the events of a batch; a consumer that
 * must stop mid-batch checks `signal.aborted` itself (and may call the iterator's `throw()` with
 * `signal.reason` to get the same typed error and cleanup as a read would).
 *
 * @param body - a fetch `Response`, its body stream, or an `http.stream()` body.
 * @param options - provider name, signal, first-chunk and between-chunks timeouts, buffer limit.
 * @returns the batches, in order.
 * @throws (while iterating) {@link StreamError} when the connection breaks or a line exceeds the
 *   buffer limit, {@link TimeoutError} naming the timeout, {@link AbortError} on abort.
 * @example
 * ```ts
 * for await (const events of readEventBatches(response, { provider: "OpenAssistant", signal })) {
 *   for (const event of events) {
 *     const payload = parseEventJson<{ type: string }>(event, { provider: "OpenAssistant" });
 *   }
 * }
 * ```
 */
export function readEventBatches(
  body: EventStreamBody,
  options: ReadEventBatchesOptions,
): AsyncGenerator<ServerSentEvent[], void, undefined> {
  return new EventBatchIterator(body, options);
}
