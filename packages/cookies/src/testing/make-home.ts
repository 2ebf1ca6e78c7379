import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { browserInfo, browserRoots } from "../browsers/browser-table.js";
import type { BrowserName } from "../types.js";
import { fakeDpapiProtect } from "./fake-secrets.js";

/** How one browser is laid out in a {@link makeHome} home. */
export interface HomeBrowserSpec {
  /** Profile folder names. @defaultValue Firefox family `abcd1234.default-release`; Chromium family `Default` */
  profiles?: readonly string[];
  /** The default profile (Firefox: named by `profiles.ini`; Chromium: `profile.last_used`). @defaultValue the first */
  defaultProfile?: string;
  /** Firefox family: how `profiles.ini` names the default: an `[Install…]` section, `Default=1`, or no ini at all. @defaultValue "install" */
  profilesIni?: "install" | "default-flag" | "none";
  /** Chromium family: the AES-256 key `Local State` holds, protected with `fakeDpapiProtect` (Windows). */
  windowsKey?: Uint8Array;
  /** Chromium family: extra top-level `Local State` fields (merged over the generated ones). */
  localState?: Record<string, unknown>;
}

/** The lookup options that point a lookup at a test home. */
export interface TestHomeOptions {
  /** The home folder. */
  home: string;
  /** The platform whose layout it has. */
  platform: NodeJS.Platform;
  /** The environment of that layout (`LOCALAPPDATA`/`APPDATA` on Windows). */
  env: Record<string, string>;
}

/** A temporary home folder laid out like a user's on one platform. */
export interface TestHome extends TestHomeOptions {
  /** `{ home, platform, env }`, to spread into `getCookies` options. */
  options: TestHomeOptions;
  /** The browser's profiles folder (its first location on the platform). */
  root(browser: BrowserName): string;
  /** A profile folder. @param profile - @defaultValue the first profile of the spec */
  profileDir(browser: BrowserName, profile?: string): string;
  /** Where that profile's cookie DB goes: `cookies.sqlite`; `Network/Cookies` on Windows, else `Cookies`. */
  cookiesPath(browser: BrowserName, profile?: string): string;
  /** Deletes the whole folder. */
  remove(): Promise<void>;
}

/**
 * Lays out browser profile folders under a new temp home, as each browser does on `platform`:
 * Firefox-family roots with `profiles.ini` (`IsRelative=1`, `Profiles/` on macOS and Windows) and
 * profile folders; Chromium-family "User Data" roots with `Local State` (`profile.info_cache`,
 * `last_used`, and on Windows a fake-DPAPI `os_crypt.encrypted_key`) and profile folders. Databases
 * are not written: use `makeFirefoxDb` / `makeChromiumDb` with `cookiesPath`.
 *
 * @param platform - `linux`, `darwin` or `win32`.
 * @param browsers - which browsers to lay out, and how.
 * @returns the home, its lookup options and path helpers.
 * @example
 * ```ts
 * const home = await makeHome("win32", { chrome: { windowsKey: key } });
 * await makeChromiumDb(home.cookiesPath("chrome"), rows);
 * await getCookies("example.com", { ...home.options, secrets: fakeSecretProvider() });
 * ```
 */
export async function makeHome(
  platform: NodeJS.Platform,
  browsers: Partial<Record<BrowserName, HomeBrowserSpec>> = {},
): Promise<TestHome> {
  const home = await mkdtemp(join(tmpdir(), "g4f-home-"));
  const env: Record<string, string> =
    platform === "win32"
      ? { LOCALAPPDATA: join(home, "AppData", "Local"), APPDATA: join(home, "AppData", "Roaming") }
      : {};
  const roots = new Map<BrowserName, string>();
  const specs = new Map<BrowserName, HomeBrowserSpec>();
  for (const [browser, spec] of Object.entries(browsers) as [BrowserName, HomeBrowserSpec][]) {
    const [root] = await browserRoots(browser, { platform, home, env });
    if (root === undefined) throw new Error(`makeHome: ${browser} has no folder on ${platform}`);
    roots.set(browser, root);
    specs.set(browser, spec);
    if (browserInfo(browser, platform).family === "firefox") await layOutFirefox(root, spec, platform);
    else await layOutChromium(browser, root, spec, platform);
  }
  const root = (browser: BrowserName): string => {
    const found = roots.get(browser);
    if (found === undefined) throw new Error(`makeHome: ${browser} was not laid out`);
    return found;
  };
  const profileDir = (browser: BrowserName, profile?: string): string => {
    const info = browserInfo(browser, platform);
    if (info.rootIsProfile) return root(browser);
    const name = profile ?? profilesOf(browser, specs.get(browser) ?? {}, platform)[0]!;
    return info.family === "firefox"
      ? join(root(browser), firefoxSubfolder(platform), name)
      : join(root(browser), name);
  };
  const options: TestHomeOptions = { home, platform, env };
  return {
    ...options,
    options,
    root,
    profileDir,
    cookiesPath: (browser, profile) => {
      const dir = profileDir(browser, profile);
      if (browserInfo(browser, platform).family === "firefox") return join(dir, "cookies.sqlite");
      return platform === "win32" ? join(dir, "Network", "Cookies") : join(dir, "Cookies");
    },
    remove: () => rm(home, { recursive: true, force: true }),
  };
}

function firefoxSubfolder(platform: NodeJS.Platform): string {
  return platform === "linux" ? "" : "Profiles";
}

function profilesOf(
  browser: BrowserName,
  spec: HomeBrowserSpec,
  platform: NodeJS.Platform,
): readonly string[] {
  if (spec.profiles !== undefined) return spec.profiles;
  return browserInfo(browser, platform).family === "firefox" ? ["abcd1234.default-release"] : ["Default"];
}

async function layOutFirefox(root: string, spec: HomeBrowserSpec, platform: NodeJS.Platform): Promise<void> {
  const profiles = spec.profiles ?? ["abcd1234.default-release"];
  const sub = firefoxSubfolder(platform);
  for (const profile of profiles) await mkdir(join(root, sub, profile), { recursive: true });
  await mkdir(root, { recursive: true });
  const style = spec.profilesIni ?? "install";
  if (style === "none") return;
  const chosen = spec.defaultProfile ?? profiles[0];
  const relative = (profile: string): string => (sub === "" ? profile : `${sub}/${profile}`);
  const lines: string[] = [];
  if (style === "install" && chosen !== undefined)
    lines.push("[Install4F96D1932A9F858E]", `Default=${relative(chosen)}`, "Locked=1", "");
  profiles.forEach((profile, index) => {
    lines.push(
      `[Profile${index}]`,
      `Name=${profile.split(".").pop()}`,
      "IsRelative=1",
      `Path=${relative(profile)}`,
    );
    if (style === "default-flag" && profile === chosen) lines.push("Default=1");
    lines.push("");
  });
  lines.push("[General]", "StartWithLastProfile=1", "Version=2", "");
  await writeFile(join(root, "profiles.ini"), lines.join("\n"));
}

async function layOutChromium(
  browser: BrowserName,
  root: string,
  spec: HomeBrowserSpec,
  platform: NodeJS.Platform,
): Promise<void> {
  const rootIsProfile = browserInfo(browser, platform).rootIsProfile;
  const profiles = rootIsProfile ? [] : profilesOf(browser, spec, platform);
  await mkdir(root, { recursive: true });
  for (const profile of profiles) await mkdir(join(root, profile), { recursive: true });
  const localState: Record<string, unknown> = {
    profile: {
      ...(profiles.length === 0 ? {} : { last_used: spec.defaultProfile ?? profiles[0] }),
      info_cache: Object.fromEntries(profiles.map((profile) => [profile, { name: profile }])),
    },
    ...(spec.windowsKey === undefined
      ? {}
      : {
          os_crypt: {
            encrypted_key: Buffer.concat([Buffer.from("DPAPI"), fakeDpapiProtect(spec.windowsKey)]).toString(
              "base64",
            ),
          },
        }),
    ...spec.localState,
  };
  await writeFile(join(root, "Local State"), JSON.stringify(localState));
}
