import { statSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";

/** Options of {@link getCookiesDir}. */
export interface CookiesDirOptions {
  /** An explicit folder; wins over everything else. */
  cookiesDir?: string;
  /** Environment to read `G4F_COOKIES_DIR`, `XDG_CONFIG_HOME`, `LOCALAPPDATA` from. @defaultValue `process.env` */
  env?: Record<string, string | undefined>;
  /** Home folder. @defaultValue `os.homedir()` */
  home?: string;
  /** Platform whose config folder to use. @defaultValue `process.platform` */
  platform?: NodeJS.Platform;
}

/**
 * The folder of cookie files a lookup reads, as g4f picks it: `cookiesDir`, else
 * `G4F_COOKIES_DIR`, else `./har_and_cookies` when it exists, else `<config>/cookies`, where
 * `<config>` is `~/.g4f` when it exists, else the platform's config folder (`~/.config/g4f`,
 * `~/Library/Application Support/g4f`, `%LOCALAPPDATA%\g4f\g4f`). The folder need not exist.
 *
 * @param options - an explicit folder, or the environment, home and platform to derive it from.
 * @returns an absolute path.
 * @example
 * ```ts
 * getCookiesDir(); // "/home/me/project/har_and_cookies" when that folder exists
 * ```
 */
export function getCookiesDir(options: CookiesDirOptions = {}): string {
  return resolveCookiesDir(options).dir;
}

/** The folder, whether the caller named it, and the paths whose existence chose it. @internal */
export interface ResolvedCookiesDir {
  /** Absolute folder. */
  dir: string;
  /** Named by `cookiesDir` or `G4F_COOKIES_DIR` (so its absence is worth a warning). */
  explicit: boolean;
  /** Folders whose existence decided the choice (a cache must notice when they appear). */
  probed: string[];
}

/** {@link getCookiesDir} with the reasons for its choice. @internal */
export function resolveCookiesDir(options: CookiesDirOptions = {}): ResolvedCookiesDir {
  const env = options.env ?? process.env;
  if (options.cookiesDir !== undefined && options.cookiesDir !== "")
    return { dir: resolve(options.cookiesDir), explicit: true, probed: [] };
  const fromEnv = env.G4F_COOKIES_DIR;
  if (fromEnv !== undefined && fromEnv !== "") return { dir: resolve(fromEnv), explicit: true, probed: [] };
  const local = resolve("har_and_cookies");
  if (isDirectory(local)) return { dir: local, explicit: false, probed: [local] };
  const home = options.home ?? homedir();
  const dotG4f = join(home, ".g4f");
  if (isDirectory(dotG4f)) return { dir: join(dotG4f, "cookies"), explicit: false, probed: [local, dotG4f] };
  const platform = options.platform ?? process.platform;
  const config =
    platform === "win32"
      ? join(env.LOCALAPPDATA ?? join(home, "AppData", "Local"), "g4f", "g4f")
      : platform === "darwin"
        ? join(home, "Library", "Application Support", "g4f")
        : join(env.XDG_CONFIG_HOME ?? join(home, ".config"), "g4f");
  return { dir: join(config, "cookies"), explicit: false, probed: [local, dotG4f] };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
