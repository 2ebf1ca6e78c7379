import type { ParameterSpec } from "@g4f/core";
import { InvalidArgumentError, Option } from "commander";

/**
 * The kebab-case option name of a camelCase parameter: `maxNewTokens` → `max-new-tokens`.
 * @param name - the parameter's key.
 * @returns the long option without dashes.
 */
export function toKebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/_/g, "-")
    .toLowerCase();
}

/** Stands for `null` inside commander, which treats a parsed `null` as "no value". */
export const NULL_VALUE: unique symbol = Symbol("g4f.cli.null");

function describeType(spec: ParameterSpec): string {
  return spec.nullable === true ? `${spec.type} or null` : spec.type;
}

/**
 * Converts an option's text to the parameter's declared type.
 * @param spec - the parameter.
 * @param text - what the user typed.
 * @returns the typed value ({@link NULL_VALUE} for `null`).
 * @throws InvalidArgumentError (a usage error) when the text does not fit the type.
 */
export function parseParameterValue(spec: ParameterSpec, text: string): unknown {
  const value = text.trim();
  if (spec.nullable === true && value === "null") return NULL_VALUE;
  switch (spec.type) {
    case "number": {
      const number = Number(value);
      if (value === "" || !Number.isFinite(number))
        throw new InvalidArgumentError(`Expected a ${describeType(spec)}.`);
      return number;
    }
    case "integer": {
      const number = Number(value);
      if (!/^[+-]?\d+$/.test(value) || !Number.isSafeInteger(number))
        throw new InvalidArgumentError(`Expected an integer${spec.nullable === true ? " or null" : ""}.`);
      return number;
    }
    case "boolean":
      if (["true", "1", "yes", "on"].includes(value.toLowerCase())) return true;
      if (["false", "0", "no", "off"].includes(value.toLowerCase())) return false;
      throw new InvalidArgumentError("Expected true or false.");
    case "object":
      try {
        return JSON.parse(value) as unknown;
      } catch {
        throw new InvalidArgumentError("Expected JSON.");
      }
    default:
      return text;
  }
}

/** A generated option and the parameter it sets. */
export interface ParameterOption {
  /** The commander option (`--max-new-tokens <integer>`). */
  option: Option;
  /** The camelCase key commander stores it under. */
  attribute: string;
  /** The provider option it sets (`maxNewTokens`). */
  parameter: string;
}

/**
 * Builds one commander option per declared provider parameter, skipping names the command
 * already has.
 * @param parameters - the provider's `parameters`.
 * @param taken - long option names already defined (without dashes).
 * @returns the options to add.
 */
export function createParameterOptions(
  parameters: readonly ParameterSpec[],
  taken: ReadonlySet<string>,
): ParameterOption[] {
  const options: ParameterOption[] = [];
  for (const spec of parameters) {
    const flag = toKebabCase(spec.name);
    if (taken.has(flag)) continue;
    const placeholder = spec.type === "boolean" ? "[boolean]" : `<${spec.type}>`;
    const shownDefault =
      spec.default === undefined ? "" : ` (provider default: ${JSON.stringify(spec.default)})`;
    const option = new Option(`--${flag} ${placeholder}`, `${spec.description}${shownDefault}`)
      .argParser((text: string) => parseParameterValue(spec, text))
      .helpGroup("Provider options:");
    if (spec.type === "boolean") option.preset(true);
    options.push({ option, attribute: option.attributeName(), parameter: spec.name });
  }
  return options;
}
