import type { BrowserName, SecretProvider } from "../types.js";

const fakeDpapiMagic = Buffer.from("FAKE-DPAPI:", "latin1");

/**
 * "Protects" bytes the way {@link fakeSecretProvider}'s `windowsDpapi` undoes: a marker and the
 * bytes XOR 0x5a. Not encryption; a stand-in for Windows DPAPI in tests on any OS.
 * @param bytes - e.g. a 32-byte Chromium key for `Local State`.
 * @returns the fake blob.
 */
export function fakeDpapiProtect(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(Buffer.concat([fakeDpapiMagic, Buffer.from(bytes).map((byte) => byte ^ 0x5a)]));
}

/** What {@link fakeSecretProvider} answers. */
export interface FakeSecretsOptions {
  /** Password per browser for the Linux keyring; absent → the keyring does not answer. */
  linuxKeyring?: Partial<Record<BrowserName, string>>;
  /** Password per Keychain account (`Chrome`, `Microsoft Edge`, …); absent → denied. */
  macKeychain?: Record<string, string>;
  /** Unprotect fake DPAPI blobs (see {@link fakeDpapiProtect}). @defaultValue true */
  dpapi?: boolean;
}

/** A fake secret provider, with the calls it received (never the secrets). */
export interface FakeSecretProvider extends Required<SecretProvider> {
  /** One line per call: `linuxKeyring chrome`, `macKeychain Chrome`, `windowsDpapi`. */
  readonly calls: string[];
}

/**
 * A {@link SecretProvider} for tests: answers from fixed tables instead of the OS keyring,
 * Keychain and DPAPI, and records each call so tests can check when secrets were asked for.
 * @param options - the answers.
 * @returns the provider.
 * @example
 * ```ts
 * const secrets = fakeSecretProvider({ linuxKeyring: { chrome: "s3cret" } });
 * await getCookies("example.com", { home, platform: "linux", secrets });
 * secrets.calls; // ["linuxKeyring chrome"]
 * ```
 */
export function fakeSecretProvider(options: FakeSecretsOptions = {}): FakeSecretProvider {
  const calls: string[] = [];
  return {
    calls,
    async linuxKeyring(browser, signal) {
      signal?.throwIfAborted();
      calls.push(`linuxKeyring ${browser}`);
      return options.linuxKeyring?.[browser];
    },
    async macKeychain(account, signal) {
      signal?.throwIfAborted();
      calls.push(`macKeychain ${account}`);
      return options.macKeychain?.[account];
    },
    async windowsDpapi(blob, signal) {
      signal?.throwIfAborted();
      calls.push("windowsDpapi");
      const bytes = Buffer.from(blob);
      if (options.dpapi === false || !bytes.subarray(0, fakeDpapiMagic.length).equals(fakeDpapiMagic))
        throw new Error("DPAPI: the data is not protected for this user");
      return new Uint8Array(bytes.subarray(fakeDpapiMagic.length).map((byte) => byte ^ 0x5a));
    },
  };
}
