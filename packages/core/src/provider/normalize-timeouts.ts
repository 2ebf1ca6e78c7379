import { InvalidRequestError } from "../errors/invalid-request-error.js";
import type { TimeoutOptions } from "../types/provider-options.js";

const keys = ["total", "firstChunk", "betweenChunks", "request"] as const;

/**
 * Turns `options.timeout` (a number or an object) into a checked {@link TimeoutOptions}.
 * A number is the total limit. `0` means no limit and is dropped.
 *
 * @param timeout - the caller's `timeout` option.
 * @param provider - provider name for the error.
 * @returns limits in ms, only the ones set.
 * @throws {@link InvalidRequestError} for a negative, non-finite or non-number limit.
 */
export function normalizeTimeouts(
  timeout: number | TimeoutOptions | undefined,
  provider?: string,
): TimeoutOptions {
  if (timeout === undefined) return {};
  const input: TimeoutOptions = typeof timeout === "number" ? { total: timeout } : timeout;
  if (typeof input !== "object" || input === null) {
    throw new InvalidRequestError({
      field: "timeout",
      ...(provider === undefined ? {} : { provider }),
      message:
        "`timeout` must be a number of milliseconds or an object { total, firstChunk, betweenChunks, request }.",
    });
  }
  const result: TimeoutOptions = {};
  for (const key of keys) {
    const value = input[key];
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new InvalidRequestError({
        field: typeof timeout === "number" ? "timeout" : `timeout.${key}`,
        ...(provider === undefined ? {} : { provider }),
        message: `timeout.${key} must be a finite number of milliseconds ≥ 0 (0 = no limit); got ${String(value)}.`,
      });
    }
    if (value > 0) result[key] = value;
  }
  return result;
}
