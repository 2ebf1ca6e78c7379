/** The largest body accepted, as Next.js's default `1mb` body parser limit. */
export const BODY_LIMIT_BYTES: number = 1024 * 1024;

/** A parsed body, or the error reply Next.js's body parser gave. */
export type BodyResult = { ok: true; body: unknown } | { ok: false; status: 400 | 413; text: string };

function isJsonType(contentType: string): boolean {
  const type = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  return type === "application/json" || type === "application/ld+json";
}

// Past the limit the rest is still read (and dropped) so the 413 reaches the client on a
// connection it can reuse; beyond this much the read stops.
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

async function readLimited(request: Request): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > DRAIN_LIMIT_BYTES) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    if (total <= BODY_LIMIT_BYTES) chunks.push(value);
  }
  if (total > BODY_LIMIT_BYTES) return undefined;
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a body as Next.js's API body parser did: over 1 MB → `413 Body exceeded 1mb limit`;
 * a JSON content type is parsed (empty → `{}`, invalid → `400 Invalid JSON`); a form is decoded
 * into an object; anything else stays a string (empty → `undefined` for GET-like requests).
 */
export async function readBody(request: Request): Promise<BodyResult> {
  if (request.method === "GET" || request.method === "HEAD") return { ok: true, body: undefined };
  const bytes = await readLimited(request);
  if (!bytes) return { ok: false, status: 413, text: "Body exceeded 1mb limit" };
  const text = new TextDecoder().decode(bytes);
  const contentType = request.headers.get("content-type") ?? "";
  if (isJsonType(contentType)) {
    if (text.length === 0) return { ok: true, body: {} };
    try {
      return { ok: true, body: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, status: 400, text: "Invalid JSON" };
    }
  }
  if (contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    return { ok: true, body: Object.fromEntries(new URLSearchParams(text)) };
  }
  return { ok: true, body: text.length === 0 ? undefined : text };
}

/** The body as the website's handlers saw it after `{chat_id, ...data}`: a plain object, else `{}`. */
export function bodyObject(body: unknown): Record<string, unknown> {
  return typeof body === "object" && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}
