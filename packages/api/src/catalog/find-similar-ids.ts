function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const padded = ` ${text.toLowerCase()} `;
  for (let index = 0; index < padded.length - 1; index++) {
    const pair = padded.slice(index, index + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

function similarity(left: Map<string, number>, right: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const count of left.values()) total += count;
  for (const [pair, count] of right) {
    total += count;
    shared += Math.min(count, left.get(pair) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/**
 * Ids that look like `wanted` (bigram similarity, case-insensitive), best first, for "did you mean" hints.
 *
 * @param wanted - the unknown id.
 * @param candidates - the known ids.
 * @param limit - at most this many.
 * @returns close ids, best first.
 * @internal
 */
export function findSimilarIds(wanted: string, candidates: Iterable<string>, limit = 3): string[] {
  const target = bigrams(wanted);
  const needle = wanted.toLowerCase();
  return [...new Set(candidates)]
    .map((id) => {
      const contains = needle.length >= 3 && id.toLowerCase().includes(needle);
      return { id, score: contains ? 1 : similarity(target, bigrams(id)) };
    })
    .filter((entry) => entry.score >= 0.45)
    .sort((left, right) => right.score - left.score || left.id.localeCompare(right.id))
    .slice(0, limit)
    .map((entry) => entry.id);
}
