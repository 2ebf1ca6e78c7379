import { maskValue } from "./cookie-record.js";
import type { CookieRecord } from "./types.js";

/**
 * Shows cookies without their values, for logs and error reports: `name=[redacted, N bytes]`
 * joined by `; `. Accepts a name → value map, records, or a `Cookie` header string.
 *
 * @param cookies - the cookies to describe.
 * @returns names and sizes only.
 * @example
 * ```ts
 * redact({ sid: "s3cr3t" }); // "sid=[redacted, 6 bytes]"
 * ```
 */
export function redact(cookies: Readonly<Record<string, string>> | readonly CookieRecord[] | string): string {
  let pairs: [string, string][];
  if (typeof cookies === "string") {
    pairs = cookies
      .split(";")
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map((part) => {
        const equals = part.indexOf("=");
        return equals < 0 ? ["", part] : [part.slice(0, equals).trim(), part.slice(equals + 1).trim()];
      });
  } else if (Array.isArray(cookies)) {
    pairs = (cookies as readonly CookieRecord[]).map((cookie) => [cookie.name, cookie.value]);
  } else {
    pairs = Object.entries(cookies as Readonly<Record<string, string>>);
  }
  return pairs.map(([name, value]) => `${name}=${maskValue(String(value))}`).join("; ");
}
