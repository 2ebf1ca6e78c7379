import type { CookieRecord, CookieWarning, FileStamp } from "../types.js";
import { stampsUnchanged } from "./stamp-file.js";

/** The answer of the file and browser layers, with the files it was read from. @internal */
export interface StoreLookupResult {
  /** Matching cookies. */
  cookies: CookieRecord[];
  /** Warnings raised while reading. */
  warnings: CookieWarning[];
  /** Every file (and folder) read or found missing. */
  files: FileStamp[];
}

interface Entry {
  result: StoreLookupResult;
  /** The earliest expiry among the cookies: the entry dies then. */
  expiresAt: number;
  /** When the stamps were last checked (lookup clock). */
  checkedAt: number;
}

interface Shared {
  promise: Promise<StoreLookupResult>;
  controller: AbortController;
  waiters: number;
}

// A hit checked this recently touches no disk at all.
const revalidateAfterMs = 1000;
const entries = new Map<string, Entry>();
const inflight = new Map<string, Shared>();
// Bumped by clearResultCache, so a read that started before the clear is not stored after it.
let generation = 0;

/**
 * Drops every cached lookup result (in-flight reads finish but are not stored).
 * @internal
 */
export function clearResultCache(): void {
  entries.clear();
  inflight.clear();
  generation++;
}

/**
 * Answers from the cache when it can, else runs `compute` once for every concurrent caller with
 * the same key. A hit is revalidated with one round of `stat` once it is older than 1 s, and
 * dies at its earliest cookie expiry; empty results are not stored. A caller's abort rejects that
 * caller only; the shared read is aborted when its last caller is gone.
 * @internal
 */
export async function cachedLookup(
  key: string,
  now: () => number,
  signal: AbortSignal | undefined,
  compute: (signal: AbortSignal) => Promise<StoreLookupResult>,
): Promise<StoreLookupResult> {
  signal?.throwIfAborted();
  const entry = entries.get(key);
  if (entry !== undefined) {
    const time = now();
    if (time >= entry.expiresAt) entries.delete(key);
    else if (time - entry.checkedAt < revalidateAfterMs) return entry.result;
    else if (await stampsUnchanged(entry.result.files)) {
      entry.checkedAt = now();
      return entry.result;
    } else if (entries.get(key) === entry) entries.delete(key);
  }
  signal?.throwIfAborted();
  let shared = inflight.get(key);
  if (shared === undefined) {
    const controller = new AbortController();
    const started = generation;
    const current: Shared = { controller, waiters: 0, promise: Promise.resolve() as never };
    current.promise = compute(controller.signal)
      .then((result) => {
        if (result.cookies.length > 0 && started === generation) {
          let expiresAt = Number.POSITIVE_INFINITY;
          for (const cookie of result.cookies) expiresAt = Math.min(expiresAt, cookie.expires ?? expiresAt);
          entries.set(key, { result, expiresAt, checkedAt: now() });
        }
        return result;
      })
      .finally(() => {
        if (inflight.get(key) === current) inflight.delete(key);
      });
    // Every waiter may have left; the rejection is then nobody's to handle.
    current.promise.catch(() => {});
    inflight.set(key, current);
    shared = current;
  }
  return waitFor(key, shared, signal);
}

function waitFor(key: string, shared: Shared, signal: AbortSignal | undefined): Promise<StoreLookupResult> {
  shared.waiters++;
  if (signal === undefined) return shared.promise;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      shared.waiters--;
      if (shared.waiters === 0) {
        shared.controller.abort(signal.reason);
        if (inflight.get(key) === shared) inflight.delete(key);
      }
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    shared.promise.then(
      (result) => {
        signal.removeEventListener("abort", onAbort);
        resolve(result);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
