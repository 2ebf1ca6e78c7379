import type { G4FError } from "../errors/g4f-error.js";
import { MissingAuthError } from "../errors/missing-auth-error.js";
import { RateLimitError } from "../errors/rate-limit-error.js";
import { ResponseStatusError } from "../errors/response-status-error.js";
import { redactSecrets } from "../internal/redact-secrets.js";
import { parseRetryAfter } from "./parse-retry-after.js";

/** What a status mapper gets. */
export interface StatusErrorContext {
  /** HTTP status. */
  status: number;
  /** The body (or its start), already redacted when it comes from the HTTP client. */
  bodyText: string;
  /** Response headers. */
  headers: Headers;
  /** Which step of the provider's flow this was. */
  step?: string;
  /** Provider name for the message. */
  provider?: string;
  /** Extra values to redact from the body excerpt (cookie values, tokens). */
  secrets?: readonly string[];
}

/**
 * The default mapping of a non-2xx response to a typed error: 401/403 → {@link MissingAuthError},
 * 429 → {@link RateLimitError} with `retryAfter`, anything else → {@link ResponseStatusError} with a
 * redacted excerpt of at most 200 characters.
 * @param context - status, body, headers, step.
 * @returns the error to throw.
 */
export function mapStatusToError(context: StatusErrorContext): G4FError {
  const provider = context.provider === undefined ? {} : { provider: context.provider };
  const step = context.step === undefined ? {} : { step: context.step };
  const where = context.step === undefined ? "" : ` during ${context.step}`;
  const prefix = context.provider === undefined ? "" : `${context.provider}: `;
  if (context.status === 401 || context.status === 403) {
    return new MissingAuthError({
      ...provider,
      statusCode: context.status,
      message: `${prefix}The server rejected the credentials (HTTP ${context.status}${where}). Pass fresh cookies or a token, or log in again.`,
    });
  }
  if (context.status === 429) {
    const retryAfter = parseRetryAfter(context.headers.get("retry-after"));
    return new RateLimitError({ ...provider, ...step, ...(retryAfter === undefined ? {} : { retryAfter }) });
  }
  const excerpt = redactSecrets(context.bodyText.slice(0, 4096), context.secrets ?? [])
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
  return new ResponseStatusError({ ...provider, ...step, statusCode: context.status, bodyExcerpt: excerpt });
}
