import type { ErrorResponse } from "../errors/to-error-response.js";

/**
 * Sends an error as OpenAI's JSON error response.
 * @param error - status, body and headers.
 * @returns the response.
 * @internal
 */
export function errorToResponse(error: ErrorResponse): Response {
  return new Response(JSON.stringify(error.body), {
    status: error.status,
    headers: { "content-type": "application/json; charset=utf-8", ...error.headers },
  });
}
