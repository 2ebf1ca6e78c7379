/**
 * A rough token count for providers that report none: one token per four characters (the usual
 * rule of thumb for English with GPT tokenizers), at least one for non-empty text.
 *
 * @param text - prompt or completion text.
 * @returns the estimated number of tokens.
 * @internal
 */
export function estimateTokens(text: string): number {
  return text === "" ? 0 : Math.max(1, Math.ceil(text.length / 4));
}
