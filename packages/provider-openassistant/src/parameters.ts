import type { ParameterSpec } from "@g4f/core";
import { DEFAULT_SAMPLING_PARAMETERS } from "./sampling-parameters.js";

/** The provider-specific options the OpenAssistant provider reads, for CLIs and API servers. */
export const PARAMETERS: readonly ParameterSpec[] = Object.freeze([
  {
    name: "temperature",
    type: "number",
    description: "Sampling temperature.",
    default: DEFAULT_SAMPLING_PARAMETERS.temperature,
    nullable: true,
  },
  {
    name: "topK",
    type: "integer",
    description: "Top-k sampling: keep the k most likely tokens (null: off).",
    default: DEFAULT_SAMPLING_PARAMETERS.top_k,
    nullable: true,
  },
  {
    name: "topP",
    type: "number",
    description: "Nucleus sampling probability mass (null: off).",
    default: DEFAULT_SAMPLING_PARAMETERS.top_p,
    nullable: true,
  },
  {
    name: "typicalP",
    type: "number",
    description: "Typical sampling probability mass (null: off).",
    default: DEFAULT_SAMPLING_PARAMETERS.typical_p,
    nullable: true,
  },
  {
    name: "repetitionPenalty",
    type: "number",
    description: "Penalty for repeated tokens.",
    default: DEFAULT_SAMPLING_PARAMETERS.repetition_penalty,
    nullable: true,
  },
  {
    name: "maxNewTokens",
    type: "integer",
    description: "Longest answer, in tokens.",
    default: DEFAULT_SAMPLING_PARAMETERS.max_new_tokens,
    nullable: true,
  },
  {
    name: "cookieDomain",
    type: "string",
    description: "Domain whose cookies are looked up when `cookies` is not given.",
    default: "open-assistant.io",
  },
  {
    name: "cookiesDir",
    type: "string",
    description: "Folder of cookie files (HAR, JSON, cookies.txt) searched before the browsers.",
  },
  {
    name: "browsers",
    type: "string",
    description: "Browsers to search for cookies, in order, comma-separated (firefox,chrome,…).",
  },
] satisfies ParameterSpec[]);
