/** The error object of OpenAI's API, as every failing response of this server carries it. */
export interface OpenAIErrorObject {
  /** What went wrong and what to do; never a secret. */
  message: string;
  /** Error family: `invalid_request_error`, `authentication_error`, `rate_limit_error`, `server_error`… */
  type: string;
  /** The request field at fault, or `null`. */
  param: string | null;
  /** A stable machine-readable code (`model_not_found`, `upstream_timeout`…), or `null`. */
  code: string | null;
}

/** A failing response body in OpenAI's shape: `{ error: { message, type, param, code } }`. */
export interface OpenAIErrorBody {
  /** The error. */
  error: OpenAIErrorObject;
}
