/**
 * Test kit for code that reads cookies: real SQLite databases in each browser's own schema
 * (written with sql.js), values encrypted exactly as Chromium encrypts them, WAL files with
 * valid checksums, home folders laid out like a user's on Linux, macOS and Windows, and a fake
 * secret store. No browser, keyring or binary fixture is needed.
 *
 * @example
 * ```ts
 * import { encryptChromium, makeChromiumDb, makeHome } from "@g4f/cookies/testing";
 * const home = await makeHome("linux", { chrome: {} });
 * await makeChromiumDb(home.cookiesPath("chrome"), [{ hostKey: ".example.com", name: "sid",
 *   encryptedValue: encryptChromium("v", { hostKey: ".example.com" }) }]);
 * await getCookies("example.com", { ...home.options, browsers: ["chrome"] }); // { sid: "v" }
 * ```
 *
 * @packageDocumentation
 */

export { type EncryptChromiumOptions, encryptChromium } from "./testing/encrypt-chromium.js";
export {
  type FakeSecretProvider,
  type FakeSecretsOptions,
  fakeDpapiProtect,
  fakeSecretProvider,
} from "./testing/fake-secrets.js";
export {
  type ChromiumCookieRow,
  chromiumDbBytes,
  type MakeChromiumDbOptions,
  makeChromiumDb,
} from "./testing/make-chromium-db.js";
export {
  type FirefoxCookieRow,
  firefoxDbBytes,
  type MakeFirefoxDbOptions,
  makeFirefoxDb,
} from "./testing/make-firefox-db.js";
export { type HomeBrowserSpec, makeHome, type TestHome, type TestHomeOptions } from "./testing/make-home.js";
export { type MakeWalOptions, makeWal, type WalPair } from "./testing/make-wal.js";
