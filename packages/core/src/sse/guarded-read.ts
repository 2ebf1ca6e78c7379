import type { AbortRace } from "../internal/abort-race.js";

/** A body reader of bytes: what `ReadableStream.getReader()` returns, or an adapter to it. */
export interface ByteReader {
  /** The next chunk, or the end. */
  read(): Promise<ReadResult>;
  /** Stops the body. */
  cancel(): Promise<void>;
  /** Lets go of the body. */
  releaseLock(): void;
}

/** One read: bytes, or the end of the stream. */
export type ReadResult = { done: true; value?: undefined } | { done: false; value: Uint8Array };

/**
 * Reads once, bounded by a timeout and raced against a signal (through `abort`); plain
 * `reader.read()` when neither is set.
 * @param reader - the body reader.
 * @param abort - the signal's race, shared by every read of the stream.
 * @param limit - ms until the read must deliver, or `undefined` for none.
 * @param onTimeout - makes the error a timed-out read rejects with.
 * @returns the read's result.
 */
export function guardedRead(
  reader: ByteReader,
  abort: AbortRace | undefined,
  limit: number | undefined,
  onTimeout: () => unknown,
): Promise<ReadResult> {
  const read = reader.read();
  if (limit === undefined) return abort === undefined ? read : abort.race(read);
  const timed = new Promise<ReadResult>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), limit);
    read.then(
      (result) => {
        clearTimeout(timer);
        resolve(result);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
  return abort === undefined ? timed : abort.race(timed);
}
