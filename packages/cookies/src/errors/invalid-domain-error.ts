import { CookieError, type CookieErrorOptions, hasMarker, markError } from "./cookie-error.js";

const marker: symbol = Symbol.for("g4f.cookies.InvalidDomainError");

/** Options of {@link InvalidDomainError}. */
export interface InvalidDomainErrorOptions extends CookieErrorOptions {
  /** The domain as the caller gave it. */
  domain?: string;
}

/** The domain is empty, malformed, or a bare public suffix such as `co.uk` or `github.io`. */
export class InvalidDomainError extends CookieError {
  /** The domain as the caller gave it. */
  readonly domain: string | undefined;

  /** @param options - the domain, message and cause. */
  constructor(options: InvalidDomainErrorOptions = {}) {
    super(
      "INVALID_DOMAIN",
      `${JSON.stringify(options.domain ?? "")} is not a site's domain. Pass a host name such as "example.com" (not a URL, not a public suffix like "co.uk").`,
      options,
    );
    this.domain = options.domain;
    markError(this, marker);
  }

  /**
   * Whether a value is an {@link InvalidDomainError}, from any copy of the package.
   * @param value - anything caught.
   * @returns `true` when the value carries this class's marker.
   */
  static override isInstance(value: unknown): value is InvalidDomainError {
    return hasMarker(value, marker);
  }
}
