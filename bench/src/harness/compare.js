import { collectGarbage } from "./gc.js";
import { median } from "./stats.js";

/**
 * Measures two variants in alternating rounds (ours then baseline, then baseline then ours, …) so
 * that drift (CPU frequency, a noisy neighbour, JIT tiers) hits both alike, with warm-up rounds
 * first and a full gc before every measured round. Each variant is an async function that runs one
 * round and returns that round's figure (a duration or a rate); it gets `{ warmup }` to tell
 * warm-up rounds (whose side figures, such as connection counts, should not count) from measured ones.
 *
 * @param {{
 *   ours: (round: { warmup: boolean }) => Promise<number> | number,
 *   baseline: (round: { warmup: boolean }) => Promise<number> | number,
 *   warmup?: number,
 *   rounds?: number,
 *   progress?: { update(message: string): void },
 *   label?: string,
 * }} options
 * @returns {Promise<{ ours: number, baseline: number, oursSamples: number[], baselineSamples: number[] }>}
 *   medians and every sample.
 */
export async function compareAlternating(options) {
  const warmup = options.warmup ?? 2;
  const rounds = options.rounds ?? 7;
  const label = options.label ?? "round";
  for (let index = 0; index < warmup; index++) {
    options.progress?.update(`${label}: warm-up ${index + 1}/${warmup}`);
    await options.ours({ warmup: true });
    await options.baseline({ warmup: true });
  }
  const oursSamples = [];
  const baselineSamples = [];
  for (let index = 0; index < rounds; index++) {
    options.progress?.update(`${label}: round ${index + 1}/${rounds}`);
    const order = index % 2 === 0 ? ["ours", "baseline"] : ["baseline", "ours"];
    for (const which of order) {
      collectGarbage();
      if (which === "ours") oursSamples.push(await options.ours({ warmup: false }));
      else baselineSamples.push(await options.baseline({ warmup: false }));
    }
  }
  return { ours: median(oursSamples), baseline: median(baselineSamples), oursSamples, baselineSamples };
}
