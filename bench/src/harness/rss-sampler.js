import { collectGarbage } from "./gc.js";

/**
 * Samples the process RSS on a timer (and on demand with `sample()`), keeping the start, peak and
 * last value. Timer samples only land when the event loop turns, so streaming code (which awaits)
 * is covered; call `sample()` inside long synchronous loops.
 * @param {{ intervalMs?: number, gcFirst?: boolean }} [options]
 */
export function startRssSampler(options = {}) {
  const intervalMs = options.intervalMs ?? 5;
  if (options.gcFirst ?? true) collectGarbage();
  const start = process.memoryUsage.rss();
  let peak = start;
  let last = start;
  let count = 1;
  const sample = () => {
    last = process.memoryUsage.rss();
    if (last > peak) peak = last;
    count++;
    return last;
  };
  const timer = setInterval(sample, intervalMs);
  return {
    sample,
    /** @returns {{ start: number, peak: number, end: number, samples: number, growth: number }} bytes. */
    stop() {
      clearInterval(timer);
      sample();
      return { start, peak, end: last, samples: count, growth: peak - start };
    },
  };
}
