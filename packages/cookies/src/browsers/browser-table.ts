import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { BrowserName } from "../types.js";

/** The two database layouts we read. @internal */
export type BrowserFamily = "firefox" | "chromium";

/** What we need to know about one browser on one platform. @internal */
export interface BrowserInfo {
  /** Which browser. */
  browser: BrowserName;
  /** Firefox (`profiles.ini`, `cookies.sqlite`) or Chromium (`Local State`, `Cookies`). */
  family: BrowserFamily;
  /** Name for people, e.g. `Chrome`. */
  label: string;
  /** Name in "<Name> Safe Storage" (macOS Keychain service, KWallet entry). */
  safeStorageName: string;
  /** libsecret `application` attribute Chromium stores its password under on Linux. */
  secretToolApplication: string;
  /** The root folder itself is the profile (Opera). */
  rootIsProfile: boolean;
}

/** Environment and layout inputs of {@link browserRoots}. @internal */
export interface BrowserRootsOptions {
  /** Platform whose layout to use. */
  platform: NodeJS.Platform;
  /** Home folder. */
  home: string;
  /** Environment (`XDG_CONFIG_HOME`, `LOCALAPPDATA`, `APPDATA`). */
  env: Record<string, string | undefined>;
}

interface Row {
  family: BrowserFamily;
  label: string;
  /** [macOS name, Linux name] in "<Name> Safe Storage". */
  safeStorage: [string, string];
  secretTool: string;
  linux: (paths: LinuxPaths) => string[];
  darwin: string[];
  win32: (paths: WindowsPaths) => string[];
}

interface LinuxPaths {
  home: string;
  config: string;
  /** A Flatpak app's folder under `~/.var/app`. */
  flatpak: (appId: string, ...rest: string[]) => string;
}

interface WindowsPaths {
  local: string;
  roaming: string;
}

const firefoxLike =
  (folder: string, appId: string): Row["linux"] =>
  ({ home, flatpak }) => [join(home, folder), flatpak(appId, folder)];

const chromiumLinux =
  (folders: string[], appId: string): Row["linux"] =>
  ({ config, flatpak }) => [
    ...folders.map((folder) => join(config, folder)),
    flatpak(appId, "config", folders[0]!),
  ];

const table: Record<BrowserName, Row> = {
  g4f: {
    family: "chromium",
    label: "g4f",
    safeStorage: ["Chrome", "Chrome"],
    secretTool: "chrome",
    linux: ({ config }) => [join(config, "g4f")],
    darwin: ["g4f"],
    win32: ({ local }) => [join(local, "g4f", "g4f")],
  },
  firefox: {
    family: "firefox",
    label: "Firefox",
    safeStorage: ["", ""],
    secretTool: "",
    linux: ({ home, config, flatpak }) => [
      join(home, ".mozilla", "firefox"),
      join(config, "mozilla", "firefox"),
      join(home, "snap", "firefox", "common", ".mozilla", "firefox"),
      flatpak("org.mozilla.firefox", ".mozilla", "firefox"),
    ],
    darwin: ["Firefox"],
    win32: ({ roaming }) => [join(roaming, "Mozilla", "Firefox")],
  },
  librewolf: {
    family: "firefox",
    label: "LibreWolf",
    safeStorage: ["", ""],
    secretTool: "",
    linux: firefoxLike(".librewolf", "io.gitlab.librewolf-community"),
    darwin: ["librewolf"],
    win32: ({ roaming }) => [join(roaming, "librewolf")],
  },
  zen: {
    family: "firefox",
    label: "Zen",
    safeStorage: ["", ""],
    secretTool: "",
    linux: firefoxLike(".zen", "app.zen_browser.zen"),
    darwin: ["zen"],
    win32: ({ roaming }) => [join(roaming, "zen")],
  },
  chrome: {
    family: "chromium",
    label: "Chrome",
    safeStorage: ["Chrome", "Chrome"],
    secretTool: "chrome",
    linux: chromiumLinux(
      ["google-chrome", "google-chrome-beta", "google-chrome-unstable"],
      "com.google.Chrome",
    ),
    darwin: [join("Google", "Chrome")],
    win32: ({ local }) => [join(local, "Google", "Chrome", "User Data")],
  },
  chromium: {
    family: "chromium",
    label: "Chromium",
    safeStorage: ["Chromium", "Chromium"],
    secretTool: "chromium",
    linux: (paths) => [
      join(paths.config, "chromium"),
      join(paths.home, "snap", "chromium", "common", "chromium"),
      paths.flatpak("org.chromium.Chromium", "config", "chromium"),
    ],
    darwin: ["Chromium"],
    win32: ({ local }) => [join(local, "Chromium", "User Data")],
  },
  opera: {
    family: "chromium",
    label: "Opera",
    safeStorage: ["Opera", "Chromium"],
    secretTool: "chromium",
    linux: chromiumLinux(["opera"], "com.opera.Opera"),
    darwin: ["com.operasoftware.Opera"],
    win32: ({ roaming }) => [join(roaming, "Opera Software", "Opera Stable")],
  },
  opera_gx: {
    family: "chromium",
    label: "Opera GX",
    safeStorage: ["Opera", "Chromium"],
    secretTool: "chromium",
    linux: () => [],
    darwin: ["com.operasoftware.OperaGX"],
    win32: ({ roaming }) => [join(roaming, "Opera Software", "Opera GX Stable")],
  },
  brave: {
    family: "chromium",
    label: "Brave",
    safeStorage: ["Brave", "Brave"],
    secretTool: "brave",
    linux: chromiumLinux([join("BraveSoftware", "Brave-Browser")], "com.brave.Browser"),
    darwin: [join("BraveSoftware", "Brave-Browser")],
    win32: ({ local }) => [join(local, "BraveSoftware", "Brave-Browser", "User Data")],
  },
  edge: {
    family: "chromium",
    label: "Edge",
    safeStorage: ["Microsoft Edge", "Chromium"],
    secretTool: "chromium",
    linux: chromiumLinux(
      ["microsoft-edge", "microsoft-edge-beta", "microsoft-edge-dev"],
      "com.microsoft.Edge",
    ),
    darwin: ["Microsoft Edge"],
    win32: ({ local }) => [join(local, "Microsoft", "Edge", "User Data")],
  },
  vivaldi: {
    family: "chromium",
    label: "Vivaldi",
    safeStorage: ["Vivaldi", "Chrome"],
    secretTool: "chrome",
    linux: chromiumLinux(["vivaldi"], "com.vivaldi.Vivaldi"),
    darwin: ["Vivaldi"],
    win32: ({ local }) => [join(local, "Vivaldi", "User Data")],
  },
};

/** Every browser we know, in the default lookup order. @internal */
export const defaultBrowserOrder: readonly BrowserName[] = [
  "g4f",
  "firefox",
  "librewolf",
  "zen",
  "chrome",
  "chromium",
  "opera",
  "opera_gx",
  "brave",
  "edge",
  "vivaldi",
];

/**
 * The family, names and secret-store names of a browser on a platform.
 * @internal
 */
export function browserInfo(browser: BrowserName, platform: NodeJS.Platform): BrowserInfo {
  const row = table[browser];
  return {
    browser,
    family: row.family,
    label: row.label,
    safeStorageName: platform === "darwin" ? row.safeStorage[0] : row.safeStorage[1],
    secretToolApplication: row.secretTool,
    rootIsProfile: browser === "opera" || browser === "opera_gx",
  };
}

/**
 * The folders where a browser may keep its profiles on a platform, most usual first (Linux:
 * native, `-beta`/`-unstable`/`-dev`, snap, Flatpak; Windows: also the Microsoft Store Firefox).
 * Whether they exist is not checked, except for the Store package glob.
 * @internal
 */
export async function browserRoots(browser: BrowserName, options: BrowserRootsOptions): Promise<string[]> {
  const { platform, home, env } = options;
  const row = table[browser];
  if (platform === "darwin")
    return row.darwin.map((folder) => join(home, "Library", "Application Support", folder));
  if (platform === "win32") {
    const local = env.LOCALAPPDATA ?? join(home, "AppData", "Local");
    const roaming = env.APPDATA ?? join(home, "AppData", "Roaming");
    const roots = row.win32({ local, roaming });
    if (browser === "firefox") roots.push(...(await storeFirefoxRoots(local)));
    return roots;
  }
  const config = env.XDG_CONFIG_HOME ?? join(home, ".config");
  return row.linux({ home, config, flatpak: (appId, ...rest) => join(home, ".var", "app", appId, ...rest) });
}

async function storeFirefoxRoots(local: string): Promise<string[]> {
  const packages = join(local, "Packages");
  const entries = await readdir(packages).catch(() => [] as string[]);
  return entries
    .filter((entry) => entry.startsWith("Mozilla.Firefox_"))
    .sort()
    .map((entry) => join(packages, entry, "LocalCache", "Roaming", "Mozilla", "Firefox"));
}
