import { listProviderNames, registerProvider } from "@g4f/core";

/** The providers the CLI ships with, registered lazily so `g4f --help` loads nothing. */
export function registerBuiltinProviders(): void {
  const registered = new Set(listProviderNames().map((name) => name.toLowerCase()));
  // A plugin that registered its own "OpenAssistant" wins.
  if (!registered.has("openassistant"))
    registerProvider("OpenAssistant", () => import("@g4f/provider-openassistant"));
}
