/**
 * A small seeded PRNG (mulberry32), so every run feeds the same data.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1).
 */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words with accented Latin, CJK and an astral emoji, like the reference server's lorem mode. */
export const words = [
  "lorem",
  "ipsum",
  "dolor",
  "sit",
  "amet",
  "consectetur",
  "adipiscing",
  "elit",
  "sed",
  "do",
  "eiusmod",
  "tempor",
  "incididunt",
  "ut",
  "labore",
  "et",
  "dolore",
  "magna",
  "aliqua",
  "café",
  "naïve",
  "façade",
  "über",
  "日本語",
  "中文",
  "🦜",
  "résumé",
  "déjà",
  "vu",
  "Ångström",
];

/**
 * @param {() => number} random
 * @param {number} count - number of words.
 * @returns {string} words joined by spaces.
 */
export function randomWords(random, count) {
  const parts = [];
  for (let index = 0; index < count; index++) parts.push(words[Math.floor(random() * words.length)]);
  return parts.join(" ");
}
