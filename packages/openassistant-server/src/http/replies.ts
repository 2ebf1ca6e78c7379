// Replies in the website's shapes. Responses are built by hand (not with hono's helpers) so that
// empty replies carry no Content-Type and JSON says `charset=utf-8`, as the protocol doc fixes.

const JSON_TYPE = "application/json; charset=utf-8";
const TEXT_TYPE = "text/plain; charset=utf-8";

/** A marker on responses that must not be written: the socket was reset or the request hung. */
export const NO_REPLY: unique symbol = Symbol("g4f.openassistant-server.no-reply");

/** A response the HTTP layer must not write (`reset` and `hang` faults). */
export type NoReplyResponse = Response & { [NO_REPLY]: "reset" | "closed" };

/** Whether a response is a {@link NoReplyResponse}. */
export function isNoReply(response: Response): response is NoReplyResponse {
  return NO_REPLY in response;
}

/** Builds a {@link NoReplyResponse}. */
export function noReply(kind: "reset" | "closed"): NoReplyResponse {
  return Object.assign(new Response(null, { status: 599 }), { [NO_REPLY]: kind }) as NoReplyResponse;
}

/** Compact raw UTF-8 JSON. */
export function jsonReply(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": JSON_TYPE, ...headers } });
}

/** A reply with no body and no Content-Type. */
export function emptyReply(status: number): Response {
  return new Response(null, { status });
}

/** A plain-text reply. */
export function textReply(text: string, status: number): Response {
  return new Response(text, { status, headers: { "content-type": TEXT_TYPE } });
}

/** `500 Internal Server Error`, as Next.js answered unhandled failures. */
export function internalError(): Response {
  return textReply("Internal Server Error", 500);
}

/** The website's `{ "message": detail }` error of the message routes. */
export function messageError(
  status: number,
  detail: unknown,
  headers: Record<string, string> = {},
): Response {
  return jsonReply({ message: detail }, status, headers);
}

/** `500 {"message":"Something went wrong"}`. */
export function somethingWentWrong(): Response {
  return messageError(500, "Something went wrong");
}
