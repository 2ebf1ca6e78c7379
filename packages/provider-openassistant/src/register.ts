import { registerProvider } from "@g4f/core";
import { OpenAssistant } from "./open-assistant.js";

/**
 * Registers {@link OpenAssistant} in the process-wide registry of `@g4f/core`, so that
 * `"OpenAssistant"` and `"OpenAssistant:<model>"` are selectable by name. Idempotent.
 *
 * @example
 * ```ts
 * import { streamChat } from "@g4f/core";
 * import { register } from "@g4f/provider-openassistant";
 *
 * register();
 * for await (const text of streamChat("OpenAssistant", "Hello", { baseUrl: "http://127.0.0.1:8080" })) {
 *   process.stdout.write(text);
 * }
 * ```
 */
export function register(): void {
  registerProvider(OpenAssistant);
}
