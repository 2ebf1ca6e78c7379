import { chromiumScheme } from "../crypto/chromium-scheme.js";
import { decryptChromiumValue } from "../crypto/decrypt-chromium-value.js";
import { linuxBuiltInPassword, linuxIterations, macIterations } from "../crypto/derive-chromium-key.js";
import { hostKeyDigest, hostKeyDigestVersion } from "../crypto/host-key-digest.js";
import { localStateEncryptedKey } from "../crypto/local-state-key.js";
import { CookieDecryptionError } from "../errors/cookie-decryption-error.js";
import { UnsupportedCookieEncryptionError } from "../errors/unsupported-cookie-encryption-error.js";
import type { BrowserName, CookieWarning, SecretProvider } from "../types.js";
import type { BrowserInfo } from "./browser-table.js";
import { decryptCbcRows } from "./decrypt-cbc-rows.js";
import { cachedChromiumKey, cachedSecret } from "./secrets/secret-cache.js";
import { byteString } from "./sql-row.js";

/** One encrypted row to decrypt. @internal */
export interface EncryptedRow {
  /** `encrypted_value`. */
  encrypted: Uint8Array;
  /** `host_key` as a byte string. */
  hostKey: string;
}

/** Everything decryption needs besides the rows. @internal */
export interface DecryptContext {
  /** The browser and its secret-store names. */
  info: BrowserInfo;
  /** Profile name, for messages. */
  profile: string;
  /** The looked-up host, for messages. */
  host: string;
  /** Platform whose scheme applies. */
  platform: NodeJS.Platform;
  /** DB meta `version`. */
  metaVersion: number;
  /** Parsed `Local State` (Windows key). */
  localState: unknown;
  /** Explicit "Safe Storage" password. */
  safeStoragePassword: string | undefined;
  /** Where to tell users to export cookies to. */
  cookiesDirHint: string;
  /** Secret stores. */
  secrets: SecretProvider;
  /** Identity of `secrets` for caching. */
  cacheOwner: SecretProvider;
  /** Aborts secret lookups. */
  signal: AbortSignal | undefined;
  /** Receives the warnings. */
  onWarning: (warning: CookieWarning) => void;
}

type Candidate = () => Promise<string | undefined>;

/**
 * Decrypts the matching rows of one Chromium profile into byte strings (the plaintext's bytes
 * read as latin1). Secrets are asked for lazily, in the spec's order, and only when a row needs
 * them. Rows that cannot be decrypted come back `undefined` and are reported once per kind
 * (`KEYRING_UNAVAILABLE`, `DECRYPT_FAILED`, `APP_BOUND`) with counts, never values.
 * @internal
 */
export async function decryptChromiumRows(
  rows: readonly EncryptedRow[],
  context: DecryptContext,
): Promise<(string | undefined)[]> {
  const results: (string | undefined)[] = new Array(rows.length).fill(undefined);
  // Plain loops here and below, no per-row callbacks: this runs for every cookie of a lookup.
  const groups = new Map<string, number[]>();
  for (let index = 0; index < rows.length; index++) {
    const scheme = chromiumScheme(rows[index]!.encrypted);
    const group = groups.get(scheme);
    if (group === undefined) groups.set(scheme, [index]);
    else group.push(index);
  }
  const source = `${context.info.browser} '${context.profile}'`;
  const warn = (warning: Omit<CookieWarning, "source" | "message"> & { error: Error }): void =>
    context.onWarning({ ...warning, source, message: warning.error.message });

  for (const [scheme, indexes] of groups) {
    const subset = pick(rows, indexes);
    let decrypted: (string | undefined)[];
    if (scheme === "v20") {
      warn({ code: "APP_BOUND", count: subset.length, error: appBound(context, subset.length) });
      continue;
    }
    if (context.platform === "win32" && (scheme === "v10" || scheme === "v11")) {
      decrypted = await decryptWindowsGcm(subset, context, warn);
    } else if (context.platform === "win32" && scheme === "dpapi") {
      decrypted = await decryptWindowsDpapi(subset, context, warn);
    } else if (context.platform === "darwin" && scheme === "v10") {
      decrypted = await decryptWithPasswords(
        subset,
        context,
        macCandidates(context),
        macIterations,
        "keychain",
        warn,
      );
    } else if (context.platform !== "darwin" && context.platform !== "win32" && scheme === "v10") {
      const builtIn = [async () => linuxBuiltInPassword, async () => ""];
      decrypted = await decryptWithPasswords(subset, context, builtIn, linuxIterations, "built-in", warn);
    } else if (context.platform !== "darwin" && context.platform !== "win32" && scheme === "v11") {
      decrypted = await decryptWithPasswords(
        subset,
        context,
        linuxCandidates(context),
        linuxIterations,
        "keyring",
        warn,
      );
    } else {
      warn({ code: "DECRYPT_FAILED", count: subset.length, error: corrupt(context, subset.length, scheme) });
      continue;
    }
    for (let position = 0; position < indexes.length; position++) {
      results[indexes[position]!] = decrypted[position];
    }
  }
  return results;
}

/** The items at some indexes, in order; the array itself when they are all of it. */
function pick<T>(items: readonly T[], indexes: readonly number[]): readonly T[] {
  if (indexes.length === items.length) return items;
  const picked: T[] = new Array(indexes.length);
  for (let position = 0; position < indexes.length; position++) picked[position] = items[indexes[position]!]!;
  return picked;
}

function explicitPassword(context: DecryptContext): Candidate[] {
  const password = context.safeStoragePassword;
  return password === undefined || password === "" ? [] : [async () => password];
}

function linuxCandidates(context: DecryptContext): Candidate[] {
  const { secrets, info, signal } = context;
  const browser: BrowserName = info.browser;
  return [
    ...explicitPassword(context),
    () =>
      secrets.linuxKeyring === undefined
        ? Promise.resolve(undefined)
        : cachedSecret(context.cacheOwner, `linux:${browser}`, () => secrets.linuxKeyring!(browser, signal)),
    async () => "",
  ];
}

function macCandidates(context: DecryptContext): Candidate[] {
  const { secrets, info, signal } = context;
  return [
    ...explicitPassword(context),
    () =>
      secrets.macKeychain === undefined
        ? Promise.resolve(undefined)
        : cachedSecret(context.cacheOwner, `mac:${info.safeStorageName}`, () =>
            secrets.macKeychain!(info.safeStorageName, signal),
          ),
  ];
}

type Warn = (warning: Omit<CookieWarning, "source" | "message"> & { error: Error }) => void;

/**
 * Tries passwords in order. From meta 24 every row is checked by its host-key digest, so each
 * row takes the first key that verifies; below 24 a key must unpad every row cleanly.
 */
async function decryptWithPasswords(
  rows: readonly EncryptedRow[],
  context: DecryptContext,
  candidates: readonly Candidate[],
  iterations: number,
  kind: "built-in" | "keyring" | "keychain",
  warn: Warn,
): Promise<(string | undefined)[]> {
  const results: (string | undefined)[] = new Array(rows.length).fill(undefined);
  const verified = context.metaVersion >= hostKeyDigestVersion;
  let answered = false;
  let pending: number[] = new Array(rows.length);
  for (let index = 0; index < rows.length; index++) pending[index] = index;
  const digests = new Map<string, string>();
  for (const candidate of candidates) {
    if (pending.length === 0) break;
    const password = await candidate();
    if (password === undefined) continue;
    if (password !== "" && password !== linuxBuiltInPassword) answered = true;
    const key = cachedChromiumKey(password, iterations);
    // One cipher call for all the rows: the same answers as decryptChromiumValue row by row.
    const attempt = decryptCbcRows(pick(rows, pending), key, context.metaVersion, digests);
    if (verified) {
      const failed: number[] = [];
      for (let position = 0; position < pending.length; position++) {
        const value = attempt[position];
        if (value === undefined) failed.push(pending[position]!);
        else results[pending[position]!] = value;
      }
      pending = failed;
    } else if (!attempt.includes(undefined)) {
      for (let position = 0; position < pending.length; position++) {
        results[pending[position]!] = attempt[position];
      }
      pending = [];
    }
  }
  if (pending.length > 0) {
    const unavailable = kind !== "built-in" && !answered;
    warn({
      code: unavailable ? "KEYRING_UNAVAILABLE" : "DECRYPT_FAILED",
      count: pending.length,
      error: unavailable
        ? keyringUnavailable(context, pending.length, kind)
        : wrongKey(context, pending.length, kind),
    });
  }
  return results;
}

function tryDecrypt(row: EncryptedRow, key: Uint8Array, metaVersion: number): Uint8Array | undefined {
  try {
    return decryptChromiumValue(row.encrypted, { key, hostKey: row.hostKey, metaVersion });
  } catch {
    return undefined;
  }
}

async function decryptWindowsGcm(
  rows: readonly EncryptedRow[],
  context: DecryptContext,
  warn: Warn,
): Promise<(string | undefined)[]> {
  const blob = localStateEncryptedKey(context.localState);
  const { secrets, signal } = context;
  let key: Uint8Array | undefined;
  if (blob !== undefined && secrets.windowsDpapi !== undefined) {
    const cacheKey = `win:${Buffer.from(blob).toString("base64")}`;
    key = await cachedSecret(context.cacheOwner, cacheKey, () => secrets.windowsDpapi!(blob, signal)).catch(
      () => {
        if (signal?.aborted) throw signal.reason;
        return undefined;
      },
    );
  }
  if (key?.length !== 32) {
    warn({
      code: "KEYRING_UNAVAILABLE",
      count: rows.length,
      error: dpapiUnavailable(context, rows.length, blob),
    });
    return rows.map(() => undefined);
  }
  const results = rows.map((row) => {
    const bytes = tryDecrypt(row, key, context.metaVersion);
    return bytes === undefined ? undefined : byteString(bytes);
  });
  const failed = results.filter((value) => value === undefined).length;
  if (failed > 0) warn({ code: "DECRYPT_FAILED", count: failed, error: wrongKey(context, failed, "dpapi") });
  return results;
}

async function decryptWindowsDpapi(
  rows: readonly EncryptedRow[],
  context: DecryptContext,
  warn: Warn,
): Promise<(string | undefined)[]> {
  const { secrets, signal } = context;
  const results: (string | undefined)[] = [];
  for (const row of rows) {
    let plain: Uint8Array | undefined;
    try {
      plain =
        secrets.windowsDpapi === undefined ? undefined : await secrets.windowsDpapi(row.encrypted, signal);
    } catch {
      if (signal?.aborted) throw signal.reason;
    }
    results.push(
      plain === undefined
        ? undefined
        : byteString(stripDigestIfPresent(plain, row.hostKey, context.metaVersion)),
    );
  }
  const failed = results.filter((value) => value === undefined).length;
  if (failed > 0) {
    warn({
      code: "KEYRING_UNAVAILABLE",
      count: failed,
      error: dpapiUnavailable(context, failed, new Uint8Array(1)),
    });
  }
  return results;
}

// Whole-value DPAPI blobs predate the digest; strip it only where one is really there.
function stripDigestIfPresent(plain: Uint8Array, hostKey: string, metaVersion: number): Uint8Array {
  if (metaVersion < hostKeyDigestVersion || plain.length < 32) return plain;
  const digest = hostKeyDigest(hostKey);
  return digest.every((byte, index) => plain[index] === byte) ? plain.subarray(32) : plain;
}

function where(context: DecryptContext): string {
  return `${context.info.label} '${context.profile}'`;
}

function keyringUnavailable(context: DecryptContext, count: number, kind: "keyring" | "keychain"): Error {
  const store =
    kind === "keychain"
      ? `the macOS Keychain gave no "${context.info.safeStorageName} Safe Storage" password (denied or locked). Allow access when macOS asks`
      : "no keyring answered. Unlock it, install secret-tool";
  return new CookieDecryptionError({
    reason: "keyring-unavailable",
    browser: context.info.browser,
    profile: context.profile,
    count,
    message: `${where(context)} has ${count} ${kind}-encrypted cookies for ${context.host}; ${store}, set G4F_SAFE_STORAGE_PASSWORD, or export them to ${context.cookiesDirHint}.`,
  });
}

function wrongKey(context: DecryptContext, count: number, kind: string): Error {
  const hint =
    kind === "dpapi"
      ? "the key in Local State does not decrypt them (tampered or from another machine)"
      : kind === "built-in"
        ? "neither the built-in nor the empty password decrypts them (corrupt values?)"
        : "the password from safeStoragePassword / G4F_SAFE_STORAGE_PASSWORD or the keyring does not decrypt them";
  return new CookieDecryptionError({
    reason: "wrong-key",
    browser: context.info.browser,
    profile: context.profile,
    count,
    message: `${where(context)} has ${count} encrypted cookies for ${context.host} that could not be decrypted: ${hint}. Check the password, or export them to ${context.cookiesDirHint}.`,
  });
}

function dpapiUnavailable(context: DecryptContext, count: number, blob: Uint8Array | undefined): Error {
  const detail =
    blob === undefined
      ? "its Local State holds no os_crypt.encrypted_key"
      : "Windows DPAPI did not unprotect the key (another user or machine, or PowerShell unavailable)";
  return new CookieDecryptionError({
    reason: "keyring-unavailable",
    browser: context.info.browser,
    profile: context.profile,
    count,
    message: `${where(context)} has ${count} encrypted cookies for ${context.host}; ${detail}. Run as the browser's user, or export them to ${context.cookiesDirHint}.`,
  });
}

function appBound(context: DecryptContext, count: number): Error {
  return new UnsupportedCookieEncryptionError({
    scheme: "v20 (app-bound encryption)",
    browser: context.info.browser,
    profile: context.profile,
    count,
    message: `${where(context)} has ${count} cookies for ${context.host} under Chrome's app-bound encryption (v20), which only the browser itself can decrypt. Use Firefox, or export them to ${context.cookiesDirHint}.`,
  });
}

function corrupt(context: DecryptContext, count: number, scheme: string): Error {
  return new CookieDecryptionError({
    reason: "corrupt",
    browser: context.info.browser,
    profile: context.profile,
    count,
    message: `${where(context)} has ${count} cookies for ${context.host} with an encryption scheme ("${scheme}") not used on ${context.platform}; they are skipped.`,
  });
}
