import { resolve } from "node:path";
import { readCookieFile } from "@g4f/cookies";
import { UsageError } from "../errors/usage-error.js";

/**
 * Reads one cookie file (extension JSON, Playwright storage state, g4f JSON, HAR or cookies.txt)
 * with @g4f/cookies and keeps the cookies for a domain.
 * @param path - the file (relative to `cwd`).
 * @param domain - the provider's cookie domain.
 * @param options - `cwd` and `signal`.
 * @returns cookie name to byte-string value.
 * @throws {@link UsageError} when the file cannot be read or holds no cookie for the domain.
 */
export async function loadCookiesFile(
  path: string,
  domain: string,
  options: { cwd: string; signal?: AbortSignal },
): Promise<Record<string, string>> {
  const file = resolve(options.cwd, path);
  let result: Awaited<ReturnType<typeof readCookieFile>>;
  try {
    result = await readCookieFile(file, {
      domain,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UsageError({
      message: `Could not read --cookies-file ${path}: ${detail}`,
      hint: "Pass a JSON (browser extension export or Playwright storage state), HAR or Netscape cookies.txt file.",
      cause: error,
    });
  }
  const cookies: Record<string, string> = {};
  // The file's order is kept; a later cookie of the same name wins, as in a browser jar.
  for (const cookie of result.cookies) cookies[cookie.name] = cookie.value;
  if (Object.keys(cookies).length === 0)
    throw new UsageError({
      message: `--cookies-file ${path} holds no cookie for ${domain}.`,
      hint: `Export the cookies while logged in to ${domain}; \`g4f cookies ${domain}\` shows what other sources hold.`,
    });
  return cookies;
}
