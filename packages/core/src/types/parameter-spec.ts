/** Describes one provider-specific option, for introspection by the CLI and the API server. */
export interface ParameterSpec {
  /** The option's key in `ProviderOptions`. */
  name: string;
  /** JSON type of the value. */
  type: "number" | "integer" | "string" | "boolean" | "object";
  /** What the option does. */
  description: string;
  /** Value used when the option is not given. */
  default?: unknown;
  /** Whether `null` is accepted. */
  nullable?: boolean;
}
