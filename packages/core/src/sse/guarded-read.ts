/** A body reader of bytes, as `ReadableStream.getReader()` returns it. */
export type ByteReader = ReadableStreamDefaultReader<Uint8Array>;

/** One read: bytes, or the end of the stream. */
export type ReadResult = { done: true; value?: undefined } | { done: false; value: Uint8Array };

/**
 * Reads once, bounded by a timeout and a signal; plain `reader.read()` when neither is set. An
 * already aborted signal rejects at once (an `abort` listener would never fire).
 */
export function guardedRead(
  reader: ByteReader,
  signal: AbortSignal | undefined,
  limit: number | undefined,
  onTimeout: () => unknown,
): Promise<ReadResult> {
  if (signal === undefined && limit === undefined) return reader.read() as Promise<ReadResult>;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<ReadResult>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    if (limit !== undefined) {
      timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        reject(onTimeout());
      }, limit);
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    (reader.read() as Promise<ReadResult>).then(
      (result) => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        resolve(result);
      },
      (error: unknown) => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
