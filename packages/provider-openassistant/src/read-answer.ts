import {
  type EventStreamBody,
  type FinishPart,
  type ProgressPart,
  parseEventJson,
  readEventBatches,
  StreamError,
} from "@g4f/core";
import { PROVIDER_NAME } from "./provider-name.js";

/** Options of {@link readAnswer}. */
export interface ReadAnswerOptions {
  /** Stops reading and closes the body. */
  signal?: AbortSignal | undefined;
  /** Removes secrets from text the server sends back in an `error` event. */
  redact?: ((text: string) => string) | undefined;
}

/** The events of `/api/chat/events` that we act on. */
type AnswerEvent =
  | { event_type: "token"; text?: unknown }
  | { event_type: "pending"; queue_position?: unknown; queue_size?: unknown }
  | { event_type: "message"; message?: unknown }
  | { event_type: "error"; error?: unknown; message?: unknown }
  | { event_type: string };

function toProgress(event: { queue_position?: unknown; queue_size?: unknown }): ProgressPart {
  const position = typeof event.queue_position === "number" ? event.queue_position : undefined;
  const size = typeof event.queue_size === "number" ? event.queue_size : undefined;
  return {
    type: "progress",
    state: position === 0 ? "working" : "queued",
    ...(position === undefined ? {} : { queuePosition: position }),
    ...(size === undefined ? {} : { queueSize: size }),
    message:
      position === undefined || position === 0
        ? "Waiting for a worker"
        : `Queued at position ${position}${size === undefined ? "" : ` of ${size}`}`,
  };
}

function describeServerError(event: { error?: unknown; message?: unknown }): string {
  const state =
    typeof event.message === "object" && event.message !== null
      ? (event.message as { state?: unknown }).state
      : undefined;
  const text = typeof event.error === "string" && event.error !== "" ? event.error : "no reason given";
  return typeof state === "string" ? `${text} (message state ${state})` : text;
}

/**
 * Reads the answer from the `/api/chat/events` stream: yields each non-empty `token` text as it
 * arrives, a `progress` part per `pending` event, and a `finish` part at the final `message`
 * event, then stops and closes the body. Comments, pings and unknown event types are skipped.
 *
 * @param body - the events response or its body (read and closed).
 * @param options - signal and a redaction function for server texts.
 * @returns text and parts.
 * @throws {@link @g4f/core!index.StreamError | StreamError} for an `error` event (with the server's text, after the tokens
 *   already yielded), for data that is not a JSON object, and when the stream ends without a
 *   final `message` event; {@link @g4f/core!index.AbortError | AbortError} or {@link @g4f/core!index.TimeoutError | TimeoutError} when the signal fires.
 */
export async function* readAnswer(
  body: EventStreamBody,
  options: ReadAnswerOptions = {},
): AsyncGenerator<string | ProgressPart | FinishPart, void, undefined> {
  const provider = PROVIDER_NAME;
  const signal = options.signal;
  let tokens = 0;
  // Batches: one `for await` step per chunk instead of per token (see readEventBatches).
  const batches = readEventBatches(body, { provider, signal });
  for await (const events of batches) {
    for (const event of events) {
      // The batch reader checks the signal per chunk; stop between the events of a batch too, with
      // the error and cleanup a read would give (`throw()` makes the reason typed and cancels).
      if (signal?.aborted) await batches.throw(signal.reason);
      const payload = parseEventJson<AnswerEvent | null>(event, { provider });
      if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
        throw new StreamError({
          provider,
          message: `${provider}: an event carried JSON that is not an object (${event.data.length} chars; not shown). The backend may have changed; report it.`,
        });
      }
      switch (payload.event_type) {
        case "token": {
          const text = (payload as { text?: unknown }).text;
          if (typeof text === "string" && text !== "") {
            tokens++;
            yield text;
          }
          break;
        }
        case "pending":
          yield toProgress(payload as { queue_position?: unknown; queue_size?: unknown });
          break;
        case "message":
          yield { type: "finish", reason: "stop" };
          return;
        case "error": {
          const reason = describeServerError(payload as { error?: unknown; message?: unknown });
          const safe = options.redact === undefined ? reason : options.redact(reason);
          throw new StreamError({
            provider,
            message: `${provider}: the server stopped the answer after ${tokens} token${tokens === 1 ? "" : "s"}: ${safe.slice(0, 300)}. The text so far is incomplete; try again.`,
          });
        }
        default:
          // `safe_prompt`, `plugin_intermediate` and future types carry nothing to show.
          break;
      }
    }
  }
  throw new StreamError({
    provider,
    message: `${provider}: the event stream ended after ${tokens} token${tokens === 1 ? "" : "s"} without a final message, so the answer may be incomplete. Try again.`,
  });
}
