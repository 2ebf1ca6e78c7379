import { ApiRequestError } from "../errors/api-request-error.js";

function tooLarge(limit: number): ApiRequestError {
  return new ApiRequestError({
    status: 413,
    apiCode: "request_too_large",
    message: `The request body is larger than this server's limit of ${limit} bytes. Send fewer or shorter messages, or ask the operator to raise bodyLimit.`,
  });
}

/**
 * Reads a request body as JSON, refusing more than `limit` bytes without reading them all.
 *
 * @param request - the request.
 * @param limit - largest accepted body in bytes.
 * @returns the parsed JSON value.
 * @throws {@link ApiRequestError} 413 for a body over the limit, 400 for a body that is not JSON.
 * @internal
 */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body !== null) {
    const reader = request.body.getReader();
    try {
      while (true) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limit) {
          await reader.cancel().catch(() => undefined);
          throw tooLarge(limit);
        }
        chunks.push(value);
      }
    } finally {
      reader.releaseLock();
    }
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    throw new ApiRequestError({
      status: 400,
      apiCode: "invalid_json",
      param: "body",
      message: "The request body is not valid JSON. Send a JSON object with `model` and `messages`.",
    });
  }
}
