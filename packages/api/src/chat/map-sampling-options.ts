import type { ParameterSpec } from "@g4f/core";
import type { ChatRequest } from "./chat-request-schema.js";

// OpenAI field → provider option candidates, first declared one wins.
const knownFields: ReadonlyArray<readonly [keyof ChatRequest, readonly string[]]> = [
  ["temperature", ["temperature"]],
  ["top_p", ["topP"]],
  ["top_k", ["topK"]],
  ["presence_penalty", ["presencePenalty"]],
  ["frequency_penalty", ["frequencyPenalty"]],
  ["seed", ["seed"]],
];

// Options a client must never set, whatever a provider declares: they reach the network or the disk.
const reserved = new Set([
  "proxy",
  "cookies",
  "signal",
  "timeout",
  "baseUrl",
  "allowNotWorking",
  "onDebug",
  "cookieDomain",
  "cookiesDir",
  "browsers",
]);

const handledFields = new Set<string>([
  ...knownFields.map(([field]) => field as string),
  "max_tokens",
  "max_completion_tokens",
  "stop",
  "model",
  "messages",
  "stream",
  "stream_options",
  "provider",
  "n",
]);

function toCamelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

function fits(spec: ParameterSpec, value: unknown): boolean {
  if (value === null) return spec.nullable === true;
  if (spec.type === "boolean") return typeof value === "boolean";
  if (spec.type === "integer") return Number.isInteger(value);
  if (spec.type === "number") return typeof value === "number" && Number.isFinite(value);
  return false;
}

/**
 * Maps a request's sampling fields onto the options the provider declares in its `parameters`:
 * `temperature` → `temperature`, `top_p` → `topP`, `max_completion_tokens`/`max_tokens` →
 * `maxNewTokens` or `maxTokens`, `stop` → `stop`, and any other snake_case field whose camelCase
 * name the provider declares as a number, integer or boolean (`typical_p` → `typicalP`).
 * Fields the provider does not declare are ignored; network, cookie and file options never pass.
 *
 * @param request - the validated request.
 * @param parameters - the provider's declared parameters.
 * @returns options to merge over the operator's defaults.
 * @internal
 */
export function mapSamplingOptions(
  request: ChatRequest,
  parameters: readonly ParameterSpec[],
): Record<string, unknown> {
  const declared = new Map(
    parameters.filter((spec) => !reserved.has(spec.name)).map((spec) => [spec.name, spec]),
  );
  const options: Record<string, unknown> = {};
  const assign = (candidates: readonly string[], value: unknown): void => {
    if (value === undefined || value === null) return;
    const target = candidates.find((name) => declared.has(name));
    if (target !== undefined) options[target] = value;
  };
  for (const [field, candidates] of knownFields) assign(candidates, request[field]);
  assign(["maxNewTokens", "maxTokens"], request.max_completion_tokens ?? request.max_tokens);
  assign(["stop"], typeof request.stop === "string" ? [request.stop] : request.stop);
  for (const [field, value] of Object.entries(request)) {
    if (handledFields.has(field)) continue;
    const spec = declared.get(toCamelCase(field));
    if (spec !== undefined && fits(spec, value)) options[spec.name] = value;
  }
  return options;
}
