/**
 * Splits bytes into chunks of random sizes, log-uniform between `min` and `max` bytes, so both
 * tiny writes and large TCP reads occur.
 * @param {Uint8Array} bytes
 * @param {() => number} random
 * @param {{ min?: number, max?: number }} [options]
 * @returns {Uint8Array[]}
 */
export function splitRandomly(bytes, random, options = {}) {
  const min = Math.log(options.min ?? 1);
  const max = Math.log(options.max ?? 16_384);
  const chunks = [];
  let offset = 0;
  while (offset < bytes.length) {
    const size = Math.max(1, Math.round(Math.exp(min + random() * (max - min))));
    chunks.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return chunks;
}

/**
 * A byte stream that hands out the given chunks one read at a time, as a fetch body does.
 * @param {Uint8Array[]} chunks
 * @returns {ReadableStream<Uint8Array>}
 */
export function streamFromChunks(chunks) {
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      if (index < chunks.length) controller.enqueue(chunks[index++]);
      else controller.close();
    },
  });
}
