import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { defaultBrowserOrder } from "../browsers/browser-table.js";
import type { BrowserName, GetCookieListOptions, SecretProvider } from "../types.js";
import { type ResolvedCookiesDir, resolveCookiesDir } from "./get-cookies-dir.js";

/** The options of a lookup, read once, defaults applied. @internal */
export interface LookupSettings {
  /** The cookies folder. */
  folder: ResolvedCookiesDir;
  /** Browsers in order. */
  browsers: readonly BrowserName[];
  /** Names in `browsers` we do not know (skipped with a warning). */
  unknownBrowsers: readonly string[];
  /** Profile filter. */
  profiles: readonly string[] | undefined;
  /** Include subdomains. */
  includeSubdomains: boolean;
  /** Use the cache. */
  cache: boolean;
  /** List every source. */
  all: boolean;
  /** Home folder. */
  home: string;
  /** Platform layout. */
  platform: NodeJS.Platform;
  /** Environment. */
  env: Record<string, string | undefined>;
  /** Clock. */
  now: () => number;
  /** Explicit Safe Storage password. */
  safeStoragePassword: string | undefined;
  /** Injected secret stores. */
  secrets: SecretProvider | undefined;
}

const secretsIds = new WeakMap<SecretProvider, number>();
let nextSecretsId = 1;

/** Reads a lookup's options once, with their defaults. @internal */
export function resolveLookupOptions(options: GetCookieListOptions): LookupSettings {
  const env = options.env ?? process.env;
  const home = options.home ?? homedir();
  const platform = options.platform ?? process.platform;
  return {
    folder: resolveCookiesDir({
      env,
      home,
      platform,
      ...(options.cookiesDir === undefined ? {} : { cookiesDir: options.cookiesDir }),
    }),
    browsers: (options.browsers ?? defaultBrowserOrder).filter((name) => defaultBrowserOrder.includes(name)),
    unknownBrowsers: (options.browsers ?? []).filter((name) => !defaultBrowserOrder.includes(name)),
    profiles: options.profiles,
    includeSubdomains: options.includeSubdomains ?? false,
    cache: options.cache ?? true,
    all: options.all ?? false,
    home,
    platform,
    env,
    now: options.now ?? Date.now,
    safeStoragePassword: options.safeStoragePassword ?? env.G4F_SAFE_STORAGE_PASSWORD,
    secrets: options.secrets,
  };
}

/**
 * The cache key of a lookup: everything that changes its answer. A password is keyed by its
 * hash, an injected secret store by identity.
 * @internal
 */
export function lookupCacheKey(host: string, settings: LookupSettings): string {
  let secretsId = 0;
  if (settings.secrets !== undefined) {
    secretsId = secretsIds.get(settings.secrets) ?? nextSecretsId++;
    secretsIds.set(settings.secrets, secretsId);
  }
  const password =
    settings.safeStoragePassword === undefined
      ? ""
      : createHash("sha256").update(settings.safeStoragePassword).digest("base64");
  const { env } = settings;
  return JSON.stringify([
    host,
    settings.folder.dir,
    settings.browsers,
    settings.profiles ?? null,
    settings.includeSubdomains,
    settings.all,
    settings.home,
    settings.platform,
    env.XDG_CONFIG_HOME ?? null,
    env.LOCALAPPDATA ?? null,
    env.APPDATA ?? null,
    password,
    secretsId,
  ]);
}
