import { redactSecrets } from "@g4f/core";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { getModel, listModels } from "../catalog/handle-models.js";
import { getProviderResponse, listProvidersResponse } from "../catalog/handle-providers.js";
import { loadCatalog } from "../catalog/load-catalog.js";
import { handleChatCompletions } from "../chat/handle-chat-completions.js";
import { ApiRequestError } from "../errors/api-request-error.js";
import { toErrorResponse } from "../errors/to-error-response.js";
import { createApiKeyCheck } from "../http/check-api-key.js";
import { errorToResponse } from "../http/error-to-response.js";
import type { ApiApp, ApiServerOptions } from "./api-server-options.js";
import { collectSecrets } from "./collect-secrets.js";
import { createRequestScope, type RequestScope } from "./request-scope.js";
import { RequestTracker } from "./request-tracker.js";
import type { ServerContext } from "./server-context.js";

const defaultBodyLimit = 1_048_576;
const defaultTimeout = { total: 600_000 };
const defaultGraceMs = 10_000;

type Env = { Variables: { scope: RequestScope } };

/**
 * Creates the OpenAI-compatible API as an in-process app: `GET /v1/models`, `GET /v1/models/{id}`,
 * `GET /v1/providers`, `GET /v1/providers/{name}` and `POST /v1/chat/completions` (streamed and
 * not), with errors in OpenAI's JSON shape. Serve it with {@link startApiServer}, or call
 * `app.fetch(request)` directly (tests, other runtimes).
 *
 * @param options - providers to expose, their default options, API key, CORS, limits and log hook.
 * @returns the app.
 * @example
 * ```ts
 * registerProvider(OpenAssistant);
 * const app = createApiServer({ apiKey: "sk-local", providerOptions: { OpenAssistant: { baseUrl } } });
 * const response = await app.fetch(new Request("http://localhost/v1/models", {
 *   headers: { authorization: "Bearer sk-local" },
 * }));
 * ```
 */
export function createApiServer(options: ApiServerOptions = {}): ApiApp {
  const apiKeys =
    options.apiKey === undefined
      ? []
      : typeof options.apiKey === "string"
        ? [options.apiKey]
        : [...options.apiKey];
  const providerOptions = options.providerOptions ?? {};
  const checkApiKey = createApiKeyCheck(apiKeys);
  const tracker = new RequestTracker();
  const refs = options.providers;
  const context: ServerContext = {
    getCatalog: () => loadCatalog(refs, providerOptions),
    secrets: collectSecrets(apiKeys, providerOptions),
    timeout: options.requestTimeout ?? defaultTimeout,
    bodyLimit: options.bodyLimit ?? defaultBodyLimit,
    tracker,
  };
  const app = new Hono<Env>();

  app.use("*", async (c, next) => {
    // The path is the client's text: redact it, as a secret pasted into a URL would reach the log.
    const path = redactSecrets(c.req.path, context.secrets);
    const scope = createRequestScope(c.req.method, path, tracker.begin(), options.onLog);
    c.set("scope", scope);
    if (tracker.closing) {
      throw new ApiRequestError({
        status: 503,
        type: "server_error",
        apiCode: "server_shutting_down",
        headers: { connection: "close" },
        message: "The server is shutting down. Try again in a moment.",
      });
    }
    await next();
    if (!scope.deferred) scope.end(c.res.status);
  });
  if (options.cors !== undefined && options.cors !== false) {
    const origin = options.cors === true ? "*" : [...options.cors];
    app.use("*", cors({ origin, allowHeaders: ["authorization", "content-type"], maxAge: 600 }));
  }
  app.use("/v1/*", async (c, next) => {
    if (c.req.method !== "OPTIONS") checkApiKey(c.req.header("authorization") ?? null);
    await next();
  });
  app.get("/v1/models", async (c) => c.json(listModels(await context.getCatalog())));
  app.get("/v1/models/:id{.+}", async (c) => c.json(getModel(await context.getCatalog(), c.req.param("id"))));
  app.get("/v1/providers", async (c) => c.json(listProvidersResponse(await context.getCatalog())));
  app.get("/v1/providers/:name", async (c) =>
    c.json(getProviderResponse(await context.getCatalog(), c.req.param("name"))),
  );
  app.post("/v1/chat/completions", (c) => handleChatCompletions(c.req.raw, context, c.get("scope")));
  const respondWithError = (error: unknown, scope: RequestScope | undefined): Response => {
    const mapped = toErrorResponse(error, context.secrets);
    scope?.end(mapped.status, {
      errorCode: mapped.errorCode,
      message: mapped.body.error.message,
      level: mapped.level,
    });
    return errorToResponse(mapped);
  };
  app.notFound((c) =>
    respondWithError(
      new ApiRequestError({
        status: 404,
        apiCode: "unknown_route",
        message: `No route ${c.req.method} ${c.req.path}. This server offers GET /v1/models, GET /v1/providers and POST /v1/chat/completions.`,
      }),
      c.get("scope"),
    ),
  );
  app.onError((error, c) => respondWithError(error, c.get("scope")));

  return {
    fetch: async (request) => app.fetch(request),
    ready: async () => {
      await context.getCatalog();
    },
    get activeRequests() {
      return tracker.active;
    },
    close: (closeOptions = {}) => tracker.close(closeOptions.graceMs ?? defaultGraceMs),
  };
}
