/** Monotonic timing. */

/** @returns {number} a monotonic timestamp in milliseconds (sub-microsecond resolution). */
export function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Runs `fn` once and returns how long it took.
 * @param {() => unknown} fn - sync or async.
 * @returns {Promise<number>} milliseconds.
 */
export async function timeOnce(fn) {
  const start = now();
  await fn();
  return now() - start;
}
