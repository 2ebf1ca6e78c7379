/**
 * Reads a `Retry-After` header: delay seconds or an HTTP date.
 * @param value - the header value.
 * @param now - the current time in ms (for dates).
 * @returns seconds to wait (≥ 0), or `undefined` when absent or unparsable.
 * @internal
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
