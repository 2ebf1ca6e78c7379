import type { ReadableStreamReadResult } from "node:stream/web";
import { TimeoutError } from "../errors/timeout-error.js";
import { type AbortSources, translateTransportError } from "./translate-transport-error.js";

/** Limits on reading a body. @internal */
export interface GuardBodyOptions {
  /** Provider name for errors. */
  provider: string;
  /** Host for errors. */
  host: string;
  /** Max ms until the first body chunk. */
  firstChunk?: number | undefined;
  /** Max idle ms between body chunks. */
  betweenChunks?: number | undefined;
  /** Signals that explain a failure. */
  sources: AbortSources;
  /** Called once when the body is done, failed or cancelled. */
  onEnd: () => void;
}

/**
 * Wraps a body so idle timeouts and broken connections surface as typed errors.
 * Only used when body timeouts are set: it costs one extra hop per chunk.
 * @internal
 */
export function guardBody(
  body: ReadableStream<Uint8Array>,
  options: GuardBodyOptions,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let sawChunk = false;
  let ended = false;
  const end = (): void => {
    if (!ended) {
      ended = true;
      options.onEnd();
    }
  };
  const readWithLimit = (): Promise<ReadableStreamReadResult<Uint8Array>> => {
    const limit = sawChunk ? options.betweenChunks : options.firstChunk;
    if (limit === undefined) return reader.read();
    const kind = sawChunk ? "betweenChunks" : "firstChunk";
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const error = new TimeoutError({ provider: options.provider, timeout: kind, ms: limit });
        reject(error);
        reader.cancel(error).catch(() => undefined);
      }, limit);
      reader.read().then(
        (result) => {
          clearTimeout(timer);
          resolve(result);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const result = await readWithLimit();
          if (result.done) {
            end();
            controller.close();
            return;
          }
          sawChunk = true;
          controller.enqueue(result.value);
        } catch (error) {
          end();
          controller.error(
            translateTransportError(error, options.sources, {
              provider: options.provider,
              host: options.host,
              phase: "body",
            }),
          );
        }
      },
      cancel(reason) {
        end();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
