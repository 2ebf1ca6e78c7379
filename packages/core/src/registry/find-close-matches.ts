function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row++) {
    const current = [row];
    for (let column = 1; column <= right.length; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      current[column] = Math.min(
        previous[column]! + 1,
        current[column - 1]! + 1,
        previous[column - 1]! + cost,
      );
    }
    previous = current;
  }
  return previous[right.length]!;
}

/**
 * Names close to `wanted` (case-insensitive): prefixes, substrings, or a few typos away.
 * @param wanted - the unknown name.
 * @param candidates - the known names.
 * @param limit - at most this many results.
 * @returns best matches first.
 * @internal
 */
export function findCloseMatches(wanted: string, candidates: Iterable<string>, limit = 3): string[] {
  const needle = wanted.toLowerCase();
  const scored: Array<{ name: string; score: number }> = [];
  for (const name of candidates) {
    const hay = name.toLowerCase();
    const distance = editDistance(needle, hay);
    const threshold = Math.max(2, Math.floor(Math.max(needle.length, hay.length) / 3));
    const contains = needle.length >= 3 && (hay.includes(needle) || needle.includes(hay));
    if (distance <= threshold || contains)
      scored.push({ name, score: contains ? Math.min(distance, 1) : distance });
  }
  scored.sort((left, right) => left.score - right.score || left.name.localeCompare(right.name));
  return [...new Set(scored.map((entry) => entry.name))].slice(0, limit);
}
