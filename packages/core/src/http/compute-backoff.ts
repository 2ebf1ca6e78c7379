/** Backoff settings. @internal */
export interface BackoffOptions {
  /** First delay. */
  minDelayMs: number;
  /** Cap. */
  maxDelayMs: number;
}

/**
 * Exponential backoff with jitter: between half and all of `min * 2^attempt`, capped.
 * @param attempt - 0 for the first retry.
 * @param options - min and max delay.
 * @param random - a number in [0, 1).
 * @returns the delay in ms.
 * @internal
 */
export function computeBackoff(
  attempt: number,
  options: BackoffOptions,
  random: number = Math.random(),
): number {
  const ceiling = Math.min(options.maxDelayMs, options.minDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
