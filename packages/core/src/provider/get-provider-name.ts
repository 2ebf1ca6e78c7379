import type { ProviderClass } from "./provider-class.js";

/**
 * The registry name of a provider: its `providerName`, else its class name.
 * @param provider - a provider class.
 * @returns the name used by the registry and in errors.
 */
export function getProviderName(provider: ProviderClass): string {
  return provider.providerName ?? provider.name;
}
