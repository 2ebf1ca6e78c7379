import { jsonReply } from "../http/replies.js";
import { MODEL_CONFIGS } from "../models/model-configs.js";
import { PARAMETER_PRESETS } from "../models/parameter-presets.js";
import type { ServerRuntime } from "../runtime/server-runtime.js";

/** `GET /api/chat/models`: each allowed model config, in `MODEL_CONFIGS` order, with the eight presets. */
export function listModels(runtime: ServerRuntime): Response {
  const allowed = runtime.options.allowedModels;
  const models = [];
  for (const name of MODEL_CONFIGS.keys()) {
    if (allowed !== "*" && !allowed.includes(name)) continue;
    models.push({ name, description: "", parameter_configs: PARAMETER_PRESETS });
  }
  return jsonReply(models);
}
