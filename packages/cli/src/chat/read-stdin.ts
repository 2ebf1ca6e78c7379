/**
 * Reads a whole stream as UTF-8 text (a piped prompt).
 * @param stream - usually stdin.
 * @param signal - stops reading.
 * @returns the text.
 */
export async function readStdin(stream: NodeJS.ReadableStream, signal?: AbortSignal): Promise<string> {
  const chunks: Buffer[] = [];
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of stream) {
    signal?.throwIfAborted();
    if (typeof chunk === "string") text += chunk;
    else chunks.push(chunk as Buffer);
  }
  return text + decoder.decode(Buffer.concat(chunks));
}
