import { registrableDomain } from "./normalize-domain.js";

/**
 * A normalised host and its parents up to the registrable domain, most specific first: the
 * domains whose cookies can be sent to the host. Meant for SQL `IN (...)` prefilters (bind each
 * with and without a leading dot); `domainMatches` decides.
 *
 * @param host - a normalised host (see `normalizeDomain`).
 * @returns e.g. `["a.b.example.co.uk", "b.example.co.uk", "example.co.uk"]`; `[host]` for IPs and single labels.
 * @example
 * ```ts
 * lookupHosts("chat.open-assistant.io"); // ["chat.open-assistant.io", "open-assistant.io"]
 * ```
 */
export function lookupHosts(host: string): string[] {
  const base = registrableDomain(host);
  if (base === undefined || base === host) return [host];
  const hosts = [host];
  let current = host;
  while (current !== base) {
    const dot = current.indexOf(".");
    if (dot < 0) break;
    current = current.slice(dot + 1);
    hosts.push(current);
  }
  return hosts;
}
