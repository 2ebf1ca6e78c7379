import type { ParameterSpec } from "../types/parameter-spec.js";
import type { ProviderClass } from "./provider-class.js";

/**
 * Which provider-specific options a provider accepts, for CLIs and API servers.
 * @param provider - a provider class.
 * @returns its parameter specs (empty when it takes none).
 */
export function getParameters(provider: ProviderClass): readonly ParameterSpec[] {
  return provider.parameters ?? [];
}
