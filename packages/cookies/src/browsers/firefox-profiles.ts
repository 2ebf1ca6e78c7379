import { readdir, readFile, stat } from "node:fs/promises";
import { basename, isAbsolute, join, normalize } from "node:path";
import type { FileStamp } from "../types.js";
import { parseIni } from "./parse-ini.js";
import type { ProfileLocation } from "./profile-location.js";

/** Profiles of a Firefox-family root, default first, and the files read to find them. @internal */
export interface FirefoxProfiles {
  /** Profiles in lookup order. */
  profiles: ProfileLocation[];
  /** `profiles.ini`, when it was read. */
  files: FileStamp[];
}

/**
 * Lists the profiles of a Firefox-family root (`~/.mozilla/firefox`, `%APPDATA%\Mozilla\Firefox`,
 * …) from `profiles.ini`, default first: an `[Install…]` section's `Default=` wins, else the
 * `[ProfileN]` with `Default=1`, else the profile whose `cookies.sqlite` is newest. `IsRelative=1`
 * paths are relative to the ini. Without a readable ini, folders holding a `cookies.sqlite` (in the
 * root and in `Profiles/`) are listed, newest first.
 * @internal
 */
export async function findFirefoxProfiles(root: string, signal?: AbortSignal): Promise<FirefoxProfiles> {
  const iniPath = join(root, "profiles.ini");
  let text: string | undefined;
  let files: FileStamp[] = [];
  try {
    text = await readFile(iniPath, { encoding: "utf8", ...(signal === undefined ? {} : { signal }) });
    const stats = await stat(iniPath);
    files = [{ path: iniPath, mtimeMs: stats.mtimeMs, size: stats.size }];
  } catch {
    if (signal?.aborted) throw signal.reason;
  }
  const listed = text === undefined ? [] : profilesFromIni(root, text);
  const profiles = listed.length > 0 ? await orderByDefault(listed) : await scanForProfiles(root);
  return { profiles: profiles.map(({ dir }) => ({ name: basename(dir), dir })), files };
}

interface Listed {
  dir: string;
  isDefault: boolean;
  isInstallDefault: boolean;
}

function profilesFromIni(root: string, text: string): Listed[] {
  const sections = parseIni(text);
  const resolve = (path: string, relative: boolean): string =>
    normalize(relative || !isAbsolute(path) ? join(root, path) : path);
  const installDefaults = new Set(
    sections
      .filter((section) => section.name.startsWith("Install") && section.values.Default !== undefined)
      .map((section) => resolve(section.values.Default!, true)),
  );
  const listed: Listed[] = [];
  for (const section of sections) {
    const path = section.values.Path;
    if (!/^Profile\d+$/.test(section.name) || path === undefined || path === "") continue;
    const dir = resolve(path, section.values.IsRelative === "1");
    listed.push({
      dir,
      isDefault: section.values.Default === "1",
      isInstallDefault: installDefaults.has(dir),
    });
  }
  return listed;
}

async function orderByDefault(listed: Listed[]): Promise<Listed[]> {
  const first =
    listed.find((profile) => profile.isInstallDefault) ??
    listed.find((profile) => profile.isDefault) ??
    (await newestFirst(listed))[0];
  return first === undefined ? listed : [first, ...listed.filter((profile) => profile !== first)];
}

async function newestFirst<T extends { dir: string }>(profiles: T[]): Promise<T[]> {
  const stamped = await Promise.all(
    profiles.map(async (profile) => ({
      profile,
      mtime: await stat(join(profile.dir, "cookies.sqlite")).then(
        (stats) => stats.mtimeMs,
        () => -1,
      ),
    })),
  );
  return stamped
    .filter((entry) => entry.mtime >= 0)
    .sort((a, b) => b.mtime - a.mtime)
    .map((entry) => entry.profile);
}

async function scanForProfiles(root: string): Promise<{ dir: string }[]> {
  const candidates: { dir: string }[] = [];
  for (const parent of [root, join(root, "Profiles")]) {
    const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory()) candidates.push({ dir: join(parent, entry.name) });
    }
  }
  return newestFirst(candidates);
}
