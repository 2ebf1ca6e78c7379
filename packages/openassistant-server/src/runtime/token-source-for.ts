import {
  createEchoSource,
  createLoremSource,
  generationHash,
  type TokenSource,
} from "../generation/token-source.js";

/** The deterministic token source of a message: tokens depend only on model, prompt and length. */
export function tokenSourceFor(
  mode: "lorem" | "echo",
  model: string,
  prompt: string,
  length: number,
): TokenSource {
  return mode === "echo"
    ? createEchoSource(prompt, length)
    : createLoremSource(generationHash(model, prompt, length), length);
}
