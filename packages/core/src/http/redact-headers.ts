const secretHeaders = new Set([
  "cookie",
  "set-cookie",
  "authorization",
  "proxy-authorization",
  "x-api-key",
  "api-key",
]);

/**
 * Copies headers for a debug event, replacing secret values by their size.
 * @param headers - request or response headers.
 * @returns lower-cased names to safe values.
 * @internal
 */
export function redactHeaders(headers: Iterable<[string, string]>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    result[lower] = secretHeaders.has(lower) ? `[redacted, ${value.length} chars]` : value;
  }
  return result;
}

/**
 * A URL without user info, safe for logs.
 * @internal
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username !== "" || parsed.password !== "") {
      parsed.username = "";
      parsed.password = "";
    }
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^/@]*@/, "//");
  }
}
