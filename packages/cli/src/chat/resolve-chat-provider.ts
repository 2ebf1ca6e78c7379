import { ModelNotSupportedError, type ResolvedProvider, resolveProvider } from "@g4f/core";
import { UsageError } from "../errors/usage-error.js";

/**
 * Resolves `--provider` (name or `Provider:model`) and `--model` before anything is sent, so a
 * wrong name or model is a usage error (exit code 2).
 * @param spec - the `--provider` value.
 * @param model - the `--model` value.
 * @returns the class, its registry name and the resolved model.
 * @throws {@link UsageError} for an unknown model; `ProviderNotFoundError` (also exit code 2) for an unknown provider.
 */
export async function resolveChatProvider(
  spec: string,
  model: string | undefined,
): Promise<ResolvedProvider> {
  try {
    return await resolveProvider(spec, model);
  } catch (error) {
    if (ModelNotSupportedError.isInstance(error)) {
      const supported = (error as ModelNotSupportedError & { supportedModels?: readonly string[] })
        .supportedModels;
      throw new UsageError({
        message: error.message,
        hint:
          supported !== undefined && supported.length > 0
            ? `Models: ${supported.join(", ")}. \`g4f providers\` lists every provider's models.`
            : "`g4f providers` lists every provider's models.",
        cause: error,
      });
    }
    throw error;
  }
}
