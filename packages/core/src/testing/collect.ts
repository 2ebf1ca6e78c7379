import type { AsyncResult, ResponsePart } from "../types/response-part.js";

/** What {@link collect} gathers. */
export interface CollectedResult {
  /** All text chunks joined. */
  text: string;
  /** Every non-text part, in order. */
  parts: ResponsePart[];
  /** Text chunks as yielded. */
  chunks: string[];
}

/**
 * Reads a provider result to the end.
 * @param result - what `stream()` or `streamChat().parts()` returned.
 * @returns the text, the chunks and the parts.
 * @throws whatever the result throws.
 */
export async function collect(result: AsyncResult): Promise<CollectedResult> {
  const parts: ResponsePart[] = [];
  const chunks: string[] = [];
  for await (const chunk of result) {
    if (typeof chunk === "string") chunks.push(chunk);
    else parts.push(chunk);
  }
  return { text: chunks.join(""), parts, chunks };
}
