import type { Generation, GenerationCallbacks } from "./generation.js";
import type { TokenSource } from "./token-source.js";

/** How fast tokens come. */
export interface Pacing {
  /** Milliseconds before the first token. */
  firstTokenDelayMs: number;
  /** Tokens per second; `0` as fast as possible. */
  tokensPerSecond: number;
}

// Unpaced generation yields to the event loop after this many tokens, so other streams keep flowing.
const UNPACED_BATCH = 2048;

/**
 * Runs a token source on one timer per message: each tick emits every token that is due
 * (so fast rates batch naturally), then re-arms for the next one.
 */
export function startPacedGeneration(
  source: TokenSource,
  pacing: Pacing,
  callbacks: GenerationCallbacks,
): Generation {
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;
  let cancelled = false;
  let emitted = 0;
  let firstAt = 0;
  const rate = pacing.tokensPerSecond;

  const finish = (): void => {
    callbacks.onFlush();
    if (!cancelled) callbacks.onComplete();
  };

  const unpacedTick = (): void => {
    immediate = undefined;
    for (let count = 0; count < UNPACED_BATCH; count++) {
      const packet = source.next();
      if (!packet) {
        finish();
        return;
      }
      callbacks.onToken(packet);
      if (cancelled) return;
    }
    callbacks.onFlush();
    if (!cancelled) immediate = setImmediate(unpacedTick);
  };

  const pacedTick = (): void => {
    timer = undefined;
    const now = Date.now();
    if (emitted === 0) firstAt = now;
    const due = Math.floor(((now - firstAt) * rate) / 1000) + 1;
    while (emitted < due) {
      const packet = source.next();
      if (!packet) {
        finish();
        return;
      }
      emitted++;
      callbacks.onToken(packet);
      if (cancelled) return;
    }
    callbacks.onFlush();
    if (cancelled) return;
    const nextAt = firstAt + (emitted * 1000) / rate;
    timer = setTimeout(pacedTick, Math.max(0, nextAt - Date.now()));
  };

  const tick = rate > 0 ? pacedTick : unpacedTick;
  if (pacing.firstTokenDelayMs > 0) timer = setTimeout(tick, pacing.firstTokenDelayMs);
  else immediate = setImmediate(tick);

  return {
    cancel() {
      cancelled = true;
      if (timer) clearTimeout(timer);
      if (immediate) clearImmediate(immediate);
    },
  };
}
