/** The six sampling parameters, in the order the inference server serialised them. */
export interface SamplingParameters {
  /** Top-k, an integer or null. */
  top_k: number | null;
  /** Nucleus p, or null. */
  top_p: number | null;
  /** Typical p, or null. */
  typical_p: number | null;
  /** Temperature, or null. */
  temperature: number | null;
  /** Repetition penalty, or null. */
  repetition_penalty: number | null;
  /** Tokens to generate at most (1024 when not sent). */
  max_new_tokens: number;
}

/** The sampling keys that are Python `float`s (printed `1.0` in the event stream). */
export const FLOAT_SAMPLING_KEYS: ReadonlySet<string> = new Set([
  "top_p",
  "typical_p",
  "temperature",
  "repetition_penalty",
]);

/** Builds sampling parameters with every unset key null and `max_new_tokens` 1024. */
export function samplingParameters(values: Partial<SamplingParameters>): SamplingParameters {
  return {
    top_k: values.top_k ?? null,
    top_p: values.top_p ?? null,
    typical_p: values.typical_p ?? null,
    temperature: values.temperature ?? null,
    repetition_penalty: values.repetition_penalty ?? null,
    max_new_tokens: values.max_new_tokens ?? 1024,
  };
}
