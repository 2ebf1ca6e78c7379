import { ProviderNotFoundError } from "../errors/provider-not-found-error.js";
import type { ProviderClass } from "../provider/provider-class.js";
import { findCloseMatches } from "./find-close-matches.js";
import { loadEntry } from "./load-entry.js";
import { getRegistryStore, type RegistryEntry } from "./registry-store.js";

/**
 * Provider packages add their class here, so lookups by a literal name are typed:
 * ```ts
 * declare module "@g4f/core" { interface RegisteredProviders { OpenAssistant: typeof OpenAssistant } }
 * ```
 */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by provider packages.
export interface RegisteredProviders {}

/** The class type `getProvider(name)` resolves to: the registered type for a known literal. */
export type ProviderFor<Name extends string> = Name extends keyof RegisteredProviders
  ? RegisteredProviders[Name]
  : ProviderClass;

/**
 * Finds a registry entry by name or alias, any case.
 * @internal
 */
export function findEntry(name: string): RegistryEntry | undefined {
  const store = getRegistryStore();
  const lower = name.toLowerCase();
  const key = store.entries.has(lower) ? lower : store.aliases.get(lower);
  return key === undefined ? undefined : store.entries.get(key);
}

/**
 * Looks a provider up by name or alias, case-insensitively, loading it if registered lazily.
 *
 * @param name - registry name or alias.
 * @returns the provider class.
 * @throws {@link ProviderNotFoundError} listing close matches when nothing is registered under it.
 * @throws {@link MissingRequirementsError} when a lazy loader fails.
 * @example
 * ```ts
 * const OpenAssistant = await getProvider("openassistant");
 * ```
 */
export function getProvider<Name extends string>(name: Name): Promise<ProviderFor<Name>> {
  const entry = findEntry(name);
  if (entry === undefined) {
    const store = getRegistryStore();
    const known = [
      ...[...store.entries.values()].map((item) => item.name),
      ...[...store.entries.values()].flatMap((item) => item.aliases),
    ];
    return Promise.reject(new ProviderNotFoundError({ name, suggestions: findCloseMatches(name, known) }));
  }
  return loadEntry(entry) as Promise<ProviderFor<Name>>;
}
