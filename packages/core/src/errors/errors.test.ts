import { describe, expect, it, vi } from "vitest";
import { AbortError } from "./abort-error.js";
import { AllProvidersFailedError } from "./all-providers-failed-error.js";
import { G4FError } from "./g4f-error.js";
import { InvalidRequestError } from "./invalid-request-error.js";
import { InvalidResponseError } from "./invalid-response-error.js";
import { MissingAuthError } from "./missing-auth-error.js";
import { MissingRequirementsError } from "./missing-requirements-error.js";
import { ModelNotSupportedError } from "./model-not-supported-error.js";
import { NetworkError } from "./network-error.js";
import { ProviderNotFoundError } from "./provider-not-found-error.js";
import { ProviderNotWorkingError } from "./provider-not-working-error.js";
import { RateLimitError } from "./rate-limit-error.js";
import { ResponseStatusError } from "./response-status-error.js";
import { StreamError } from "./stream-error.js";
import { TimeoutError } from "./timeout-error.js";

const cases = [
  {
    make: () => new MissingAuthError({ provider: "P" }),
    Class: MissingAuthError,
    code: "MISSING_AUTH",
    retryable: false,
  },
  {
    make: () => new ProviderNotFoundError({ name: "X", suggestions: ["Y"] }),
    Class: ProviderNotFoundError,
    code: "PROVIDER_NOT_FOUND",
    retryable: false,
  },
  {
    make: () => new ModelNotSupportedError({ model: "m", supportedModels: ["a"] }),
    Class: ModelNotSupportedError,
    code: "MODEL_NOT_SUPPORTED",
    retryable: false,
  },
  {
    make: () => new ProviderNotWorkingError({ provider: "P" }),
    Class: ProviderNotWorkingError,
    code: "PROVIDER_NOT_WORKING",
    retryable: false,
  },
  {
    make: () => new ResponseStatusError({ statusCode: 503 }),
    Class: ResponseStatusError,
    code: "RESPONSE_STATUS",
    retryable: true,
  },
  {
    make: () => new RateLimitError({ retryAfter: 3 }),
    Class: RateLimitError,
    code: "RATE_LIMITED",
    retryable: true,
  },
  {
    make: () => new TimeoutError({ timeout: "firstChunk", ms: 5 }),
    Class: TimeoutError,
    code: "TIMEOUT",
    retryable: true,
  },
  { make: () => new AbortError({ cause: "stop" }), Class: AbortError, code: "ABORTED", retryable: false },
  {
    make: () => new StreamError({ provider: "P" }),
    Class: StreamError,
    code: "STREAM_ERROR",
    retryable: false,
  },
  {
    make: () => new InvalidResponseError({ step: "s" }),
    Class: InvalidResponseError,
    code: "INVALID_RESPONSE",
    retryable: false,
  },
  {
    make: () => new InvalidRequestError({ field: "f" }),
    Class: InvalidRequestError,
    code: "INVALID_REQUEST",
    retryable: false,
  },
  {
    make: () => new AllProvidersFailedError({ attempts: [] }),
    Class: AllProvidersFailedError,
    code: "ALL_PROVIDERS_FAILED",
    retryable: false,
  },
  {
    make: () => new MissingRequirementsError(),
    Class: MissingRequirementsError,
    code: "MISSING_REQUIREMENTS",
    retryable: false,
  },
  { make: () => new NetworkError(), Class: NetworkError, code: "NETWORK_ERROR", retryable: true },
] as const;

describe("errors", () => {
  it.each(cases)(
    "$code has its code, retryability, name and own marker",
    ({ make, Class, code, retryable }) => {
      const error = make();
      expect(error.code).toBe(code);
      expect(error.isRetryable).toBe(retryable);
      expect(error.name).toBe(Class.name);
      expect(error).toBeInstanceOf(Error);
      expect(G4FError.isInstance(error)).toBe(true);
      expect(Class.isInstance(error)).toBe(true);
      for (const other of cases) {
        if (other.Class !== Class) expect(other.Class.isInstance(error)).toBe(false);
      }
      expect(error.message.length).toBeGreaterThan(5);
      expect(error.toJSON()).toMatchObject({ code, message: error.message, isRetryable: retryable });
    },
  );

  it("keeps the cause but never serialises it", () => {
    const cause = new Error("upstream said: token=abc");
    const error = new StreamError({ provider: "P", cause });
    expect(error.cause).toBe(cause);
    expect(JSON.stringify(error)).not.toContain("token=abc");
  });

  it("is recognised across two copies of the package", async () => {
    vi.resetModules();
    const copyA = await import("../index.js");
    vi.resetModules();
    const copyB = await import("../index.js");
    expect(copyA.TimeoutError).not.toBe(copyB.TimeoutError);
    const error = new copyA.TimeoutError({ timeout: "total", ms: 1 });
    expect(error instanceof copyB.TimeoutError).toBe(false);
    expect(copyB.TimeoutError.isInstance(error)).toBe(true);
    expect(copyB.G4FError.isInstance(error)).toBe(true);
    expect(copyB.AbortError.isInstance(error)).toBe(false);
  });

  it("does not match plain values or look-alikes", () => {
    expect(G4FError.isInstance(new Error("x"))).toBe(false);
    expect(G4FError.isInstance({ code: "TIMEOUT" })).toBe(false);
    expect(G4FError.isInstance(null)).toBe(false);
    expect(TimeoutError.isInstance("TIMEOUT")).toBe(false);
  });

  it("gives status-based retryability", () => {
    expect(new ResponseStatusError({ statusCode: 408 }).isRetryable).toBe(true);
    expect(new ResponseStatusError({ statusCode: 404 }).isRetryable).toBe(false);
    expect(new RateLimitError().statusCode).toBe(429);
  });

  it("writes messages that say what to do", () => {
    expect(new TimeoutError({ timeout: "betweenChunks", ms: 20, provider: "P" }).message).toBe(
      "P: Timed out after 20 ms waiting for the next chunk (timeout.betweenChunks). Raise the limit or try again.",
    );
    expect(new RateLimitError({ retryAfter: 7 }).message).toMatch(/Try again in 7 s/);
    expect(
      new ResponseStatusError({ statusCode: 500, bodyExcerpt: "x".repeat(500), step: "send" }).bodyExcerpt,
    ).toHaveLength(200);
    expect(new ProviderNotWorkingError({ provider: "P" }).message).toMatch(/allowNotWorking: true/);
  });

  it("lists every attempt of a fallback", () => {
    const error = new AllProvidersFailedError({
      attempts: [
        { provider: "A", model: "m1", error: new RateLimitError({ provider: "A" }), ms: 12 },
        { provider: "B", model: "", error: new TypeError("boom"), ms: 3 },
      ],
    });
    expect(error.message).toContain("A (m1, 12 ms): [RATE_LIMITED]");
    expect(error.message).toContain("B (default model, 3 ms): TypeError: boom");
    expect(error.toJSON().attempts).toEqual([
      { provider: "A", model: "m1", ms: 12, code: "RATE_LIMITED", message: expect.any(String) },
      { provider: "B", model: "", ms: 3, message: "TypeError: boom" },
    ]);
  });
});
