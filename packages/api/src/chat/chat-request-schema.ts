import { z } from "zod";
import { ApiRequestError } from "../errors/api-request-error.js";

/** One message of a validated request. @internal */
export interface ChatRequestMessage {
  /** Who wrote it. */
  role: "system" | "developer" | "user" | "assistant" | "tool" | "function";
  /** Text, parts, or null/absent. */
  content?: string | Array<{ type: string; [key: string]: unknown }> | null | undefined;
  /** Optional author name. */
  name?: string | undefined;
  /** Other fields are kept. */
  [key: string]: unknown;
}

/** A validated chat completion request (the fields this server reads; others are kept). @internal */
export interface ChatRequest {
  /** Model id. */
  model: string;
  /** The conversation. */
  messages: ChatRequestMessage[];
  /** Whether to stream. */
  stream?: boolean | null | undefined;
  /** Stream options. */
  stream_options?: { include_usage?: boolean | undefined; [key: string]: unknown } | null | undefined;
  /** Sampling temperature. */
  temperature?: number | null | undefined;
  /** Nucleus sampling. */
  top_p?: number | null | undefined;
  /** Top-k sampling (g4f extra). */
  top_k?: number | null | undefined;
  /** Legacy token limit. */
  max_tokens?: number | null | undefined;
  /** Token limit. */
  max_completion_tokens?: number | null | undefined;
  /** Presence penalty. */
  presence_penalty?: number | null | undefined;
  /** Frequency penalty. */
  frequency_penalty?: number | null | undefined;
  /** Seed. */
  seed?: number | null | undefined;
  /** Stop sequences. */
  stop?: string | string[] | null | undefined;
  /** Number of choices (only 1). */
  n?: 1 | null | undefined;
  /** g4f's extra provider field. */
  provider?: string | null | undefined;
  /** Other fields are kept. */
  [key: string]: unknown;
}

const textPart = z.looseObject({ type: z.literal("text"), text: z.string() });
const otherPart = z.looseObject({ type: z.string().min(1) });

const message = z.looseObject({
  role: z.enum(["system", "developer", "user", "assistant", "tool", "function"]),
  content: z.union([z.string(), z.array(z.union([textPart, otherPart])), z.null()]).optional(),
  name: z.string().optional(),
});

const tokenLimit = z.number().int().min(1).nullish();

// The body of `POST /v1/chat/completions`: OpenAI's fields this server understands, validated;
// other fields are accepted and ignored (see the README's parameter table).
const chatRequestSchema: z.ZodType<ChatRequest> = z.looseObject({
  model: z.string(),
  messages: z.array(message).min(1, "must hold at least one message"),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  top_k: z.number().int().min(0).nullish(),
  max_tokens: tokenLimit,
  max_completion_tokens: tokenLimit,
  presence_penalty: z.number().min(-2).max(2).nullish(),
  frequency_penalty: z.number().min(-2).max(2).nullish(),
  seed: z.number().int().nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).nullish(),
  n: z.literal(1, { error: "only 1 is supported" }).nullish(),
  provider: z.string().nullish(),
});

// Renders a zod issue path the way OpenAI names fields: `messages[1].role`.
function formatIssuePath(path: readonly PropertyKey[]): string {
  let result = "";
  for (const key of path) {
    if (typeof key === "number") result += `[${key}]`;
    else result += result === "" ? String(key) : `.${String(key)}`;
  }
  return result === "" ? "body" : result;
}

/**
 * Validates a chat completion body.
 * @param body - the parsed JSON.
 * @returns the typed request.
 * @throws {@link ApiRequestError} 400 naming the first bad field in `message` and `param`.
 * @internal
 */
export function parseChatRequest(body: unknown): ChatRequest {
  const result = chatRequestSchema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = formatIssuePath(issue?.path ?? []);
    throw new ApiRequestError({
      status: 400,
      apiCode: "invalid_value",
      param: field,
      message: `Invalid request: ${field}: ${issue?.message ?? "invalid value"}.`,
    });
  }
  const request = result.data;
  if (request.model === "" && (request.provider ?? "") === "") {
    throw new ApiRequestError({
      status: 400,
      apiCode: "invalid_value",
      param: "model",
      message:
        "Invalid request: model: must not be empty (use an id from GET /v1/models, or set `provider`).",
    });
  }
  return request;
}
