import { getProviderName } from "../provider/get-provider-name.js";
import type { ParameterSpec } from "../types/parameter-spec.js";
import { loadEntry } from "./load-entry.js";
import { getRegistryStore } from "./registry-store.js";

/** What {@link listProviders} reports for each provider. */
export interface ProviderInfo {
  /** Registry name. */
  name: string;
  /** Human-readable name. */
  label: string;
  /** Home page. */
  url: string;
  /** Whether it is known to work. */
  working: boolean;
  /** Whether it needs cookies or a token. */
  needsAuth: boolean;
  /** Whether it streams. */
  supportsStream: boolean;
  /** Whether it sends earlier messages. */
  supportsMessageHistory: boolean;
  /** Whether it honours system messages. */
  supportsSystemMessage: boolean;
  /** Default model. */
  model: string;
  /** Accepted models. */
  models: readonly string[];
  /** Alias to model. */
  modelAliases: Readonly<Record<string, string>>;
  /** Provider-specific options. */
  parameters: readonly ParameterSpec[];
}

/** Filter of {@link listProviders}; unset fields match everything. */
export interface ProviderFilter {
  /** Keep only providers whose `working` equals this. */
  working?: boolean;
  /** Keep only providers whose `needsAuth` equals this. */
  needsAuth?: boolean;
}

/**
 * Lists registered providers (loading lazy ones), sorted by name.
 * @param filter - `working` and `needsAuth` to match.
 * @returns one {@link ProviderInfo} per provider.
 * @throws {@link MissingRequirementsError} when a lazy loader fails.
 */
export async function listProviders(filter: ProviderFilter = {}): Promise<ProviderInfo[]> {
  const entries = [...getRegistryStore().entries.values()];
  const classes = await Promise.all(entries.map((entry) => loadEntry(entry)));
  const infos = classes.map((provider, index): ProviderInfo => {
    const models = provider.models ?? [];
    return {
      name: entries[index]?.name ?? getProviderName(provider),
      label: provider.label,
      url: provider.url,
      working: provider.working,
      needsAuth: provider.needsAuth,
      supportsStream: provider.supportsStream,
      supportsMessageHistory: provider.supportsMessageHistory,
      supportsSystemMessage: provider.supportsSystemMessage,
      model: provider.model,
      models: models.length > 0 || provider.model === "" ? models : [provider.model],
      modelAliases: provider.modelAliases ?? {},
      parameters: provider.parameters ?? [],
    };
  });
  return infos
    .filter((info) => filter.working === undefined || info.working === filter.working)
    .filter((info) => filter.needsAuth === undefined || info.needsAuth === filter.needsAuth)
    .sort((left, right) => left.name.localeCompare(right.name));
}

/**
 * Names of every registered provider, as registered, sorted. Loads nothing.
 * @returns registry names.
 */
export function listProviderNames(): string[] {
  return [...getRegistryStore().entries.values()]
    .map((entry) => entry.name)
    .sort((left, right) => left.localeCompare(right));
}
