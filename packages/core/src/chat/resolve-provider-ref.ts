import { InvalidRequestError } from "../errors/invalid-request-error.js";
import { AsyncGeneratorProvider } from "../provider/async-generator-provider.js";
import { getProviderName } from "../provider/get-provider-name.js";
import type { ProviderClass } from "../provider/provider-class.js";
import { resolveModel } from "../provider/resolve-model.js";
import { resolveProvider } from "../registry/resolve-provider.js";

/** A provider given by registry name (optionally `"Provider:model"`), class, or instance. */
export type ProviderRef = string | ProviderClass | AsyncGeneratorProvider;

/** A provider instance ready to run, with the model to ask for. @internal */
export interface ResolvedRef {
  /** The instance to run. */
  instance: AsyncGeneratorProvider;
  /** Registry name. */
  name: string;
  /** The resolved model to pass to `stream()`. */
  model: string;
}

/**
 * Turns a {@link ProviderRef} into an instance.
 * @internal
 */
export async function resolveProviderRef(ref: ProviderRef, model: string | undefined): Promise<ResolvedRef> {
  if (typeof ref === "string") {
    const resolved = await resolveProvider(ref, model);
    return { instance: new resolved.provider(), name: resolved.name, model: resolved.model };
  }
  if (ref instanceof AsyncGeneratorProvider || (typeof ref === "object" && ref !== null && "stream" in ref)) {
    const instance = ref as AsyncGeneratorProvider;
    const providerClass = instance.constructor as ProviderClass;
    return { instance, name: getProviderName(providerClass), model: resolveModel(providerClass, model) };
  }
  if (typeof ref === "function")
    return { instance: new ref(), name: getProviderName(ref), model: resolveModel(ref, model) };
  throw new InvalidRequestError({
    field: "provider",
    message: "`provider` must be a registry name, a provider class, or a provider instance.",
  });
}
