import { MissingRequirementsError } from "../errors/missing-requirements-error.js";
import { getProviderName } from "../provider/get-provider-name.js";
import type { ProviderClass } from "../provider/provider-class.js";
import type { ProviderLoaderResult, RegistryEntry } from "./registry-store.js";

function looksLikeProvider(value: unknown): value is ProviderClass {
  return (
    typeof value === "function" &&
    typeof (value as { specificationVersion?: unknown }).specificationVersion === "string" &&
    typeof (value as { prototype?: { createAsyncGenerator?: unknown } }).prototype?.createAsyncGenerator ===
      "function"
  );
}

/**
 * Checks a provider class is built for this core's spec.
 * @internal
 */
export function assertProviderClass(value: unknown, name: string): asserts value is ProviderClass {
  if (!looksLikeProvider(value)) {
    throw new MissingRequirementsError({
      provider: name,
      message: `${name}: the registered value is not a provider class (expected a subclass of AsyncGeneratorProvider from @g4f/core).`,
    });
  }
  if (value.specificationVersion !== "g4f-provider-v1") {
    throw new MissingRequirementsError({
      provider: name,
      message: `${name}: built for provider spec "${value.specificationVersion}", but this @g4f/core implements "g4f-provider-v1". Install matching versions of the provider and @g4f/core.`,
    });
  }
}

function pickFromModule(result: ProviderLoaderResult, name: string): unknown {
  if (looksLikeProvider(result)) return result;
  const record = result as Record<string, unknown>;
  if (looksLikeProvider(record.default)) return record.default;
  const wanted = name.toLowerCase();
  const candidates = Object.values(record).filter(looksLikeProvider);
  return (
    candidates.find((candidate) => getProviderName(candidate).toLowerCase() === wanted) ??
    (candidates.length === 1 ? candidates[0] : undefined)
  );
}

/**
 * Returns an entry's class, running its loader once (concurrent lookups share the load).
 * @internal
 */
export function loadEntry(entry: RegistryEntry): Promise<ProviderClass> {
  if (entry.provider !== undefined) return Promise.resolve(entry.provider);
  if (entry.loading !== undefined) return entry.loading;
  const load = entry.load;
  if (load === undefined) return Promise.reject(new Error(`registry entry ${entry.name} has no loader`));
  const loading = (async () => {
    let result: ProviderLoaderResult;
    try {
      result = await load();
    } catch (error) {
      throw new MissingRequirementsError({
        provider: entry.name,
        cause: error,
        message: `${entry.name}: loading the provider failed (${error instanceof Error ? error.message : String(error)}). Check the provider package is installed.`,
      });
    }
    const provider = pickFromModule(result, entry.name);
    assertProviderClass(provider, entry.name);
    entry.provider = provider;
    return provider;
  })();
  entry.loading = loading;
  // A failed load may be retried by the next lookup.
  loading.catch(() => {
    if (entry.loading === loading) delete entry.loading;
  });
  return loading;
}
