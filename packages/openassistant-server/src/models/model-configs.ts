/** A model config as the inference server described it (`oasst_shared.model_configs.ModelConfig`). */
export interface ModelConfig {
  /** Hugging Face model id. */
  model_id: string;
  /** Longest prompt in tokens. */
  max_input_length: number;
  /** Longest prompt plus answer in tokens. */
  max_total_length: number;
  /** Whether the weights are quantized. */
  quantized: boolean;
}

function config(modelId: string, maxInput: number, maxTotal: number, quantized = false): ModelConfig {
  return { model_id: modelId, max_input_length: maxInput, max_total_length: maxTotal, quantized };
}

const PYTHIA_1 = "OpenAssistant/oasst-sft-1-pythia-12b";
const PYTHIA_4 = "OpenAssistant/oasst-sft-4-pythia-12b-epoch-3.5";
const LLAMA_13 = "OpenAssistant/oasst_sft_llama_13b_mask_1500";
const LATCYR_1000 = "OpenAssistant/llama_30b_oasst_latcyr_1000";
const LATCYR_400 = "OpenAssistant/llama_30b_oasst_latcyr_400";
const SFT_5 = "OpenAssistant/oasst-sft-5-llama-30b-epoch-1";
const SFT_6 = "OpenAssistant/oasst-sft-6-llama-30b";
const SFT_7 = "OpenAssistant/oasst-sft-7-llama-30b";
const CARPER = "CarperAI/vicuna-13b-fine-tuned-rlhf";

/** The 25 model configs of Open Assistant's `MODEL_CONFIGS`, in its order. */
export const MODEL_CONFIGS: ReadonlyMap<string, ModelConfig> = new Map<string, ModelConfig>([
  ["_lorem", config("_lorem", 128, 256)],
  ["distilgpt2", config("distilgpt2", 512, 1024)],
  ["OA_SFT_Pythia_12B", config(PYTHIA_1, 1024, 2048)],
  ["OA_SFT_Pythia_12Bq", config(PYTHIA_1, 1024, 2048, true)],
  ["OA_SFT_Pythia_12B_4", config(PYTHIA_4, 1024, 2048)],
  ["OA_SFT_Pythia_12Bq_4", config(PYTHIA_4, 1024, 2048, true)],
  ["OA_SFT_Llama_7B", config("OpenAssistant/oasst_sft_llama_7b_mask_1000", 1024, 2048)],
  ["OA_SFT_Llama_13B", config(LLAMA_13, 1024, 2048)],
  ["OA_SFT_Llama_13Bq", config(LLAMA_13, 1024, 2048, true)],
  ["OA_SFT_Llama_30B", config(LATCYR_1000, 1024, 1792)],
  ["OA_SFT_Llama_30Bq", config(LATCYR_1000, 1024, 1792, true)],
  ["OA_SFT_Llama_30B_2", config(LATCYR_400, 1024, 1792)],
  ["OA_SFT_Llama_30Bq_2", config(LATCYR_400, 1024, 1792, true)],
  ["OA_SFT_Llama_30B_5", config(SFT_5, 1024, 1792)],
  ["OA_SFT_Llama_30Bq_5", config(SFT_5, 1024, 1792, true)],
  ["OA_SFT_Llama_30B_6", config(SFT_6, 1024, 1792)],
  ["OA_SFT_Llama_30Bq_6", config(SFT_6, 1024, 1792, true)],
  ["OA_SFT_Llama_30B_7", config(SFT_7, 1024, 1792)],
  ["OA_SFT_Llama_30Bq_7", config(SFT_7, 1024, 1792, true)],
  ["OA_SFT_Llama_30B_7e3", config("OpenAssistant/oasst-sft-7e3-llama-30b", 1024, 1792)],
  ["OA_RLHF_Llama_30B_2_7k", config("OpenAssistant/oasst-rlhf-2-llama-30b-7k-steps", 1024, 1792)],
  ["Carper_RLHF_13B_1", config(CARPER, 1024, 2048)],
  ["Carper_RLHF_13Bq_1", config(CARPER, 1024, 2048, true)],
  ["OA_SFT_Llama2_70B_10", config("OpenAssistant/llama2-70b-oasst-sft-v10", 3072, 4096)],
  ["OA_SFT_CodeLlama_13B_10", config("OpenAssistant/codellama-13b-oasst-sft-v10", 8192, 12288)],
]);
