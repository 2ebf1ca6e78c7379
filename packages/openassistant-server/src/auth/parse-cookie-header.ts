/** One cookie of a Cookie header, its value kept as the raw byte string. */
export interface RawCookie {
  /** The cookie name. */
  name: string;
  /** The value exactly as sent (one character per byte), without percent- or UTF-8 decoding. */
  value: string;
}

function isOws(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

function trimOws(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isOws(text.charCodeAt(start))) start++;
  while (end > start && isOws(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * Splits a Cookie header (a latin1 byte string, as Node gives header values) into cookies.
 * Only spaces and tabs around names and values are trimmed (never U+00A0 or other bytes, which
 * JavaScript's `trim()` would eat); a pair without `=` is skipped; the first of duplicate names wins.
 */
export function parseCookieHeader(header: string | null | undefined): RawCookie[] {
  if (!header) return [];
  const cookies: RawCookie[] = [];
  const seen = new Set<string>();
  for (const pair of header.split(";")) {
    const equals = pair.indexOf("=");
    if (equals < 0) continue;
    const name = trimOws(pair.slice(0, equals));
    if (!name || seen.has(name)) continue;
    seen.add(name);
    cookies.push({ name, value: trimOws(pair.slice(equals + 1)) });
  }
  return cookies;
}
