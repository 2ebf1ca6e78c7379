import { stat } from "node:fs/promises";
import type { FileStamp } from "../types.js";

/**
 * The stamp of a path now: its mtime and size, or -1/-1 when it does not exist or cannot be stat'ed.
 * @internal
 */
export async function stampFile(path: string): Promise<FileStamp> {
  try {
    const stats = await stat(path);
    return { path, mtimeMs: stats.mtimeMs, size: stats.size };
  } catch {
    return { path, mtimeMs: -1, size: -1 };
  }
}

/** Whether every stamped file still has the same mtime and size (one round of `stat`). @internal */
export async function stampsUnchanged(stamps: readonly FileStamp[]): Promise<boolean> {
  const now = await Promise.all(stamps.map((stamp) => stampFile(stamp.path)));
  return now.every(
    (current, index) => current.mtimeMs === stamps[index]!.mtimeMs && current.size === stamps[index]!.size,
  );
}
