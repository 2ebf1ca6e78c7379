// A tiny seeded generator (mulberry32) for the API's generated inputs: fast-check is a dependency
// of core only, and these cases need no shrinking, just many deterministic shapes.

/** A deterministic source of random choices. */
export interface SeededRandom {
  /** An integer in [0, max). */
  int(max: number): number;
  /** One of the items. */
  pick<T>(items: readonly T[]): T;
  /** A string of up to `maxLength` characters drawn from `alphabet`. */
  string(alphabet: string, maxLength: number): string;
  /** Any JSON value, nested up to `depth`. */
  json(depth: number): unknown;
}

/**
 * Creates a generator from a seed; the same seed gives the same sequence everywhere.
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
    string: (alphabet, maxLength) => {
      const characters = [...alphabet];
      let text = "";
      for (let length = random.int(maxLength + 1); length > 0; length--) text += random.pick(characters);
      return text;
    },
    json: (depth) => {
      const kind = random.int(depth > 0 ? 7 : 5);
      switch (kind) {
        case 0:
          return null;
        case 1:
          return random.int(2) === 0;
        case 2:
          return random.int(2000) - 1000;
        case 3:
          return random.string('ab "\\é👋{}[]:,', 8);
        case 4:
          return random.pick(["model", "messages", "role", "user", "content", "stream", ""]);
        case 5:
          return Array.from({ length: random.int(4) }, () => random.json(depth - 1));
        default: {
          const keys = ["model", "messages", "role", "content", "stream", "temperature", "n", "x"];
          const object: Record<string, unknown> = {};
          for (let count = random.int(4); count > 0; count--)
            object[random.pick(keys)] = random.json(depth - 1);
          return object;
        }
      }
    },
  };
  return random;
}
