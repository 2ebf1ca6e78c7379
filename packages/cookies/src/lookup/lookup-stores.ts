import { readBrowserCookies } from "../browsers/read-browser-cookies.js";
import { isUnsendable } from "../byte-string.js";
import { dropUnsendable } from "../drop-unsendable.js";
import type { CookieRecord, CookieSource, CookieWarning, FileStamp } from "../types.js";
import type { StoreLookupResult } from "./cookie-cache.js";
import { readCookieFolder } from "./read-cookie-folder.js";
import type { LookupSettings } from "./resolve-lookup-options.js";
import { stampFile } from "./stamp-file.js";

/**
 * The file and browser layers of a lookup, uncached: the cookies folder first (all its files
 * together), then each browser and profile in order; the first with a match is the answer
 * (with `all`, every one of them).
 * @internal
 */
export async function lookupStores(
  host: string,
  settings: LookupSettings,
  signal: AbortSignal | undefined,
): Promise<StoreLookupResult> {
  const warnings: CookieWarning[] = [];
  const warn = (warning: CookieWarning): void => {
    warnings.push(warning);
  };
  const now = settings.now();
  const files: FileStamp[] = await Promise.all(settings.folder.probed.map((path) => stampFile(path)));
  const folder = await readCookieFolder(settings.folder.dir, {
    host,
    includeSubdomains: settings.includeSubdomains,
    now,
    explicit: settings.folder.explicit,
    signal,
    warn,
  });
  files.push(...folder.files);
  if (folder.cookies.length > 0 && !settings.all) return { cookies: folder.cookies, warnings, files };
  signal?.throwIfAborted();
  const browsers = await readBrowserCookies(host, {
    browsers: settings.browsers,
    ...(settings.profiles === undefined ? {} : { profiles: settings.profiles }),
    includeSubdomains: settings.includeSubdomains,
    home: settings.home,
    platform: settings.platform,
    env: settings.env,
    now,
    ...(settings.safeStoragePassword === undefined
      ? {}
      : { safeStoragePassword: settings.safeStoragePassword }),
    ...(settings.secrets === undefined ? {} : { secrets: settings.secrets }),
    ...(signal === undefined ? {} : { signal }),
    onWarning: warn,
    all: settings.all,
  });
  files.push(...browsers.files);
  // A loop, no per-cookie callback (a cold lookup runs it for every cookie); only an
  // unsendable cookie needs its source's label and the warning.
  const sendable: CookieRecord[] = [];
  for (const cookie of browsers.cookies) {
    if (isUnsendable(cookie.name) || isUnsendable(cookie.value))
      dropUnsendable([cookie], sourceLabel(cookie.source), warn);
    else sendable.push(cookie);
  }
  return { cookies: [...folder.cookies, ...sendable], warnings, files };
}

function sourceLabel(source: CookieSource): string {
  return source.kind === "browser" ? `${source.browser} '${source.profile}'` : source.kind;
}
