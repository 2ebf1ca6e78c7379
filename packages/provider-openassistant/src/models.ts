/**
 * The default model: the one g4f's OpenAssistant provider asked for.
 */
export const DEFAULT_MODEL = "OA_SFT_Llama_30B_6";

/**
 * Every model config the Open Assistant inference server knew (`MODEL_CONFIGS` of
 * `oasst-shared/oasst_shared/model_configs.py`, in that order). A live server only accepts the
 * ones in its allow-list; the others are answered with HTTP 422.
 */
export const MODELS: readonly string[] = Object.freeze([
  "_lorem",
  "distilgpt2",
  "OA_SFT_Pythia_12B",
  "OA_SFT_Pythia_12Bq",
  "OA_SFT_Pythia_12B_4",
  "OA_SFT_Pythia_12Bq_4",
  "OA_SFT_Llama_7B",
  "OA_SFT_Llama_13B",
  "OA_SFT_Llama_13Bq",
  "OA_SFT_Llama_30B",
  "OA_SFT_Llama_30Bq",
  "OA_SFT_Llama_30B_2",
  "OA_SFT_Llama_30Bq_2",
  "OA_SFT_Llama_30B_5",
  "OA_SFT_Llama_30Bq_5",
  "OA_SFT_Llama_30B_6",
  "OA_SFT_Llama_30Bq_6",
  "OA_SFT_Llama_30B_7",
  "OA_SFT_Llama_30Bq_7",
  "OA_SFT_Llama_30B_7e3",
  "OA_RLHF_Llama_30B_2_7k",
  "Carper_RLHF_13B_1",
  "Carper_RLHF_13Bq_1",
  "OA_SFT_Llama2_70B_10",
  "OA_SFT_CodeLlama_13B_10",
]);
