/**
 * Reads at most about `limit` bytes of a body as UTF-8 and stops reading (cancelling or destroying
 * the rest). Takes a fetch body or a Node stream: both are async iterables of bytes.
 * @internal
 */
export async function readBodyText(
  body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<string> {
  if (body === null) return "";
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  // Leaving the loop early (the limit, or an error) cancels a web stream and destroys a Node one.
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    text += decoder.decode(chunk, { stream: true });
    if (size >= limit) break;
  }
  return text + decoder.decode();
}
