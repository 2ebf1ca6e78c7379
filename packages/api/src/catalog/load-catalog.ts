import {
  AsyncGeneratorProvider,
  getProvider,
  getProviderName,
  listProviderNames,
  type ProviderClass,
  type ProviderOptions,
  type ProviderRef,
} from "@g4f/core";

/** One provider the server exposes. @internal */
export interface CatalogEntry {
  /** Registry name. */
  name: string;
  /** The class; a fresh instance serves each request. */
  providerClass: ProviderClass;
  /** The operator's default options for it. */
  options: ProviderOptions;
  /** Whether it may run with those options (`isUsable`). */
  usable: boolean;
  /** Its default model followed by the other models, without duplicates or empty names. */
  models: readonly string[];
}

async function toClass(ref: ProviderRef): Promise<ProviderClass> {
  if (typeof ref === "string") return getProvider(ref);
  if (ref instanceof AsyncGeneratorProvider) return ref.constructor as ProviderClass;
  return ref as ProviderClass;
}

function optionsFor(
  name: string,
  providerOptions: Readonly<Record<string, ProviderOptions>>,
): ProviderOptions {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(providerOptions)) if (key.toLowerCase() === wanted) return value;
  return {};
}

function toEntry(
  providerClass: ProviderClass,
  providerOptions: Readonly<Record<string, ProviderOptions>>,
): CatalogEntry {
  const name = getProviderName(providerClass);
  const options = optionsFor(name, providerOptions);
  const models = [...new Set([providerClass.model, ...(providerClass.models ?? [])])].filter(
    (model) => model !== "",
  );
  return { name, providerClass, options, usable: providerClass.isUsable(options), models };
}

/**
 * Loads the providers the server exposes: the configured ones (failing on an unknown name), or
 * every registered one (skipping lazy providers whose package fails to load).
 *
 * @param refs - the configured providers, or `undefined` for the whole registry.
 * @param providerOptions - the operator's default options per provider name.
 * @returns one entry per provider, in configured order (registry order is by name).
 * @throws `ProviderNotFoundError` for a configured name that is not registered.
 * @internal
 */
export async function loadCatalog(
  refs: readonly ProviderRef[] | undefined,
  providerOptions: Readonly<Record<string, ProviderOptions>>,
): Promise<CatalogEntry[]> {
  if (refs !== undefined) {
    const classes = await Promise.all(refs.map((ref) => toClass(ref)));
    const seen = new Set<string>();
    return classes
      .map((providerClass) => toEntry(providerClass, providerOptions))
      .filter((entry) => !seen.has(entry.name.toLowerCase()) && seen.add(entry.name.toLowerCase()));
  }
  const loaded = await Promise.allSettled(listProviderNames().map((name) => getProvider(name)));
  return loaded.flatMap((result) =>
    result.status === "fulfilled" ? [toEntry(result.value, providerOptions)] : [],
  );
}
