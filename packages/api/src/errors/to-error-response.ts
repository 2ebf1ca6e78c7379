import { G4FError, RateLimitError, redactSecrets } from "@g4f/core";
import { ApiRequestError } from "./api-request-error.js";
import type { OpenAIErrorBody } from "./openai-error-body.js";

/** What the server answers for a failure. @internal */
export interface ErrorResponse {
  /** HTTP status. */
  status: number;
  /** The OpenAI-shaped body. */
  body: OpenAIErrorBody;
  /** Extra headers (`Retry-After`, `WWW-Authenticate`). */
  headers: Record<string, string>;
  /** The g4f error code, for the log. */
  errorCode: string;
  /** `warn` when the client caused it, `error` when the upstream or the server did. */
  level: "warn" | "error";
}

interface Mapping {
  status: number;
  type: string;
  code: string;
  /** Replaces the provider's message (used where the provider's wording would mislead the client). */
  message?: (error: G4FError) => string;
}

const mappings: Readonly<Record<string, Mapping>> = {
  INVALID_REQUEST: { status: 400, type: "invalid_request_error", code: "invalid_request" },
  PROVIDER_NOT_FOUND: { status: 404, type: "invalid_request_error", code: "provider_not_found" },
  MODEL_NOT_SUPPORTED: { status: 404, type: "invalid_request_error", code: "model_not_found" },
  RATE_LIMITED: { status: 429, type: "rate_limit_error", code: "rate_limit_exceeded" },
  TIMEOUT: { status: 504, type: "server_error", code: "upstream_timeout" },
  RESPONSE_STATUS: { status: 502, type: "server_error", code: "upstream_error" },
  STREAM_ERROR: { status: 502, type: "server_error", code: "upstream_error" },
  INVALID_RESPONSE: { status: 502, type: "server_error", code: "upstream_error" },
  NETWORK_ERROR: { status: 502, type: "server_error", code: "upstream_unreachable" },
  ALL_PROVIDERS_FAILED: { status: 502, type: "server_error", code: "upstream_error" },
  // The provider's credentials belong to the operator, not to the client: a 401 here would make
  // OpenAI clients blame their own API key.
  MISSING_AUTH: {
    status: 502,
    type: "server_error",
    code: "upstream_auth_failed",
    message: (error) =>
      `${error.provider ?? "The provider"} has no valid credentials (its cookies or token are missing or were rejected). This is a server configuration problem, not your API key: the operator must configure credentials for this provider.`,
  },
  PROVIDER_NOT_WORKING: { status: 503, type: "server_error", code: "provider_not_working" },
  MISSING_REQUIREMENTS: { status: 500, type: "server_error", code: "server_misconfigured" },
  ABORTED: { status: 503, type: "server_error", code: "aborted" },
};

/**
 * Turns anything thrown while serving a request into an OpenAI-shaped error response. Messages of
 * typed g4f errors are kept (they are written to be safe) and redacted once more against every
 * configured secret; anything else becomes a generic 500 without details.
 *
 * @param thrown - what was thrown.
 * @param secrets - values that must never appear (API keys, configured cookie values, tokens).
 * @returns status, body, headers and log fields.
 * @internal
 */
export function toErrorResponse(thrown: unknown, secrets: readonly string[]): ErrorResponse {
  // A shutdown aborts provider calls with an ApiRequestError as the reason; core wraps it.
  const cause = G4FError.isInstance(thrown) && thrown.code === "ABORTED" ? thrown.cause : undefined;
  const error = ApiRequestError.isInstance(cause) ? cause : thrown;
  if (ApiRequestError.isInstance(error)) {
    return {
      status: error.status,
      body: {
        error: {
          message: redactSecrets(error.message, secrets),
          type: error.type,
          param: error.param,
          code: error.apiCode,
        },
      },
      headers: { ...error.headers },
      errorCode: error.apiCode ?? error.code,
      level: error.status >= 500 ? "error" : "warn",
    };
  }
  if (G4FError.isInstance(error)) {
    const mapping = mappings[error.code] ?? { status: 502, type: "server_error", code: "upstream_error" };
    const headers: Record<string, string> = {};
    if (RateLimitError.isInstance(error) && error.retryAfter !== undefined)
      headers["retry-after"] = String(Math.max(0, Math.ceil(error.retryAfter)));
    const field = (error as { field?: unknown }).field;
    return {
      status: mapping.status,
      body: {
        error: {
          message: redactSecrets(mapping.message?.(error) ?? error.message, secrets),
          type: mapping.type,
          param: typeof field === "string" ? field : null,
          code: mapping.code,
        },
      },
      headers,
      errorCode: error.code,
      level: mapping.status < 500 && mapping.status !== 429 ? "warn" : "error",
    };
  }
  return {
    status: 500,
    body: {
      error: {
        message:
          "The server failed while handling the request. Try again; if it keeps failing, tell the server's operator.",
        type: "server_error",
        param: null,
        code: "internal_error",
      },
    },
    headers: {},
    errorCode: "INTERNAL",
    level: "error",
  };
}
