import type { ByteStream, StreamedResponse } from "./http-types.js";
import { type BufferedReply, toHeaders } from "./send-buffered.js";

/**
 * A {@link StreamedResponse} over undici's Node stream body; headers become a `Headers` object
 * only when read.
 * @internal
 */
export function fromBufferedReply(reply: BufferedReply): StreamedResponse {
  const nodeBody = reply.body;
  const body: ByteStream = {
    [Symbol.asyncIterator]: () => nodeBody[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>,
    cancel: async () => {
      if (!nodeBody.destroyed) nodeBody.destroy();
    },
  };
  let headers: Headers | undefined;
  return {
    status: reply.status,
    get headers() {
      headers ??= toHeaders(reply.rawHeaders);
      return headers;
    },
    body,
  };
}

/**
 * A {@link StreamedResponse} over a fetch `Response` (when body timeouts need fetch's guard, or
 * after a redirect).
 * @internal
 */
export function fromFetchResponse(response: Response): StreamedResponse {
  const webBody =
    response.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
  // Iterating locks the stream, after which only the iterator's `return()` can cancel it.
  let iterator: AsyncIterator<Uint8Array> | undefined;
  const body: ByteStream = {
    [Symbol.asyncIterator]: () => {
      iterator = (webBody as unknown as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
      return iterator;
    },
    cancel: async () => {
      if (iterator === undefined) await webBody.cancel().catch(() => undefined);
      else await iterator.return?.().catch(() => undefined);
    },
  };
  return { status: response.status, headers: response.headers, body };
}
