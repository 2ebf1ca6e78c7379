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

/**
 * Forgets every keyring password, Keychain password and Windows key read so far.
 * @internal
 */
export function clearSecretCache(): void {
  caches = new WeakMap();
}
