import { createHash, timingSafeEqual } from "node:crypto";
import { ApiRequestError } from "../errors/api-request-error.js";

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/**
 * Builds the API key check: compares SHA-256 digests with `timingSafeEqual`, so neither the
 * key's length nor its content leaks through timing, and checks every configured key.
 *
 * @param keys - accepted keys (empty: every request passes).
 * @returns a function that throws for a request without a valid `Authorization: Bearer` key.
 * @internal
 */
export function createApiKeyCheck(keys: readonly string[]): (authorization: string | null) => void {
  const digests = keys.map(digest);
  return (authorization) => {
    if (digests.length === 0) return;
    const match = /^Bearer\s+(\S.*)$/i.exec(authorization ?? "");
    const headers = { "www-authenticate": 'Bearer realm="g4f"' };
    if (match === null) {
      throw new ApiRequestError({
        status: 401,
        apiCode: "missing_api_key",
        headers,
        message:
          "This server needs an API key. Send it as `Authorization: Bearer <key>` (the OpenAI clients' apiKey).",
      });
    }
    const given = digest(match[1]!.trim());
    let valid = false;
    for (const expected of digests) valid = timingSafeEqual(given, expected) || valid;
    if (!valid) {
      throw new ApiRequestError({
        status: 401,
        apiCode: "invalid_api_key",
        headers,
        message: "The API key is not valid for this server. Check the key you configured in your client.",
      });
    }
  };
}
