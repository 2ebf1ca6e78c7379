import { isIpAddress, registrableDomain } from "./normalize-domain.js";

/** The attributes of a cookie that domain matching looks at. */
export interface DomainMatchTarget {
  /** Cookie domain, lower-case, without a leading dot. */
  domain: string;
  /** Host-only cookies match their exact domain only. */
  hostOnly: boolean;
}

/** Options of {@link domainMatches}. */
export interface DomainMatchOptions {
  /** Also admit cookies whose domain is a subdomain of the host. @defaultValue false */
  includeSubdomains?: boolean;
}

/**
 * Whether a cookie belongs to a host under RFC 6265 §5.1.3: a host-only cookie when the domain is
 * the host; a domain cookie when the host is the domain or ends with `.` + domain. Never a
 * substring test: `open-assistant.io` does not match `evil-open-assistant.io` or
 * `open-assistant.io.evil.com`. IP hosts match only themselves; a domain cookie set on a bare
 * public suffix (`.co.uk`) matches nothing but that suffix.
 *
 * @param cookie - the cookie's domain and host-only flag.
 * @param host - a normalised host (see `normalizeDomain`).
 * @param options - `includeSubdomains` admits cookies set for subdomains of the host too.
 * @returns `true` when the cookie may be sent to (or, with `includeSubdomains`, belongs under) the host.
 * @example
 * ```ts
 * domainMatches({ domain: "open-assistant.io", hostOnly: false }, "chat.open-assistant.io"); // true
 * domainMatches({ domain: "open-assistant.io", hostOnly: false }, "evil-open-assistant.io"); // false
 * ```
 */
export function domainMatches(
  cookie: DomainMatchTarget,
  host: string,
  options: DomainMatchOptions = {},
): boolean {
  const domain = cookie.domain;
  if (domain === host) return true;
  if (isIpAddress(host)) return false;
  if (!cookie.hostOnly && host.endsWith(`.${domain}`) && !isIpAddress(domain)) {
    // A browser never keeps a cookie for a public suffix (`.co.uk`, `.com`); a file might carry
    // one: it counts only at or below the host's registrable domain.
    const base = registrableDomain(host);
    return base !== undefined && (domain === base || domain.endsWith(`.${base}`));
  }
  if (options.includeSubdomains === true && domain.endsWith(`.${host}`)) return true;
  return false;
}
