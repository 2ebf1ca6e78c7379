/** Stable codes of every g4f error; switch on these, not on messages. */
export type G4FErrorCode =
  | "MISSING_AUTH"
  | "PROVIDER_NOT_FOUND"
  | "MODEL_NOT_SUPPORTED"
  | "PROVIDER_NOT_WORKING"
  | "RESPONSE_STATUS"
  | "RATE_LIMITED"
  | "TIMEOUT"
  | "ABORTED"
  | "STREAM_ERROR"
  | "INVALID_RESPONSE"
  | "INVALID_REQUEST"
  | "ALL_PROVIDERS_FAILED"
  | "MISSING_REQUIREMENTS"
  | "NETWORK_ERROR"
  | (string & {});

/** Options every error constructor accepts. */
export interface G4FErrorOptions {
  /** Overrides the default message; must never contain a secret. */
  message?: string;
  /** Registry name of the provider involved. */
  provider?: string;
  /** The underlying error, kept but never serialised by `toJSON`. */
  cause?: unknown;
}

/** Options of the {@link G4FError} base constructor. */
export interface G4FErrorBaseOptions extends G4FErrorOptions {
  /** Stable error code. */
  code: G4FErrorCode;
  /** Message used when `message` is not given. */
  defaultMessage?: string;
  /** Whether repeating the same call may succeed. @defaultValue false */
  isRetryable?: boolean;
  /** HTTP status involved, if any. */
  statusCode?: number;
}

/** The safe, serialisable view of an error returned by `toJSON`. */
export interface G4FErrorJSON {
  /** Error class name. */
  name: string;
  /** Stable error code. */
  code: G4FErrorCode;
  /** Human-readable message. */
  message: string;
  /** Provider involved, if any. */
  provider?: string;
  /** HTTP status involved, if any. */
  statusCode?: number;
  /** Whether repeating the call may succeed. */
  isRetryable: boolean;
}

const errorMarker: symbol = Symbol.for("g4f.error");

/**
 * Sets a non-enumerable marker so `isInstance` checks work across copies of the package.
 * @internal
 */
export function markError(target: object, marker: symbol): void {
  Object.defineProperty(target, marker, { value: true, enumerable: false });
}

/**
 * Tells whether a value carries a marker.
 * @internal
 */
export function hasMarker(value: unknown, marker: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[marker] === true;
}

/**
 * Base of every error g4f throws. Check with `G4FError.isInstance(error)` rather than
 * `instanceof`, which fails when two copies of the package are installed.
 *
 * @example
 * ```ts
 * try { await chat("OpenAssistant", "Hi"); }
 * catch (error) { if (G4FError.isInstance(error) && error.isRetryable) retryLater(); }
 * ```
 */
export class G4FError extends Error {
  /** Stable error code. */
  readonly code: G4FErrorCode;
  /** Whether repeating the same call may succeed. */
  readonly isRetryable: boolean;
  /** HTTP status involved, if any. */
  readonly statusCode: number | undefined;
  /** Registry name of the provider involved, if any. */
  readonly provider: string | undefined;

  /**
   * @param options - code, message and context; `cause` is kept.
   */
  constructor(options: G4FErrorBaseOptions) {
    super(options.message ?? options.defaultMessage ?? options.code, { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.isRetryable = options.isRetryable ?? false;
    this.statusCode = options.statusCode;
    this.provider = options.provider;
    markError(this, errorMarker);
  }

  /**
   * Whether a value is a g4f error, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` for every error carrying the `Symbol.for("g4f.error")` marker.
   */
  static isInstance(value: unknown): value is G4FError {
    return hasMarker(value, errorMarker);
  }

  /**
   * A safe serialisable view: code, message, provider, status. Never the cause.
   * @returns plain data fit for logs and API responses.
   */
  toJSON(): G4FErrorJSON {
    const json: G4FErrorJSON = {
      name: this.name,
      code: this.code,
      message: this.message,
      isRetryable: this.isRetryable,
    };
    if (this.provider !== undefined) json.provider = this.provider;
    if (this.statusCode !== undefined) json.statusCode = this.statusCode;
    return json;
  }
}

/**
 * Prefix "Provider X: " when a provider is known.
 * @internal
 */
export function withProvider(provider: string | undefined, text: string): string {
  return provider === undefined ? text : `${provider}: ${text}`;
}
