import { statSync } from "node:fs";

// Profile discovery (which folders, profiles and databases exist) asks synchronously: each of
// these is a metadata call on a local file that takes microseconds, while each asynchronous call
// is a thread-pool round trip (two thread wake-ups) that cost 0.1–0.3 ms on a loaded machine;
// a cold lookup made about ten of them in a row. Reading the databases (megabytes) stays
// asynchronous, and so does everything a lookup reads once it knows where to look.

/**
 * Whether a path is a folder now; `false` when it is missing or cannot be stat'ed.
 * @param path - the path.
 * @returns whether it is a folder.
 * @internal
 */
export function isDirectorySync(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

/**
 * Whether a path is a file now (symlinks followed); `false` when it is missing or cannot be stat'ed.
 * @param path - the path.
 * @returns whether it is a file.
 * @internal
 */
export function isFileSync(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}
