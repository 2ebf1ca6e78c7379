import { afterEach, describe, expect, it, vi } from "vitest";
import { MissingRequirementsError } from "../errors/missing-requirements-error.js";
import { ModelNotSupportedError } from "../errors/model-not-supported-error.js";
import { ProviderNotFoundError } from "../errors/provider-not-found-error.js";
import type { ProviderClass } from "../provider/provider-class.js";
import { createMockProvider } from "../testing/mock-provider.js";
import { findCloseMatches } from "./find-close-matches.js";
import { getProvider } from "./get-provider.js";
import { listProviderNames, listProviders } from "./list-providers.js";
import { type RegisterProviderOptions, registerProvider, unregisterProvider } from "./register-provider.js";
import type { ProviderLoader } from "./registry-store.js";
import { resolveProvider } from "./resolve-provider.js";

const registered: string[] = [];
function register(first: ProviderClass | string, second?: ProviderLoader | RegisterProviderOptions): void {
  (registerProvider as (...input: unknown[]) => void)(first, second);
  registered.push(typeof first === "string" ? first : (first.providerName ?? first.name));
}

afterEach(() => {
  for (const name of registered.splice(0)) unregisterProvider(name);
});

describe("registry", () => {
  it("finds a provider case-insensitively and by alias", async () => {
    const Alpha = createMockProvider({ name: "AlphaChat" });
    register(Alpha, { aliases: ["alpha", "AC"] });
    expect(await getProvider("alphachat")).toBe(Alpha);
    expect(await getProvider("ALPHACHAT")).toBe(Alpha);
    expect(await getProvider("ac")).toBe(Alpha);
    expect(await getProvider("Alpha")).toBe(Alpha);
  });

  it("runs a lazy loader once, on first lookup, sharing concurrent loads", async () => {
    const Lazy = createMockProvider({ name: "Lazy" });
    const load = vi.fn(async () => ({ default: Lazy }));
    register("Lazy", load);
    expect(load).not.toHaveBeenCalled();
    const [first, second] = await Promise.all([getProvider("lazy"), getProvider("LAZY")]);
    expect(first).toBe(Lazy);
    expect(second).toBe(Lazy);
    expect(await getProvider("Lazy")).toBe(Lazy);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("accepts a loader returning the class or a module namespace", async () => {
    const Direct = createMockProvider({ name: "Direct" });
    const Named = createMockProvider({ name: "Named" });
    const Other = createMockProvider({ name: "Other" });
    register("Direct", async () => Direct);
    register("Named", async () => ({ Other, Named, helper: () => 1 }));
    expect(await getProvider("direct")).toBe(Direct);
    expect(await getProvider("named")).toBe(Named);
  });

  it("turns a failing loader into MissingRequirementsError and retries it next time", async () => {
    const Flaky = createMockProvider({ name: "Flaky" });
    let calls = 0;
    register("Flaky", async () => {
      calls++;
      if (calls === 1) throw new Error("Cannot find package '@g4f/provider-flaky'");
      return Flaky;
    });
    const error = await getProvider("flaky").catch((caught: unknown) => caught);
    expect(MissingRequirementsError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/installed/);
    expect(await getProvider("flaky")).toBe(Flaky);
  });

  it("rejects a plugin built for another provider spec", async () => {
    const Future = createMockProvider({ name: "Future" });
    Object.defineProperty(Future, "specificationVersion", { value: "g4f-provider-v2" });
    expect(() => register(Future)).toThrow(/g4f-provider-v2/);
  });

  it("suggests close names for an unknown provider", async () => {
    register(createMockProvider({ name: "OpenAssistant" }), { aliases: ["oasst"] });
    register(createMockProvider({ name: "Gemini" }));
    const error = await getProvider("OpenAsistant").catch((caught: unknown) => caught);
    expect(ProviderNotFoundError.isInstance(error)).toBe(true);
    expect((error as ProviderNotFoundError).providerName).toBe("OpenAsistant");
    expect((error as ProviderNotFoundError).suggestions).toContain("OpenAssistant");
    expect((error as ProviderNotFoundError).suggestions).not.toContain("Gemini");
    expect((error as Error).message).toMatch(/Did you mean "OpenAssistant"/);
  });

  it("says how to register when nothing is close", async () => {
    const error = await getProvider("zzzzzzzz").catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/registerProvider/);
  });

  it("resolves Provider:model addressing and aliases", async () => {
    const Mock = createMockProvider({ name: "Addr" });
    register(Mock);
    expect(await resolveProvider("Addr")).toMatchObject({
      provider: Mock,
      name: "Addr",
      model: "mock-model",
    });
    expect(await resolveProvider("addr:mock-large")).toMatchObject({ model: "mock-large" });
    expect(await resolveProvider("addr:large")).toMatchObject({ model: "mock-large" });
    expect(await resolveProvider("addr:large", "mock-model")).toMatchObject({ model: "mock-model" });
    const error = await resolveProvider("addr:nope").catch((caught: unknown) => caught);
    expect(ModelNotSupportedError.isInstance(error)).toBe(true);
    expect((error as ModelNotSupportedError).supportedModels).toContain("mock-large");
  });

  it("lists and filters providers by flags, loading lazy ones", async () => {
    register(createMockProvider({ name: "W1", working: true, needsAuth: true }));
    register(createMockProvider({ name: "W2", working: false }));
    register("W3", async () => createMockProvider({ name: "W3", working: true }));
    const names = (infos: Array<{ name: string }>) =>
      infos.map((info) => info.name).filter((name) => /^W\d$/.test(name));
    expect(names(await listProviders())).toEqual(["W1", "W2", "W3"]);
    expect(names(await listProviders({ working: true }))).toEqual(["W1", "W3"]);
    expect(names(await listProviders({ working: true, needsAuth: false }))).toEqual(["W3"]);
    expect(listProviderNames()).toEqual(expect.arrayContaining(["W1", "W2", "W3"]));
    const [info] = await listProviders({ needsAuth: true });
    expect(info).toMatchObject({
      name: "W1",
      label: "Mock",
      model: "mock-model",
      models: ["mock-model", "mock-large"],
    });
  });

  it("unregisters by name or alias, aliases included", async () => {
    register(createMockProvider({ name: "Gone" }), { aliases: ["g1"] });
    expect(unregisterProvider("G1")).toBe(true);
    await expect(getProvider("gone")).rejects.toThrow(/No provider named/);
    await expect(getProvider("g1")).rejects.toThrow(/No provider named/);
    expect(unregisterProvider("gone")).toBe(false);
  });

  it("is one registry across two copies of the module", async () => {
    vi.resetModules();
    const copyA = await import("../index.js");
    vi.resetModules();
    const copyB = await import("../index.js");
    expect(copyA.registerProvider).not.toBe(copyB.registerProvider);
    const Shared = createMockProvider({ name: "SharedAcrossCopies" });
    copyA.registerProvider(Shared);
    registered.push("SharedAcrossCopies");
    expect(await copyB.getProvider("sharedacrosscopies")).toBe(Shared);
    expect(copyB.listProviderNames()).toContain("SharedAcrossCopies");
  });
});

describe("findCloseMatches", () => {
  it.each([
    ["openasistant", ["OpenAssistant", "Gemini"], ["OpenAssistant"]],
    ["gemni", ["OpenAssistant", "Gemini"], ["Gemini"]],
    ["open", ["OpenAssistant", "OpenRouter", "Bing"], ["OpenAssistant", "OpenRouter"]],
    ["xyz", ["OpenAssistant"], []],
  ])("%s → %j", (wanted, candidates, expected) => {
    expect(findCloseMatches(wanted, candidates)).toEqual(expected);
  });
});
