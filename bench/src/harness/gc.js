/** Garbage collection between rounds (needs `node --expose-gc`; run-all re-executes itself with it). */

/**
 * Runs a full collection twice (the second one frees what finalizers of the first released).
 * @returns {boolean} whether gc was available.
 */
export function collectGarbage() {
  if (typeof globalThis.gc !== "function") return false;
  globalThis.gc();
  globalThis.gc();
  return true;
}
