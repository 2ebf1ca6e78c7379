import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { FileStamp } from "../types.js";
import type { ProfileLocation } from "./profile-location.js";

/** Profiles of a Chromium-family root, default first, plus its parsed `Local State`. @internal */
export interface ChromiumProfiles {
  /** Profiles in lookup order. */
  profiles: ProfileLocation[];
  /** The parsed `Local State`, when it was readable JSON (holds the Windows key). */
  localState: unknown;
  /** `Local State`, when it was read. */
  files: FileStamp[];
}

/**
 * Lists the profiles of a Chromium-family "User Data" folder: `profile.last_used` first, then
 * `profile.info_cache` entries, then any `Default` / `Profile N` folder not yet listed. With
 * `rootIsProfile` (Opera) the root itself is the one profile.
 * @internal
 */
export async function findChromiumProfiles(
  root: string,
  rootIsProfile: boolean,
  signal?: AbortSignal,
): Promise<ChromiumProfiles> {
  const localStatePath = join(root, "Local State");
  let localState: unknown;
  let files: FileStamp[] = [];
  try {
    const text = await readFile(localStatePath, {
      encoding: "utf8",
      ...(signal === undefined ? {} : { signal }),
    });
    const stats = await stat(localStatePath);
    files = [{ path: localStatePath, mtimeMs: stats.mtimeMs, size: stats.size }];
    localState = JSON.parse(text);
  } catch {
    if (signal?.aborted) throw signal.reason;
  }
  if (rootIsProfile) return { profiles: [{ name: "Default", dir: root }], localState, files };

  const names: string[] = [];
  const add = (name: unknown): void => {
    if (
      typeof name === "string" &&
      name !== "" &&
      !name.includes("/") &&
      !name.includes("\\") &&
      !names.includes(name)
    )
      names.push(name);
  };
  const profile = (localState as { profile?: { last_used?: unknown; info_cache?: unknown } } | undefined)
    ?.profile;
  add(profile?.last_used);
  if (typeof profile?.info_cache === "object" && profile.info_cache !== null) {
    for (const name of Object.keys(profile.info_cache)) add(name);
  }
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const folders = entries
    .filter((entry) => entry.isDirectory() && (entry.name === "Default" || /^Profile \d+$/.test(entry.name)))
    .map((entry) => entry.name)
    .sort((a, b) => profileRank(a) - profileRank(b));
  for (const name of folders) add(name);
  return { profiles: names.map((name) => ({ name, dir: join(root, name) })), localState, files };
}

function profileRank(name: string): number {
  return name === "Default" ? 0 : Number(name.slice("Profile ".length));
}

/**
 * The cookie database of a Chromium profile: `Network/Cookies` (Chrome 96+) before `Cookies`.
 * @internal
 */
export async function findChromiumCookieDb(profileDir: string): Promise<string | undefined> {
  for (const path of [join(profileDir, "Network", "Cookies"), join(profileDir, "Cookies")]) {
    const isFile = await stat(path).then(
      (stats) => stats.isFile(),
      () => false,
    );
    if (isFile) return path;
  }
  return undefined;
}
