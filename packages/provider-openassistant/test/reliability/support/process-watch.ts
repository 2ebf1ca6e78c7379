// What a run leaves behind in this process: unhandled rejections, and handles (sockets, timers)
// still open, counted with process.getActiveResourcesInfo().

/** Collects unhandled rejections until `stop()`. */
export interface RejectionWatch {
  /** The reasons seen so far. */
  readonly reasons: unknown[];
  /** Removes the listener. */
  stop(): void;
}

/**
 * Starts listening for unhandled rejections (vitest has its own listener; ours counts them).
 * @returns the collected reasons and a stop function.
 */
export function watchRejections(): RejectionWatch {
  const reasons: unknown[] = [];
  const listener = (reason: unknown): void => {
    reasons.push(reason);
  };
  process.on("unhandledRejection", listener);
  return { reasons, stop: () => process.off("unhandledRejection", listener) };
}

/** Open handles by kind, e.g. `{ TCPSocketWrap: 2, Timeout: 1 }`. */
export type ResourceCounts = Record<string, number>;

/**
 * Counts the process's active resources by kind.
 * @returns the counts.
 */
export function countResources(): ResourceCounts {
  const counts: ResourceCounts = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/**
 * Lets pending callbacks run (closed sockets report on the next turns, cleared timers vanish).
 * @param turns - how many macrotask turns to yield.
 */
export async function settle(turns = 5): Promise<void> {
  for (let turn = 0; turn < turns; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * The kinds of handle that grew between two counts.
 * @param before - the earlier count.
 * @param after - the later count.
 * @param kinds - the kinds to compare.
 * @returns `{ kind: extra }` for each kind that grew; empty when nothing was left behind.
 */
export function grownResources(
  before: ResourceCounts,
  after: ResourceCounts,
  kinds: readonly string[],
): ResourceCounts {
  const grown: ResourceCounts = {};
  for (const kind of kinds) {
    const extra = (after[kind] ?? 0) - (before[kind] ?? 0);
    if (extra > 0) grown[kind] = extra;
  }
  return grown;
}
