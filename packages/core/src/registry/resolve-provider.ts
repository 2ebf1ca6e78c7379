import { getProviderName } from "../provider/get-provider-name.js";
import type { ProviderClass } from "../provider/provider-class.js";
import { resolveModel } from "../provider/resolve-model.js";
import { getProvider } from "./get-provider.js";

/** A provider found by {@link resolveProvider}, with its resolved model. */
export interface ResolvedProvider {
  /** The provider class. */
  provider: ProviderClass;
  /** Its registry name. */
  name: string;
  /** The resolved model (default, alias target or the name asked for). */
  model: string;
}

/**
 * Resolves `"Provider"` or `"Provider:model"` to a class and a model.
 *
 * @param spec - provider name or alias, optionally followed by `:model`.
 * @param model - a model that overrides the one in `spec` when non-empty.
 * @returns the class, its name and the resolved model.
 * @throws {@link ProviderNotFoundError} for an unknown provider.
 * @throws {@link ModelNotSupportedError} for a model the provider does not offer.
 * @example
 * ```ts
 * const { provider, model } = await resolveProvider("OpenAssistant:OA_SFT_Llama_30B_6");
 * ```
 */
export async function resolveProvider(spec: string, model?: string): Promise<ResolvedProvider> {
  const separator = spec.indexOf(":");
  const name = separator === -1 ? spec : spec.slice(0, separator);
  const specModel = separator === -1 ? undefined : spec.slice(separator + 1);
  const provider = await getProvider(name);
  const wanted = model !== undefined && model !== "" ? model : specModel;
  return { provider, name: getProviderName(provider), model: resolveModel(provider, wanted) };
}
