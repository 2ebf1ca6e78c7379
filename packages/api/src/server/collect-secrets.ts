import type { ProviderOptions } from "@g4f/core";

const secretKey = /token|key|secret|password|passwd|cookie|auth|credential/i;

/**
 * Every configured value that must never reach a response or a log line: the API keys, each
 * cookie value, and every string option whose name looks like a credential.
 *
 * @param apiKeys - the configured API keys.
 * @param providerOptions - the operator's per-provider options.
 * @returns the secret values.
 * @internal
 */
export function collectSecrets(
  apiKeys: readonly string[],
  providerOptions: Readonly<Record<string, ProviderOptions>>,
): string[] {
  const secrets = [...apiKeys];
  for (const options of Object.values(providerOptions)) {
    for (const value of Object.values(options.cookies ?? {})) secrets.push(value);
    for (const [name, value] of Object.entries(options)) {
      if (typeof value === "string" && secretKey.test(name)) secrets.push(value);
    }
    const proxy = options.proxy;
    if (typeof proxy === "string") {
      const password = URL.canParse(proxy) ? new URL(proxy).password : "";
      if (password !== "") secrets.push(decodeURIComponent(password), password);
    }
  }
  return secrets.filter((secret) => secret.length > 0);
}
