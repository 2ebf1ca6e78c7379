const g4fMarker: symbol = Symbol.for("g4f.error");
const serverMarker: symbol = Symbol.for("g4f.error.openassistant-server");

/** Stable codes of the errors this package throws. */
export type OpenAssistantServerErrorCode = "INVALID_SERVER_OPTION" | "IDLE_TIMEOUT";

/** Options of {@link OpenAssistantServerError}. */
export interface OpenAssistantServerErrorOptions {
  /** What went wrong and what to do; never a token or cookie value. */
  message: string;
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * @internal
 */
export function mark(target: object, marker: symbol): void {
  Object.defineProperty(target, marker, { value: true, enumerable: false });
}

/**
 * @internal
 */
export function hasMark(value: unknown, marker: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[marker] === true;
}

/**
 * Base of the errors of `@g4f/openassistant-server`. It carries the `Symbol.for("g4f.error")`
 * marker, so `G4FError.isInstance` from `@g4f/core` recognises it too.
 */
export class OpenAssistantServerError extends Error {
  /** Stable error code. */
  readonly code: OpenAssistantServerErrorCode;
  /** Never retryable: these are programming or test errors. */
  readonly isRetryable: boolean = false;

  /**
   * @param code - the stable code.
   * @param options - message and cause.
   */
  constructor(code: OpenAssistantServerErrorCode, options: OpenAssistantServerErrorOptions) {
    super(options.message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    mark(this, g4fMarker);
    mark(this, serverMarker);
  }

  /**
   * Whether a value is an error of this package, from any copy of it.
   * @param value - anything caught.
   * @returns `true` when the value carries this package's marker.
   */
  static isInstance(value: unknown): value is OpenAssistantServerError {
    return hasMark(value, serverMarker);
  }
}
