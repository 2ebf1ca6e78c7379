/** Races awaited steps, one at a time, against a signal, with one `abort` listener for all. */
export interface AbortRace {
  /**
   * Settles as `promise` does, or rejects with the signal's reason if it aborts first.
   * @param promise - the step being awaited; only one race may be pending at a time.
   * @returns the step's outcome.
   */
  race<T>(promise: Promise<T>): Promise<T>;
  /** Removes the listener; call once the signal is no longer needed (it may outlive us). */
  dispose(): void;
}

/**
 * Creates an {@link AbortRace} for `signal`. Adding and removing a listener per awaited step (per
 * chunk of a stream) was the largest cost of reading a stream with a signal in the profile; one
 * listener that rejects whichever step is current costs one promise per step instead.
 *
 * @param signal - the signal to race against.
 * @returns the race and its `dispose`.
 * @internal
 */
export function createAbortRace(signal: AbortSignal): AbortRace {
  let rejectCurrent: ((reason: unknown) => void) | undefined;
  const onAbort = (): void => {
    const reject = rejectCurrent;
    rejectCurrent = undefined;
    reject?.(signal.reason);
  };
  signal.addEventListener("abort", onAbort, { once: true });
  return {
    race<T>(promise: Promise<T>): Promise<T> {
      if (signal.aborted) return Promise.reject(signal.reason);
      return new Promise<T>((resolve, reject) => {
        rejectCurrent = reject;
        promise.then(
          (value) => {
            if (rejectCurrent === reject) rejectCurrent = undefined;
            resolve(value);
          },
          (error: unknown) => {
            if (rejectCurrent === reject) rejectCurrent = undefined;
            reject(error);
          },
        );
      });
    },
    dispose(): void {
      rejectCurrent = undefined;
      signal.removeEventListener("abort", onAbort);
    },
  };
}
