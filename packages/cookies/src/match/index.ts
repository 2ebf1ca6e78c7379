export { type DomainMatchOptions, type DomainMatchTarget, domainMatches } from "./domain-matches.js";
export { lookupHosts } from "./lookup-hosts.js";
export { isIpAddress, normalizeDomain, registrableDomain } from "./normalize-domain.js";
