import type { ErrorResponse } from "../errors/to-error-response.js";
import type { ChatRun } from "./chat-run.js";
import {
  type CompletionHeader,
  type CompletionUsage,
  createChunk,
  toOpenAIFinishReason,
} from "./completion-objects.js";

const encoder = new TextEncoder();

function event(data: unknown): Uint8Array {
  return encoder.encode(`data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);
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
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!started) {
            started = true;
            controller.enqueue(
              event(createChunk(header, { role: "assistant", content: "" }, null, usageField)),
            );
            if (options.head !== undefined)
              controller.enqueue(event(createChunk(header, { content: options.head }, null, usageField)));
            if (run.finished) finish(controller);
            return;
          }
          const text = await run.next();
          if (text === undefined) finish(controller);
          else controller.enqueue(event(createChunk(header, { content: text }, null, usageField)));
        } catch (error) {
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
