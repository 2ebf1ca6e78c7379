import { InvalidRequestError } from "../errors/invalid-request-error.js";
import { getProviderName } from "../provider/get-provider-name.js";
import type { ProviderClass } from "../provider/provider-class.js";
import { assertProviderClass } from "./load-entry.js";
import { getRegistryStore, type ProviderLoader, type RegistryEntry } from "./registry-store.js";

/** Options of {@link registerProvider}. */
export interface RegisterProviderOptions {
  /** Other names the provider answers to (case-insensitive). */
  aliases?: string[];
}

/**
 * Adds a provider to the process-wide registry, replacing one of the same name. Registration is
 * explicit: packages are side-effect free, so nothing registers itself on import.
 *
 * @param provider - a provider class.
 * @param options - aliases.
 * @throws {@link MissingRequirementsError} when the class is built for another provider spec.
 * @example
 * ```ts
 * registerProvider(OpenAssistant, { aliases: ["oa"] });
 * registerProvider("OpenAssistant", () => import("@g4f/provider-openassistant"));
 * ```
 */
export function registerProvider(provider: ProviderClass, options?: RegisterProviderOptions): void;
/**
 * Registers a provider lazily: the loader runs on first lookup.
 *
 * @param name - registry name.
 * @param load - returns the class, a module whose default export is the class, or a namespace with it.
 * @param options - aliases.
 * @throws {@link InvalidRequestError} for an empty name.
 */
export function registerProvider(name: string, load: ProviderLoader, options?: RegisterProviderOptions): void;
export function registerProvider(
  first: ProviderClass | string,
  second?: ProviderLoader | RegisterProviderOptions,
  third?: RegisterProviderOptions,
): void {
  const store = getRegistryStore();
  let entry: RegistryEntry;
  let options: RegisterProviderOptions | undefined;
  if (typeof first === "string") {
    if (first.trim() === "" || first.includes(":")) {
      throw new InvalidRequestError({
        field: "name",
        message: `Provider name "${first}" must be non-empty and contain no ":".`,
      });
    }
    if (typeof second !== "function") {
      throw new InvalidRequestError({
        field: "load",
        message: `registerProvider("${first}", load): load must be a function such as () => import("…").`,
      });
    }
    options = third;
    entry = { name: first, load: second as ProviderLoader, aliases: [] };
  } else {
    const name = typeof first === "function" ? getProviderName(first) : "unknown";
    assertProviderClass(first, name);
    options = second as RegisterProviderOptions | undefined;
    entry = { name, provider: first, aliases: [] };
  }
  const key = entry.name.toLowerCase();
  unregisterKey(key);
  entry.aliases = [...(options?.aliases ?? [])];
  store.entries.set(key, entry);
  for (const alias of entry.aliases) store.aliases.set(alias.toLowerCase(), key);
}

function unregisterKey(key: string): boolean {
  const store = getRegistryStore();
  const existed = store.entries.delete(key);
  for (const [alias, target] of store.aliases) if (target === key) store.aliases.delete(alias);
  return existed;
}

/**
 * Removes a provider (by name or alias) and its aliases.
 * @param name - registry name or alias, any case.
 * @returns whether a provider was removed.
 */
export function unregisterProvider(name: string): boolean {
  const store = getRegistryStore();
  const lower = name.toLowerCase();
  const key = store.entries.has(lower) ? lower : store.aliases.get(lower);
  return key === undefined ? false : unregisterKey(key);
}
