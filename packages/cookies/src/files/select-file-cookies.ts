import { createCookieRecord } from "../cookie-record.js";
import { domainMatches } from "../match/domain-matches.js";
import type { CookieFileFormat, CookieRecord } from "../types.js";
import type { CookieDraft } from "./cookie-draft.js";

/** Options of {@link selectFileCookies}. @internal */
export interface SelectFileCookiesOptions {
  /** The normalised host to keep cookies for; every cookie when absent. */
  host?: string | undefined;
  /** Also keep cookies of subdomains of the host. */
  includeSubdomains: boolean;
  /** Clock (ms); cookies expired by then are dropped. */
  now: number;
}

/**
 * Keeps a file's unexpired cookies that belong to a host and makes records of them. A HAR
 * request cookie (known only by the host it was sent to) matches that host and its parents; it
 * is then recorded as a cookie of the looked-up host.
 * @internal
 */
export function selectFileCookies(
  drafts: readonly CookieDraft[],
  file: { path: string; format: CookieFileFormat },
  options: SelectFileCookiesOptions,
): CookieRecord[] {
  const { host } = options;
  // One frozen source for every record of this file (createCookieRecord shares a frozen one).
  const source = Object.freeze({ kind: "file" as const, path: file.path, format: file.format });
  const records: CookieRecord[] = [];
  for (const draft of drafts) {
    if (draft.expires !== undefined && draft.expires <= options.now) continue;
    let domain = draft.domain;
    let hostOnly = draft.hostOnly;
    if (host !== undefined) {
      if (draft.sentTo !== undefined) {
        if (draft.sentTo !== host && !draft.sentTo.endsWith(`.${host}`)) continue;
        domain = host;
        hostOnly = draft.sentTo === host;
      } else if (!domainMatches(draft, host, { includeSubdomains: options.includeSubdomains })) continue;
    }
    records.push(
      createCookieRecord({
        name: draft.name,
        value: draft.value,
        domain,
        hostOnly,
        path: draft.path,
        secure: draft.secure,
        httpOnly: draft.httpOnly,
        ...(draft.sameSite === undefined ? {} : { sameSite: draft.sameSite }),
        ...(draft.expires === undefined ? {} : { expires: draft.expires }),
        ...(draft.creationTime === undefined ? {} : { creationTime: draft.creationTime }),
        source,
      }),
    );
  }
  return records;
}
