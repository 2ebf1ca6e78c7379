import { StreamError } from "../errors/stream-error.js";
import type { ServerSentEvent } from "./server-sent-event.js";

/**
 * Parses an event's `data` as JSON.
 * @param event - an event from {@link readEventStream}.
 * @param options - provider name for the error.
 * @returns the parsed value.
 * @throws {@link StreamError} naming the provider, the event type and the data length (never the
 *   data, which may hold secrets) when the data is not JSON.
 */
export function parseEventJson<T = unknown>(event: ServerSentEvent, options: { provider: string }): T {
  try {
    return JSON.parse(event.data) as T;
  } catch (error) {
    const type = event.event === undefined ? "" : ` "${event.event}"`;
    throw new StreamError({
      provider: options.provider,
      cause: error,
      message: `${options.provider}: an event${type} carried data that is not JSON (${event.data.length} chars; not shown, it may hold secrets). The backend may have changed; report it.`,
    });
  }
}
