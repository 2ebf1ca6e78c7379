import {
  type G4FError,
  type HttpErrorContext,
  MissingAuthError,
  ModelNotSupportedError,
  parseRetryAfter,
  RateLimitError,
  ResponseStatusError,
} from "@g4f/core";
import { MODELS } from "./models.js";
import { PROVIDER_NAME } from "./provider-name.js";

/** What the mapping knows about the call besides the response. */
export interface ErrorMappingContext {
  /** The model that was asked for. */
  model: string;
  /** The base URL, already safe to show (see `describeBaseUrl`). */
  baseUrl: string;
}

const rateLimitPattern = /Too Many Requests\. Retry After (\d+(?:\.\d+)?) seconds\./i;
const EXCERPT_LIMIT = 200;

function shorten(text: string, limit: number = EXCERPT_LIMIT): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

/** One entry of a FastAPI validation `detail` array. */
interface ValidationDetail {
  loc?: unknown;
  msg?: unknown;
}

function renderDetail(detail: ValidationDetail): string {
  const loc = Array.isArray(detail.loc) ? detail.loc.map(String).join(".") : String(detail.loc ?? "?");
  return `${loc}: ${typeof detail.msg === "string" ? detail.msg : JSON.stringify(detail.msg)}`;
}

/**
 * The server's own explanation in an error body: the `message` (or `detail`) of a JSON body, with
 * validation arrays rendered as `loc: msg`, else the text itself.
 *
 * @param bodyText - the (already redacted) body.
 * @returns a one-line explanation, possibly empty.
 * @example
 * ```ts
 * describeErrorBody('{"message":[{"loc":["body","content"],"msg":"field required"}]}'); // "body.content: field required"
 * ```
 */
export function describeErrorBody(bodyText: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    return shorten(bodyText);
  }
  const record = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const detail = record.message ?? record.detail ?? parsed;
  if (typeof detail === "string") return shorten(detail);
  if (Array.isArray(detail)) {
    return shorten(
      detail
        .map((entry: unknown) =>
          typeof entry === "object" && entry !== null
            ? renderDetail(entry as ValidationDetail)
            : String(entry),
        )
        .join("; "),
    );
  }
  return shorten(bodyText);
}

function where(step: string | undefined): string {
  return step === undefined ? "" : ` during ${step}`;
}

/**
 * Maps a non-2xx reply of the Open Assistant web API to a typed error (protocol §2.2): 401/403 →
 * {@link @g4f/core!index.MissingAuthError | MissingAuthError}; 404 → {@link @g4f/core!index.ResponseStatusError | ResponseStatusError} (chat disabled or wrong base URL);
 * 422 → {@link @g4f/core!index.ModelNotSupportedError | ModelNotSupportedError}; 429, or a body `Too Many Requests. Retry After N seconds.`
 * → {@link @g4f/core!index.RateLimitError | RateLimitError}; 503 → retryable {@link @g4f/core!index.ResponseStatusError | ResponseStatusError}; anything else →
 * {@link @g4f/core!index.ResponseStatusError | ResponseStatusError} with a short excerpt. Bodies come redacted from the HTTP client.
 *
 * @param response - status, redacted body, headers and step.
 * @param call - the model and the (safe) base URL.
 * @returns the error to throw.
 */
export function mapOpenAssistantError(response: HttpErrorContext, call: ErrorMappingContext): G4FError {
  const { status, step } = response;
  const stepOption = step === undefined ? {} : { step };
  const provider = PROVIDER_NAME;
  const rateLimit = rateLimitPattern.exec(response.bodyText);
  if (status === 429 || rateLimit !== null) {
    const retryAfter =
      parseRetryAfter(response.headers.get("retry-after")) ??
      (rateLimit === null ? undefined : Number(rateLimit[1]));
    const wait = retryAfter === undefined ? "Wait a while" : `Wait ${retryAfter} s`;
    return new RateLimitError({
      provider,
      ...stepOption,
      ...(retryAfter === undefined ? {} : { retryAfter }),
      message: `${provider}: rate limited (HTTP ${status}${where(step)}). ${wait} and try again; the site allows about 20 answers per 11 minutes.`,
    });
  }
  if (status === 401 || status === 403) {
    return new MissingAuthError({
      provider,
      statusCode: status,
      message: `${provider}: not logged in or the session expired (HTTP ${status}${where(step)}): supply fresh cookies (log in again, or pass a valid next-auth session token in \`cookies\`).`,
    });
  }
  if (status === 404) {
    return new ResponseStatusError({
      provider,
      ...stepOption,
      statusCode: status,
      message: `${provider}: HTTP 404${where(step)}: chat is disabled on this server or the base URL is wrong (${call.baseUrl}). Point \`baseUrl\` or OPENASSISTANT_BASE_URL at an Open Assistant web app with chat enabled.`,
    });
  }
  const explanation = describeErrorBody(response.bodyText);
  const said = explanation === "" ? "" : `: ${explanation}`;
  if (status === 422) {
    return new ModelNotSupportedError({
      provider,
      model: call.model,
      supportedModels: MODELS,
      message: `${provider}: the server refused the request for model "${call.model}" (HTTP 422${where(step)})${said}. Pick a model the server allows (GET /api/chat/models lists them).`,
    });
  }
  if (status === 503) {
    return new ResponseStatusError({
      provider,
      ...stepOption,
      statusCode: status,
      bodyExcerpt: explanation,
      message: `${provider}: the server is busy (HTTP 503${where(step)})${said}. Try again later.`,
    });
  }
  return new ResponseStatusError({
    provider,
    ...stepOption,
    statusCode: status,
    bodyExcerpt: explanation,
    message: `${provider}: the server answered HTTP ${status}${where(step)}${said}.`,
  });
}
