/**
 * Resolves after `ms` milliseconds, or rejects with the signal's reason when it aborts first.
 * @param ms - delay; `0` still yields to the event loop.
 * @param signal - aborts the wait.
 * @returns a promise for the delay.
 */
export function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * A promise that only settles when the signal aborts (rejecting with its reason): a stalled backend.
 * @param signal - the only way out.
 * @returns a promise that never resolves.
 */
export function waitForAbort(signal?: AbortSignal): Promise<never> {
  return new Promise<never>((_resolve, reject) => {
    if (signal?.aborted) reject(signal.reason);
    else signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}
