import { type Dirent, readdirSync } from "node:fs";
import { join } from "node:path";
import { isFileSync } from "../lookup/path-kinds.js";
import { readStampedFileSync } from "../lookup/read-stamped-file.js";
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
  signal?.throwIfAborted();
  const localStatePath = join(root, "Local State");
  let localState: unknown;
  let files: FileStamp[] = [];
  try {
    // Synchronous, like the rest of profile discovery (see path-kinds.ts); stamped by the fstat
    // of the file read, before reading, so a later change is noticed.
    const { bytes, stats } = readStampedFileSync(localStatePath);
    files = [{ path: localStatePath, mtimeMs: stats.mtimeMs, size: stats.size }];
    localState = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
  } catch {
    // No or unreadable Local State: the profile folders below are all there is.
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
  let entries: Dirent[] = [];
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    // An unreadable root lists no folders; Local State may still have named profiles.
  }
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
export function findChromiumCookieDb(profileDir: string): string | undefined {
  for (const path of [join(profileDir, "Network", "Cookies"), join(profileDir, "Cookies")]) {
    if (isFileSync(path)) return path;
  }
  return undefined;
}
