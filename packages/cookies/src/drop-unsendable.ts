import { isUnsendable } from "./byte-string.js";
import type { CookieRecord, CookieWarning } from "./types.js";

/**
 * Drops cookies whose name or value holds CR, LF or NUL (they cannot go into a `Cookie` header
 * and must not be altered), with one `UNSENDABLE_VALUE` warning per source naming them.
 * @internal
 */
export function dropUnsendable(
  records: readonly CookieRecord[],
  source: string,
  warn: (warning: CookieWarning) => void,
): CookieRecord[] {
  const kept = records.filter((record) => !isUnsendable(record.name) && !isUnsendable(record.value));
  const dropped = records.length - kept.length;
  if (dropped > 0) {
    const names = records
      .filter((record) => !kept.includes(record))
      .map((record) => JSON.stringify(record.name.replace(/[\r\n\0]/g, "?")))
      .slice(0, 5)
      .join(", ");
    warn({
      code: "UNSENDABLE_VALUE",
      source,
      count: dropped,
      message: `${source}: ${dropped} cookie${dropped === 1 ? "" : "s"} (${names}) hold CR, LF or NUL and cannot be sent in a Cookie header; skipped.`,
    });
  }
  return kept;
}
