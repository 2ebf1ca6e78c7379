import type { CookieWarning } from "../types.js";

// Once per path per process: the user is told, not nagged on every lookup.
const warned = new Set<string>();

/**
 * Warns (`INSECURE_PERMISSIONS`, once per file) when a cookie file is readable by its group or
 * by others: anyone who can read it can log in as the user. Not checked on Windows, whose mode
 * bits say nothing about ACLs.
 * @internal
 */
export function warnIfInsecure(path: string, mode: number, warn: (warning: CookieWarning) => void): void {
  if (process.platform === "win32" || (mode & 0o044) === 0 || warned.has(path)) return;
  warned.add(path);
  warn({
    code: "INSECURE_PERMISSIONS",
    source: path,
    message: `${path} holds login cookies and is readable by other users (mode ${(mode & 0o777).toString(8)}). Run: chmod 600 "${path}"`,
  });
}
