import { type SamplingParameters, samplingParameters } from "../models/sampling-parameters.js";
import type { PluginEntry } from "../store/records.js";

/** One pydantic v1 validation error. */
export interface ValidationDetail {
  /** Where: `["body", field, …]`. */
  loc: string[];
  /** What. */
  msg: string;
  /** The pydantic error type. */
  type: string;
}

/** A valid `assistant_message` body, normalised. */
export interface AssistantBody {
  parentId: string;
  modelName: string;
  sampling: SamplingParameters;
  plugins: PluginEntry[];
  systemPrompt: string | null;
  userProfile: string | null;
  userResponseInstructions: string | null;
}

const INTEGER_KEYS = new Set(["top_k", "max_new_tokens"]);
const SAMPLING_KEYS = [
  "top_k",
  "top_p",
  "typical_p",
  "temperature",
  "repetition_penalty",
  "max_new_tokens",
] as const;

function missing(field: string): ValidationDetail {
  return { loc: ["body", field], msg: "field required", type: "value_error.missing" };
}

function notString(loc: string[]): ValidationDetail {
  return { loc, msg: "str type expected", type: "type_error.str" };
}

function optionalString(
  body: Record<string, unknown>,
  field: string,
  errors: ValidationDetail[],
): string | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") errors.push(notString(["body", field]));
  return typeof value === "string" ? value : null;
}

function readSampling(value: unknown, errors: ValidationDetail[]): SamplingParameters {
  if (value === undefined || value === null) return samplingParameters({});
  if (typeof value !== "object" || Array.isArray(value)) {
    errors.push({
      loc: ["body", "sampling_parameters"],
      msg: "value is not a valid dict",
      type: "type_error.dict",
    });
    return samplingParameters({});
  }
  const given = value as Record<string, unknown>;
  const values: Partial<SamplingParameters> = {};
  for (const key of SAMPLING_KEYS) {
    const item = given[key];
    if (item === undefined || item === null) continue;
    const loc = ["body", "sampling_parameters", key];
    if (INTEGER_KEYS.has(key)) {
      if (typeof item !== "number" || !Number.isInteger(item))
        errors.push({ loc, msg: "value is not a valid integer", type: "type_error.integer" });
      else values[key] = item;
    } else if (typeof item !== "number" || !Number.isFinite(item)) {
      errors.push({ loc, msg: "value is not a valid float", type: "type_error.float" });
    } else values[key] = item;
  }
  return samplingParameters(values);
}

function readPlugins(value: unknown, errors: ValidationDetail[]): PluginEntry[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.push({ loc: ["body", "plugins"], msg: "value is not a valid list", type: "type_error.list" });
    return [];
  }
  const plugins: PluginEntry[] = [];
  value.forEach((item, index) => {
    const entry = typeof item === "object" && item !== null ? (item as Record<string, unknown>) : undefined;
    if (!entry || typeof entry.url !== "string") {
      errors.push(
        entry
          ? notString(["body", "plugins", String(index), "url"])
          : {
              loc: ["body", "plugins", String(index)],
              msg: "value is not a valid dict",
              type: "type_error.dict",
            },
      );
      return;
    }
    plugins.push({
      url: entry.url,
      enabled: typeof entry.enabled === "boolean" ? entry.enabled : true,
      plugin_config: entry.plugin_config ?? null,
      trusted: typeof entry.trusted === "boolean" ? entry.trusted : false,
    });
  });
  return plugins;
}

/** Validates an `assistant_message` body as the inference server's pydantic model did. */
export function validateAssistantBody(
  body: Record<string, unknown>,
): { ok: true; value: AssistantBody } | { ok: false; errors: ValidationDetail[] } {
  const errors: ValidationDetail[] = [];
  const { parent_id: parentId, model_config_name: modelName } = body;
  if (parentId === undefined || parentId === null) errors.push(missing("parent_id"));
  else if (typeof parentId !== "string") errors.push(notString(["body", "parent_id"]));
  if (modelName === undefined || modelName === null) errors.push(missing("model_config_name"));
  else if (typeof modelName !== "string") errors.push(notString(["body", "model_config_name"]));
  const sampling = readSampling(body.sampling_parameters, errors);
  const plugins = readPlugins(body.plugins, errors);
  const systemPrompt = optionalString(body, "system_prompt", errors);
  const userProfile = optionalString(body, "user_profile", errors);
  const userResponseInstructions = optionalString(body, "user_response_instructions", errors);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      parentId: parentId as string,
      modelName: modelName as string,
      sampling,
      plugins,
      systemPrompt,
      userProfile,
      userResponseInstructions,
    },
  };
}
