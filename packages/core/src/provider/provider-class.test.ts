import { describe, expect, it } from "vitest";
import { InvalidRequestError } from "../errors/invalid-request-error.js";
import { registerProvider } from "../registry/register-provider.js";
import type { Messages } from "../types/message.js";
import type { ProviderOptions } from "../types/provider-options.js";
import { AsyncGeneratorProvider } from "./async-generator-provider.js";
import { getParameters } from "./get-parameters.js";
import { getProviderName } from "./get-provider-name.js";
import { normalizeTimeouts } from "./normalize-timeouts.js";
import type { ProviderClass } from "./provider-class.js";
import { resolveModel } from "./resolve-model.js";

class Complete extends AsyncGeneratorProvider {
  static readonly url = "https://example.invalid";
  static readonly label = "Complete";
  static readonly working = true;
  static readonly needsAuth = false;
  static readonly model = "base";
  static override readonly models = ["base", "big"];
  static override readonly modelAliases = { large: "big", legacy: "old-name" };
  static override readonly parameters = [
    { name: "temperature", type: "number" as const, description: "Sampling temperature." },
  ];
  async *createAsyncGenerator(_model: string, _messages: Messages, _options: ProviderOptions) {
    yield "x";
  }
}

class MissingUrl extends AsyncGeneratorProvider {
  static readonly label = "MissingUrl";
  static readonly working = true;
  static readonly needsAuth = false;
  static readonly model = "m";
  async *createAsyncGenerator() {
    yield "x";
  }
}

describe("provider class contract", () => {
  it("accepts a complete class and rejects one missing a required static at compile time", () => {
    const ok: ProviderClass = Complete;
    expect(ok.url).toBe("https://example.invalid");
    // @ts-expect-error: `url` is a required static, so this must not compile.
    const missing: ProviderClass = MissingUrl;
    expect(() => registerProvider(missing)).not.toThrow();
  });

  it("has defaults and introspection", () => {
    expect(Complete.defaultModel).toBe("base");
    expect(Complete.supportsStream).toBe(true);
    expect(Complete.specificationVersion).toBe("g4f-provider-v1");
    expect(getProviderName(Complete)).toBe("Complete");
    expect(getParameters(Complete).map((parameter) => parameter.name)).toEqual(["temperature"]);
    expect(Complete.isUsable({})).toBe(true);
  });

  it.each([
    [undefined, "base"],
    ["", "base"],
    ["big", "big"],
    ["large", "big"],
    ["legacy", "old-name"],
    ["old-name", "old-name"],
  ])("resolves model %j to %j", (model, expected) => {
    expect(resolveModel(Complete, model)).toBe(expected);
  });

  it("rejects an unknown model listing what is supported", () => {
    expect(() => resolveModel(Complete, "gpt-9")).toThrow(
      /"gpt-9" is not supported. Use one of: base, big, large, legacy/,
    );
  });
});

describe("normalizeTimeouts", () => {
  it("turns a number into total and drops zeros", () => {
    expect(normalizeTimeouts(500)).toEqual({ total: 500 });
    expect(normalizeTimeouts({ total: 0, firstChunk: 10 })).toEqual({ firstChunk: 10 });
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("rejects %s with the field", (value) => {
    try {
      normalizeTimeouts({ betweenChunks: value });
      expect.unreachable();
    } catch (error) {
      expect(InvalidRequestError.isInstance(error)).toBe(true);
      expect((error as InvalidRequestError).field).toBe("timeout.betweenChunks");
    }
  });
});
