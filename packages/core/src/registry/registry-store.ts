import type { ProviderClass } from "../provider/provider-class.js";

/** A module whose default export is a provider class. */
export interface ProviderModule {
  /** The provider class. */
  default: ProviderClass;
}

/** What a lazy loader may resolve to: the class, a module with a default export, or a namespace. */
export type ProviderLoaderResult = ProviderClass | ProviderModule | Record<string, unknown>;

/** A lazy provider loader, typically `() => import("@g4f/provider-x")`. */
export type ProviderLoader = () => Promise<ProviderLoaderResult>;

/** One registered provider. @internal */
export interface RegistryEntry {
  /** Name as registered (original case). */
  name: string;
  /** The class, once known. */
  provider?: ProviderClass;
  /** The loader, for lazy entries. */
  load?: ProviderLoader;
  /** The running load, shared by concurrent lookups. */
  loading?: Promise<ProviderClass>;
  /** Aliases, original case. */
  aliases: string[];
}

/** The process-wide registry state. @internal */
export interface RegistryStore {
  /** Lower-cased name to entry. */
  entries: Map<string, RegistryEntry>;
  /** Lower-cased alias to lower-cased name. */
  aliases: Map<string, string>;
}

const key: symbol = Symbol.for("g4f.registry");

/**
 * The one registry of this process, kept on `globalThis` so two copies of core share it.
 * @internal
 */
export function getRegistryStore(): RegistryStore {
  const holder = globalThis as unknown as Record<symbol, RegistryStore | undefined>;
  let store = holder[key];
  if (store === undefined) {
    store = { entries: new Map(), aliases: new Map() };
    holder[key] = store;
  }
  return store;
}
