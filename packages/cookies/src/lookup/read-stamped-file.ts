import { closeSync, fstatSync, openSync, readFileSync, type Stats } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";

/** A file's bytes and the `fstat` of the very file they were read from. @internal */
export interface StampedFile {
  /** The whole file. */
  bytes: Uint8Array;
  /** Its stats, taken through the open handle, no later than the first read. */
  stats: Stats;
}

/** A {@link StampedFile} whose handle the caller still has to close. @internal */
export interface OpenStampedFile extends StampedFile {
  /** Closes the file; call it exactly once. */
  close(): Promise<void>;
}

// Small files (Local State, most WAL files) are read whole by the first read.
const firstChunk = 64 * 1024;

/**
 * Reads a whole file through one open handle and leaves it open: `fstat` together with a first
 * read of 64 KiB, then (for a bigger file) one read of the rest. Written by hand rather than
 * `readFile` + `stat` because each step is a thread-pool round trip, and under load each round
 * trip costs a wake-up of two threads: `readFile` reads in 512 KiB chunks (three reads for a
 * 1.4 MB cookie DB) after its own `fstat`, and a separate `stat` may describe another file than
 * the one read. A file that changes meanwhile is read as far as it can be; the caller's second
 * stat notices the change. The caller closes the handle, so that it can do so in parallel with
 * its next step.
 *
 * @param path - the file.
 * @param signal - checked between the steps; an abort rejects with its reason (the file is closed).
 * @returns the bytes, the stats and `close`.
 * @throws the `fs` error (`ENOENT`, `EACCES`, `EISDIR`…), or the signal's reason.
 * @internal
 */
export async function openStampedFile(
  path: string,
  signal: AbortSignal | undefined,
): Promise<OpenStampedFile> {
  const handle = await open(path, "r");
  try {
    signal?.throwIfAborted();
    const first = Buffer.allocUnsafeSlow(firstChunk);
    const [stats, { bytesRead }] = await Promise.all([handle.stat(), handle.read(first, 0, firstChunk, 0)]);
    signal?.throwIfAborted();
    const bytes =
      bytesRead < firstChunk || stats.size <= firstChunk
        ? first.subarray(0, bytesRead)
        : await readRest(handle, first, stats.size, signal);
    return { bytes, stats, close: () => handle.close() };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * A small file's bytes and the `fstat` of the file read, synchronously: for profile metadata
 * (`Local State`, a few KB), where four thread-pool round trips cost far more than the read.
 * @param path - the file.
 * @returns the bytes and the stats (taken before reading).
 * @throws the `fs` error (`ENOENT`, `EACCES`…).
 * @internal
 */
export function readStampedFileSync(path: string): StampedFile {
  const descriptor = openSync(path, "r");
  try {
    const stats = fstatSync(descriptor);
    return { bytes: readFileSync(descriptor), stats };
  } finally {
    closeSync(descriptor);
  }
}

async function readRest(
  handle: FileHandle,
  first: Buffer,
  size: number,
  signal: AbortSignal | undefined,
): Promise<Uint8Array> {
  const bytes = Buffer.allocUnsafeSlow(size);
  first.copy(bytes, 0, 0, firstChunk);
  let length = firstChunk;
  while (length < size) {
    const { bytesRead } = await handle.read(bytes, length, size - length, length);
    if (bytesRead === 0) break;
    length += bytesRead;
    signal?.throwIfAborted();
  }
  return length === size ? bytes : bytes.subarray(0, length);
}
