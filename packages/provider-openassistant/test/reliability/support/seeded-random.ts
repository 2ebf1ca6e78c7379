// A tiny seeded generator (mulberry32): the runs are random but the same on every machine, and a
// failing run is replayed by its seed.

/** A deterministic source of random choices. */
export interface SeededRandom {
  /** An integer in [0, max). */
  int(max: number): number;
  /** One of the items. */
  pick<T>(items: readonly T[]): T;
  /** `true` with the given probability. */
  chance(probability: number): boolean;
}

/**
 * Creates a generator from a seed.
 * @param seed - any 32-bit integer.
 * @returns the generator.
 */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
  const random: SeededRandom = {
    int: (max) => Math.floor(next() * max),
    pick: (items) => items[random.int(items.length)]!,
    chance: (probability) => next() < probability,
  };
  return random;
}
