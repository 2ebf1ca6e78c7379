import { deriveChromiumKey } from "../../crypto/derive-chromium-key.js";
import type { SecretProvider } from "../../types.js";

// Per provider object, so an injected provider (tests) never sees another's answers. Memory only.
let caches = new WeakMap<SecretProvider, Map<string, Promise<unknown>>>();

/**
 * Asks a secret store once per key and provider; the answer (or the failure) is kept in memory
 * until {@link clearSecretCache}. A call aborted by its signal is not kept.
 * @internal
 */
export function cachedSecret<T>(provider: SecretProvider, key: string, load: () => Promise<T>): Promise<T> {
  let cache = caches.get(provider);
  if (cache === undefined) {
    cache = new Map();
    caches.set(provider, cache);
  }
  const known = cache.get(key) as Promise<T> | undefined;
  if (known !== undefined) return known;
  const pending = load();
  cache.set(key, pending);
  pending.catch(() => {
    if (cache.get(key) === pending) cache.delete(key);
  });
  return pending;
}

// Derived AES keys by iterations and password, in memory only, like the passwords above.
let derivedKeys = new Map<string, Uint8Array>();

/**
 * {@link deriveChromiumKey} once per password and iteration count, until {@link clearSecretCache}:
 * macOS's 1003 PBKDF2 iterations took ~0.3 ms on every lookup that read a Chromium DB.
 * @param password - the Safe Storage password.
 * @param iterations - 1 (Linux) or 1003 (macOS).
 * @returns the 16-byte key (shared: never modify it).
 * @internal
 */
export function cachedChromiumKey(password: string, iterations: number): Uint8Array {
  const id = `${iterations}:${password}`;
  let key = derivedKeys.get(id);
  if (key === undefined) {
    key = deriveChromiumKey(password, iterations);
    derivedKeys.set(id, key);
  }
  return key;
}

/**
 * Forgets every keyring password, Keychain password, Windows key and derived key read so far.
 * @internal
 */
export function clearSecretCache(): void {
  caches = new WeakMap();
  derivedKeys = new Map();
}
