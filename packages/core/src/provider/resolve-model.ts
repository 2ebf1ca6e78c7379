import { ModelNotSupportedError } from "../errors/model-not-supported-error.js";
import { getProviderName } from "./get-provider-name.js";
import type { ProviderClass } from "./provider-class.js";

/**
 * Turns the model a caller asked for into the one the provider gets.
 *
 * @param provider - the provider class.
 * @param model - empty or `undefined` for the default, an alias, or a model name.
 * @returns the default model, the alias's target, or the name itself.
 * @throws {@link ModelNotSupportedError} when the provider does not offer the model.
 */
export function resolveModel(provider: ProviderClass, model?: string): string {
  if (model === undefined || model === "") return provider.model;
  const aliases = provider.modelAliases ?? {};
  const target = Object.hasOwn(aliases, model) ? aliases[model] : undefined;
  if (target !== undefined) return target;
  if (provider.acceptsAnyModel === true) return model;
  const models = provider.models ?? [];
  if (model === provider.model || models.includes(model) || Object.values(aliases).includes(model))
    return model;
  const supported = [...new Set([provider.model, ...models, ...Object.keys(aliases)])].filter(
    (name) => name !== "",
  );
  throw new ModelNotSupportedError({
    provider: getProviderName(provider),
    model,
    supportedModels: supported,
  });
}
