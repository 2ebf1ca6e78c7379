import type { ProviderClass } from "@g4f/core";

/**
 * The domain whose cookies a provider sends: its static `cookieDomain`, else the default of its
 * `cookieDomain` parameter, else its home page's host without `www.`.
 * @param provider - the provider class.
 * @returns e.g. `open-assistant.io`.
 */
export function getCookieDomain(provider: ProviderClass): string {
  const own = (provider as unknown as { cookieDomain?: unknown }).cookieDomain;
  if (typeof own === "string" && own !== "") return own;
  const declared = provider.parameters.find((spec) => spec.name === "cookieDomain")?.default;
  if (typeof declared === "string" && declared !== "") return declared;
  try {
    return new URL(provider.url).hostname.replace(/^www\./, "");
  } catch {
    return provider.url;
  }
}
