import { G4FError, type G4FErrorOptions } from "@g4f/core";

const marker: symbol = Symbol.for("g4f.error.API_REQUEST");

/** Options of {@link ApiRequestError}. */
export interface ApiRequestErrorOptions extends G4FErrorOptions {
  /** The message sent to the client; must never contain a secret. */
  message: string;
  /** HTTP status to answer with. */
  status: number;
  /** OpenAI error `type`. @defaultValue "invalid_request_error" */
  type?: string;
  /** OpenAI error `code`. @defaultValue null */
  apiCode?: string | null;
  /** The request field at fault. @defaultValue null */
  param?: string | null;
  /** Extra response headers (for example `WWW-Authenticate`). */
  headers?: Record<string, string>;
}

/**
 * A request the API server refuses before any provider runs (bad body, bad key, unknown model,
 * body too large, shutting down). It carries the HTTP status and OpenAI error fields to answer with.
 */
export class ApiRequestError extends G4FError {
  /** HTTP status to answer with. */
  readonly status: number;
  /** OpenAI error `type`. */
  readonly type: string;
  /** OpenAI error `code`. */
  readonly apiCode: string | null;
  /** The request field at fault. */
  readonly param: string | null;
  /** Extra response headers. */
  readonly headers: Readonly<Record<string, string>>;

  /** @param options - status, message and OpenAI error fields. */
  constructor(options: ApiRequestErrorOptions) {
    super({ ...options, code: "API_REQUEST", statusCode: options.status });
    this.status = options.status;
    this.type = options.type ?? "invalid_request_error";
    this.apiCode = options.apiCode ?? null;
    this.param = options.param ?? null;
    this.headers = options.headers ?? {};
    Object.defineProperty(this, marker, { value: true, enumerable: false });
  }

  /**
   * Whether a value is an {@link ApiRequestError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is ApiRequestError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
