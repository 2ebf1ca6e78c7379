import { isIP } from "node:net";
import { domainToASCII } from "node:url";
import { getPublicSuffix } from "tough-cookie";
import { InvalidDomainError } from "../errors/invalid-domain-error.js";

const hostCharacters = /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/;

/**
 * Whether a normalised host is an IP address (v4, or v6 with or without brackets).
 * @param host - a normalised host.
 * @returns `true` for IP literals.
 */
export function isIpAddress(host: string): boolean {
  return isIP(host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host) !== 0;
}

/**
 * The registrable domain of a normalised host (`a.b.example.co.uk` → `example.co.uk`); the host
 * itself for IPs, single labels and special-use names it cannot place.
 * @param host - a normalised host.
 * @returns the registrable domain, or `undefined` when the host is a bare public suffix.
 */
export function registrableDomain(host: string): string | undefined {
  if (isIpAddress(host) || !host.includes(".")) return host;
  return getPublicSuffix(host, { allowSpecialUseDomain: true, ignoreError: true }) ?? undefined;
}

/**
 * Normalises a domain for lookups (RFC 6265 §5.1.2): trims, lower-cases, drops one leading and
 * one trailing dot, converts an IDN to punycode. IP addresses and single-label names such as
 * `localhost` are kept as they are (they match only themselves).
 *
 * @param input - a host name such as `Open-Assistant.io.` or `bücher.example`.
 * @returns the normalised host, e.g. `open-assistant.io` or `xn--bcher-kva.example`.
 * @throws {@link InvalidDomainError} for empty input, URLs, bad characters and bare public
 *   suffixes such as `co.uk` or `github.io`.
 * @example
 * ```ts
 * normalizeDomain(" .Open-Assistant.IO. "); // "open-assistant.io"
 * ```
 */
export function normalizeDomain(input: string): string {
  if (typeof input !== "string") throw new InvalidDomainError({ domain: String(input) });
  let host = input.trim().toLowerCase();
  if (host.startsWith(".")) host = host.slice(1);
  if (host.endsWith(".")) host = host.slice(0, -1);
  if (host === "") throw new InvalidDomainError({ domain: input });
  if (isIpAddress(host)) return host.startsWith("[") ? host.slice(1, -1) : host;
  // domainToASCII silently truncates at '/' and ':'; refuse anything that is not a bare host.
  if (/[\s/\\:?#@[\]%]/.test(host)) {
    throw new InvalidDomainError({
      domain: input,
      message: `${JSON.stringify(input)} is not a host name. Pass only the host, e.g. "example.com", without scheme, port or path.`,
    });
  }
  const ascii = domainToASCII(host);
  if (ascii === "" || !hostCharacters.test(ascii)) throw new InvalidDomainError({ domain: input });
  if (registrableDomain(ascii) === undefined) {
    throw new InvalidDomainError({
      domain: input,
      message: `${JSON.stringify(input)} is a public suffix shared by many sites, not a site. Pass the site's own domain, e.g. "example.${ascii}".`,
    });
  }
  return ascii;
}
