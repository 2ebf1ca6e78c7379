import type { ErrorResponse } from "../errors/to-error-response.js";
import type { ChatRun } from "./chat-run.js";
import {
  type CompletionHeader,
  type CompletionUsage,
  createChunk,
  toOpenAIFinishReason,
} from "./completion-objects.js";

const encoder = new TextEncoder();

function eventText(data: unknown): string {
  return `data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;
}

function event(data: unknown): Uint8Array {
  return encoder.encode(eventText(data));
}

/** Stop adding chunks to one write past this many characters, so a write stays small. */
const MAX_BATCH_CHARS = 16 * 1024;

const TURN_ENDED = Symbol("turn ended");

/**
 * Settles with `promise` if it settles before the event loop's next turn, else with TURN_ENDED.
 * Text the provider already has (parsed from one network read) arrives within a turn; waiting for
 * the network does not.
 */
function withinTurn<T>(promise: Promise<T>): Promise<T | typeof TURN_ENDED> {
  return new Promise((resolve, reject) => {
    const immediate = setImmediate(resolve, TURN_ENDED);
    promise.then(
      (value) => {
        clearImmediate(immediate);
        resolve(value);
      },
      (error: unknown) => {
        clearImmediate(immediate);
        reject(error);
      },
    );
  });
}

/**
 * The `data: …` line of a text chunk, from a template made once per stream: per chunk only the
 * text is stringified, which gives the same bytes as stringifying the whole chunk object.
 */
function textEventFactory(header: CompletionHeader, usage: null | undefined): (text: string) => string {
  const marker = JSON.stringify("\u0001");
  const sample = eventText(createChunk(header, { content: "\u0001" }, null, usage));
  const at = sample.indexOf(`"content":${marker}`) + `"content":`.length;
  const prefix = sample.slice(0, at);
  const suffix = sample.slice(at + marker.length);
  return (text) => prefix + JSON.stringify(text) + suffix;
}

/** What {@link createEventStream} needs besides the run. @internal */
export interface EventStreamOptions {
  /** Shared id, time, model and provider of the chunks. */
  header: CompletionHeader;
  /** The first text chunk, already received (headers go out only once it is known to be good). */
  head: string | undefined;
  /** Whether to send `usage: null` on each chunk and a last usage chunk (`stream_options.include_usage`). */
  includeUsage: boolean;
  /** Token counts, computed when the answer is complete. */
  usage: () => CompletionUsage;
  /** Maps a mid-stream failure to the in-band error event. */
  toError: (error: unknown) => ErrorResponse;
  /** Called once when the stream is over: `failure` is set for an in-band error or a disconnect. */
  onEnd: (failure?: { errorCode: string; message: string; level: "warn" | "error" }) => void;
}

/**
 * The SSE body of a streamed completion: a role chunk, one chunk per text chunk, a last chunk
 * with `finish_reason`, the usage chunk when asked for, then `data: [DONE]`. A failure after
 * the headers becomes one `data: {"error": {...}}` event and the stream closes, the way OpenAI
 * clients expect. Pulls from the provider only as fast as the client reads; a client that goes
 * away cancels the stream, which stops the provider and runs its cleanup.
 *
 * @param run - the provider call, with its first text chunk already taken.
 * @param options - header, first chunk, usage and error mapping.
 * @returns the body stream; it never errors.
 * @internal
 */
export function createEventStream(run: ChatRun, options: EventStreamOptions): ReadableStream<Uint8Array> {
  const { header, includeUsage } = options;
  const usageField = includeUsage ? null : undefined;
  let started = false;
  const finish = (controller: ReadableStreamDefaultController<Uint8Array>): void => {
    controller.enqueue(event(createChunk(header, {}, toOpenAIFinishReason(run.finishReason), usageField)));
    if (includeUsage) controller.enqueue(event(createChunk(header, null, null, options.usage())));
    controller.enqueue(event("[DONE]"));
    controller.close();
    options.onEnd();
  };
  const textEvent = textEventFactory(header, usageField);
  /** A `run.next()` that did not settle within the last pull's turn; the next pull awaits it. */
  let carried: Promise<string | undefined> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let batch = "";
        const flush = (): void => {
          if (batch !== "") controller.enqueue(encoder.encode(batch));
          batch = "";
        };
        try {
          if (!started) {
            started = true;
            batch = eventText(createChunk(header, { role: "assistant", content: "" }, null, usageField));
            if (options.head !== undefined) batch += textEvent(options.head);
            flush();
            if (run.finished) finish(controller);
            return;
          }
          const first = await (carried ?? run.next());
          carried = undefined;
          if (first === undefined) {
            finish(controller);
            return;
          }
          batch = textEvent(first);
          // Chunks the provider already holds go out in the same write: one syscall and one TCP
          // packet instead of one per token, the largest cost of serving a fast stream.
          while (batch.length < MAX_BATCH_CHARS) {
            const next = run.next();
            const text = await withinTurn(next);
            if (text === TURN_ENDED) {
              next.catch(() => undefined);
              carried = next;
              break;
            }
            if (text === undefined) {
              flush();
              finish(controller);
              return;
            }
            batch += textEvent(text);
          }
          flush();
        } catch (error) {
          // The text before the failure still goes out, then the in-band error.
          flush();
          const mapped = options.toError(error);
          controller.enqueue(event(mapped.body));
          controller.close();
          options.onEnd({
            errorCode: mapped.errorCode,
            message: mapped.body.error.message,
            level: mapped.level,
          });
        }
      },
      async cancel() {
        await run.stop();
        options.onEnd({
          errorCode: "CLIENT_CLOSED",
          message: "The client closed the stream.",
          level: "warn",
        });
      },
    },
    { highWaterMark: 0 },
  );
}
