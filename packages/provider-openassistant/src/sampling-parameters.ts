import { InvalidRequestError } from "@g4f/core";
import { PROVIDER_NAME } from "./provider-name.js";

/** The `sampling_parameters` object of an `assistant_message` request, in the server's names. */
export interface SamplingParameters {
  /** Top-k sampling; `null` turns it off. */
  top_k: number | null;
  /** Nucleus sampling probability; `null` turns it off. */
  top_p: number | null;
  /** Typical sampling probability; `null` turns it off. */
  typical_p: number | null;
  /** Sampling temperature. */
  temperature: number | null;
  /** Penalty for repeated tokens. */
  repetition_penalty: number | null;
  /** Longest answer, in tokens. */
  max_new_tokens: number | null;
}

/**
 * g4f's defaults, which equal the server preset `k50-Plugins`.
 */
export const DEFAULT_SAMPLING_PARAMETERS: Readonly<SamplingParameters> = Object.freeze({
  top_k: 50,
  top_p: null,
  typical_p: null,
  temperature: 0.35,
  repetition_penalty: 1.1111111111111112,
  max_new_tokens: 1024,
});

/** One caller option and the server key it sets. */
interface SamplingOption {
  option: string;
  key: keyof SamplingParameters;
  integer: boolean;
}

const samplingOptions: readonly SamplingOption[] = [
  { option: "topK", key: "top_k", integer: true },
  { option: "topP", key: "top_p", integer: false },
  { option: "typicalP", key: "typical_p", integer: false },
  { option: "temperature", key: "temperature", integer: false },
  { option: "repetitionPenalty", key: "repetition_penalty", integer: false },
  { option: "maxNewTokens", key: "max_new_tokens", integer: true },
];

/** Reads one sampling value: a number, `null`, or a decimal string (from a CLI or an API). */
function readSamplingValue(value: unknown, spec: SamplingOption): number | null {
  if (value === null) return null;
  const number =
    typeof value === "string" && /^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== "number" || !Number.isFinite(number) || (spec.integer && !Number.isInteger(number))) {
    const kind = spec.integer ? "an integer" : "a finite number";
    throw new InvalidRequestError({
      provider: PROVIDER_NAME,
      field: spec.option,
      message: `${PROVIDER_NAME}: \`${spec.option}\` must be ${kind} or null; got ${typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : String(value)}.`,
    });
  }
  return number;
}

/**
 * Builds `sampling_parameters`: g4f's defaults, overridden by the call's camelCase options
 * (`temperature`, `topK`, `topP`, `typicalP`, `repetitionPenalty`, `maxNewTokens`). Other keys are
 * never sent (g4f leaked framework keywords such as `stream` into the object).
 *
 * @param options - the call's options.
 * @returns the object to send, with all six keys.
 * @throws {@link @g4f/core!index.InvalidRequestError | InvalidRequestError} naming the option when a value is not a number or `null`
 *   (`topK` and `maxNewTokens` must be integers).
 * @example
 * ```ts
 * buildSamplingParameters({ temperature: 0.7 }); // { top_k: 50, …, temperature: 0.7, … }
 * ```
 */
export function buildSamplingParameters(options: Readonly<Record<string, unknown>>): SamplingParameters {
  const parameters: SamplingParameters = { ...DEFAULT_SAMPLING_PARAMETERS };
  for (const spec of samplingOptions) {
    const value = options[spec.option];
    if (value !== undefined) parameters[spec.key] = readSamplingValue(value, spec);
  }
  return parameters;
}
