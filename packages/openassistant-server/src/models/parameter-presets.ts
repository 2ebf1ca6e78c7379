import { type SamplingParameters, samplingParameters } from "./sampling-parameters.js";

/** A sampling preset listed by `/api/chat/models`. */
export interface ParameterPreset {
  /** The preset name. */
  name: string;
  /** What it does. */
  description: string;
  /** Its sampling parameters. */
  sampling_parameters: SamplingParameters;
}

const K50 = "Top-k sampling with k=50";

/** The eight presets of the inference server's `DEFAULT_PARAMETER_CONFIGS`, in order. */
export const PARAMETER_PRESETS: readonly ParameterPreset[] = [
  {
    name: "k50",
    description: K50,
    sampling_parameters: samplingParameters({
      top_k: 50,
      top_p: 0.95,
      temperature: 0.75,
      repetition_penalty: 1.2,
    }),
  },
  {
    name: "k50-Creative",
    description: `${K50}, higher temperature`,
    sampling_parameters: samplingParameters({
      top_k: 50,
      top_p: 0.95,
      temperature: 0.85,
      repetition_penalty: 1.2,
    }),
  },
  {
    name: "k50-Precise",
    description: `${K50}, low temperature`,
    sampling_parameters: samplingParameters({
      top_k: 50,
      top_p: 0.95,
      temperature: 0.1,
      repetition_penalty: 1.2,
    }),
  },
  {
    name: "k50-Original",
    description: `${K50}, highest temperature`,
    sampling_parameters: samplingParameters({
      top_k: 50,
      top_p: 0.95,
      temperature: 0.9,
      repetition_penalty: 1.2,
    }),
  },
  {
    name: "k50-Plugins",
    description: `${K50} and temperature=0.35`,
    sampling_parameters: samplingParameters({
      top_k: 50,
      temperature: 0.35,
      repetition_penalty: 1 / 0.9,
      max_new_tokens: 1024,
    }),
  },
  {
    name: "nucleus9",
    description: "Nucleus sampling with p=0.9",
    sampling_parameters: samplingParameters({ top_p: 0.9, temperature: 0.8, repetition_penalty: 1.2 }),
  },
  {
    name: "typical2",
    description: "Typical sampling with p=0.2",
    sampling_parameters: samplingParameters({ typical_p: 0.2, temperature: 0.8, repetition_penalty: 1.2 }),
  },
  {
    name: "typical3",
    description: "Typical sampling with p=0.3",
    sampling_parameters: samplingParameters({ typical_p: 0.3, temperature: 0.8, repetition_penalty: 1.2 }),
  },
];
