import { inspect } from "node:util";
import type { CookieRecord } from "./types.js";

/**
 * Text shown instead of a cookie value.
 * @param value - the byte-string value.
 * @returns `[redacted, N bytes]`.
 */
export function maskValue(value: string): string {
  return `[redacted, ${value.length} bytes]`;
}

/**
 * Builds a {@link CookieRecord}: a frozen plain object whose `value` is non-enumerable (spreading,
 * `Object.entries` and `structuredClone` never copy it) and whose `toJSON` and `util.inspect`
 * show `[redacted, N bytes]` instead of the value.
 *
 * @param fields - every attribute of the cookie; `value` must already be a byte string.
 * @returns the record.
 * @example
 * ```ts
 * const record = createCookieRecord({ name: "sid", value: "secret", domain: "example.com",
 *   hostOnly: false, path: "/", secure: true, httpOnly: true, source: { kind: "caller" } });
 * record.value;            // "secret"
 * JSON.stringify(record);  // {"name":"sid","value":"[redacted, 6 bytes]",...}
 * ```
 */
export function createCookieRecord(fields: Omit<CookieRecord, never>): CookieRecord {
  const record: Record<string, unknown> = {
    name: fields.name,
    domain: fields.domain,
    hostOnly: fields.hostOnly,
    path: fields.path,
    secure: fields.secure,
    httpOnly: fields.httpOnly,
  };
  if (fields.sameSite !== undefined) record.sameSite = fields.sameSite;
  if (fields.expires !== undefined) record.expires = fields.expires;
  if (fields.creationTime !== undefined) record.creationTime = fields.creationTime;
  record.source = Object.freeze({ ...fields.source });
  const value = fields.value;
  const safeView = (): Record<string, unknown> => {
    const view: Record<string, unknown> = { name: record.name, value: maskValue(value), ...record };
    return view;
  };
  Object.defineProperties(record, {
    value: { value, enumerable: false, writable: false, configurable: false },
    toJSON: { value: safeView, enumerable: false, writable: false, configurable: false },
    [inspect.custom]: {
      value: (depth: number, options: object): string =>
        `CookieRecord ${inspect(safeView(), { ...options, depth: Math.max(depth, 0) })}`,
      enumerable: false,
      writable: false,
      configurable: false,
    },
  });
  return Object.freeze(record) as unknown as CookieRecord;
}
