import { join } from "node:path";
import { CookieError } from "../errors/cookie-error.js";
import { CookieStoreReadError } from "../errors/cookie-store-read-error.js";
import { MissingRequirementsError } from "../errors/missing-requirements-error.js";
import { isDirectorySync, isFileSync } from "../lookup/path-kinds.js";
import type {
  BrowserName,
  CookieRecord,
  CookieWarning,
  CookieWarningCode,
  FileStamp,
  SecretProvider,
} from "../types.js";
import { type BrowserInfo, browserInfo, browserRoots } from "./browser-table.js";
import { findChromiumCookieDb, findChromiumProfiles } from "./chromium-profiles.js";
import { findFirefoxProfiles } from "./firefox-profiles.js";
import type { ProfileLocation } from "./profile-location.js";
import { type BrowserDbResult, readChromiumCookies } from "./read-chromium-cookies.js";
import { readFirefoxCookies } from "./read-firefox-cookies.js";

/** Options of {@link readBrowserCookies}. */
export interface ReadBrowserCookiesOptions {
  /** Browsers to read, in this order. */
  browsers: readonly BrowserName[];
  /** Only these profile names, in this order. @defaultValue every profile, default first */
  profiles?: readonly string[];
  /** Also return cookies set for subdomains of the host. */
  includeSubdomains: boolean;
  /** Home folder whose browser folders are read. */
  home: string;
  /** Platform whose browser layout and encryption apply. */
  platform: NodeJS.Platform;
  /** Environment (`XDG_CONFIG_HOME`, `LOCALAPPDATA`, `APPDATA`, `G4F_SAFE_STORAGE_PASSWORD`). */
  env: Record<string, string | undefined>;
  /** Clock in ms since the epoch; cookies expired by then are dropped. */
  now: number;
  /** Chromium "Safe Storage" password. @defaultValue `env.G4F_SAFE_STORAGE_PASSWORD` */
  safeStoragePassword?: string;
  /** Secret stores. @defaultValue the operating system's tools */
  secrets?: SecretProvider;
  /** Aborts the lookup; it then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Receives a warning for each source skipped or only partly read. */
  onWarning: (warning: CookieWarning) => void;
  /** Return the matches of every browser and profile instead of the first. @defaultValue false */
  all?: boolean;
}

/** What {@link readBrowserCookies} found. */
export interface BrowserCookiesResult {
  /** Matching, unexpired cookies of the first browser and profile with any (of all with `all`). */
  cookies: CookieRecord[];
  /** Stamps of every file read (`profiles.ini`, `Local State`, DBs, `-wal`s), for the cache. */
  files: FileStamp[];
}

/**
 * Looks a host up in the installed browsers: for each browser in order, each of its folders
 * (native, beta, snap, Flatpak…) and each profile (default first), the first that holds a
 * matching unexpired cookie is the whole answer; cookies of two browsers or profiles are never
 * mixed (unless `all`). A missing browser is silent; a profile without a DB, a locked or corrupt
 * DB, a missing engine and undecryptable cookies are warnings; nothing here throws but an abort.
 *
 * @param host - a normalised host (see `normalizeDomain`).
 * @param options - browsers, profiles, home/platform/env, clock, secrets, `signal`, `onWarning`.
 * @returns the cookies and the stamps of the files read.
 * @throws the signal's reason when aborted.
 * @example
 * ```ts
 * const { cookies } = await readBrowserCookies("open-assistant.io", { browsers: ["firefox", "chrome"],
 *   includeSubdomains: false, home: os.homedir(), platform: process.platform, env: process.env,
 *   now: Date.now(), onWarning: () => {} });
 * ```
 */
export async function readBrowserCookies(
  host: string,
  options: ReadBrowserCookiesOptions,
): Promise<BrowserCookiesResult> {
  const { signal } = options;
  const cookies: CookieRecord[] = [];
  const files: FileStamp[] = [];
  for (const browser of options.browsers) {
    const info = browserInfo(browser, options.platform);
    for (const root of await browserRoots(browser, options)) {
      signal?.throwIfAborted();
      if (!isDirectorySync(root)) continue;
      const found = await readRoot(host, info, root, options, files);
      cookies.push(...found);
      if (found.length > 0 && options.all !== true) return { cookies, files };
    }
  }
  return { cookies, files };
}

async function readRoot(
  host: string,
  info: BrowserInfo,
  root: string,
  options: ReadBrowserCookiesOptions,
  files: FileStamp[],
): Promise<CookieRecord[]> {
  const { signal } = options;
  const listing =
    info.family === "firefox"
      ? { ...(await findFirefoxProfiles(root, signal)), localState: undefined }
      : await findChromiumProfiles(root, info.rootIsProfile, signal);
  files.push(...listing.files);
  const cookies: CookieRecord[] = [];
  for (const profile of selectProfiles(listing.profiles, options.profiles)) {
    signal?.throwIfAborted();
    const source = `${info.browser} '${profile.name}'`;
    const dbPath =
      info.family === "firefox"
        ? existingFile(join(profile.dir, "cookies.sqlite"))
        : findChromiumCookieDb(profile.dir);
    if (dbPath === undefined) {
      warnNotFound(options, source, profile, info);
      continue;
    }
    let result: BrowserDbResult;
    try {
      result = await readProfileDb(host, info, profile, dbPath, listing.localState, options);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      options.onWarning(toWarning(error, source, dbPath));
      continue;
    }
    files.push(...result.files);
    cookies.push(...result.cookies);
    if (result.cookies.length > 0 && options.all !== true) break;
  }
  return cookies;
}

function readProfileDb(
  host: string,
  info: BrowserInfo,
  profile: ProfileLocation,
  dbPath: string,
  localState: unknown,
  options: ReadBrowserCookiesOptions,
): Promise<BrowserDbResult> {
  const common = {
    host,
    includeSubdomains: options.includeSubdomains,
    now: options.now,
    browser: info.browser,
    profile: profile.name,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  if (info.family === "firefox") return readFirefoxCookies(dbPath, common);
  return readChromiumCookies(dbPath, {
    ...common,
    platform: options.platform,
    localState,
    env: options.env,
    onWarning: options.onWarning,
    ...(options.safeStoragePassword === undefined
      ? {}
      : { safeStoragePassword: options.safeStoragePassword }),
    ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
  });
}

function selectProfiles(found: ProfileLocation[], wanted: readonly string[] | undefined): ProfileLocation[] {
  if (wanted === undefined) return found;
  return wanted.flatMap((name) => found.filter((profile) => profile.name === name));
}

function warnNotFound(
  options: ReadBrowserCookiesOptions,
  source: string,
  profile: ProfileLocation,
  info: BrowserInfo,
): void {
  const error = new CookieStoreReadError({
    reason: "not-found",
    path: profile.dir,
    message: `${info.label} profile '${profile.name}' at ${profile.dir} has no cookie database; it is skipped.`,
  });
  options.onWarning({ code: "NOT_FOUND", source, error, message: error.message });
}

const readReasonCodes: Record<string, CookieWarningCode> = {
  locked: "LOCKED",
  permission: "PERMISSION",
  malformed: "MALFORMED_DB",
  "unsupported-schema": "UNSUPPORTED_SCHEMA",
  "not-found": "NOT_FOUND",
};

function toWarning(error: unknown, source: string, path: string): CookieWarning {
  if (MissingRequirementsError.isInstance(error)) {
    return { code: "ENGINE_UNAVAILABLE", source, error, message: error.message };
  }
  if (CookieStoreReadError.isInstance(error)) {
    return { code: readReasonCodes[error.reason] ?? "MALFORMED_DB", source, error, message: error.message };
  }
  const wrapped = CookieError.isInstance(error)
    ? error
    : new CookieStoreReadError({ reason: "malformed", path, cause: error });
  return { code: "MALFORMED_DB", source, error: wrapped, message: wrapped.message };
}

function existingFile(path: string): string | undefined {
  return isFileSync(path) ? path : undefined;
}
