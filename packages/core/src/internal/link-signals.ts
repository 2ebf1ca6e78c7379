/**
 * Aborts `target` when any of `sources` aborts, with that signal's reason, until the returned
 * function unlinks them. Used instead of `AbortSignal.any()` where the link has a known end: in the
 * concurrency benchmark `AbortSignal.any()` per request (its weak-ref bookkeeping, kept until GC)
 * was a visible share of the memory per open chat.
 * @param target - the controller to abort.
 * @param sources - signals to follow; `undefined` entries are skipped.
 * @returns unlinks (idempotent).
 * @internal
 */
export function linkSignals(
  target: AbortController,
  sources: ReadonlyArray<AbortSignal | undefined>,
): () => void {
  const linked: AbortSignal[] = [];
  const onAbort = function (this: AbortSignal): void {
    unlink();
    target.abort(this.reason);
  };
  const unlink = (): void => {
    for (const signal of linked.splice(0)) signal.removeEventListener("abort", onAbort);
  };
  for (const signal of sources) {
    if (signal === undefined) continue;
    if (signal.aborted) {
      unlink();
      target.abort(signal.reason);
      break;
    }
    signal.addEventListener("abort", onAbort, { once: true });
    linked.push(signal);
  }
  return unlink;
}
