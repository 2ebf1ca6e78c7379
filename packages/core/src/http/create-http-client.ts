import { createFetch } from "ofetch";
import { Headers as UndiciHeaders, fetch as undiciFetch } from "undici";
import { AbortError } from "../errors/abort-error.js";
import { G4FError } from "../errors/g4f-error.js";
import { InvalidResponseError } from "../errors/invalid-response-error.js";
import { NetworkError } from "../errors/network-error.js";
import { RateLimitError } from "../errors/rate-limit-error.js";
import { ResponseStatusError } from "../errors/response-status-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { collectSecrets, redactSecrets } from "../internal/redact-secrets.js";
import { wait } from "../internal/wait.js";
import { normalizeTimeouts } from "../provider/normalize-timeouts.js";
import { VERSION } from "../version.js";
import { buildCookieHeader } from "./build-cookie-header.js";
import { computeBackoff } from "./compute-backoff.js";
import { resolveDebugSink } from "./debug-sink.js";
import { getDispatcher, resolveProxy } from "./dispatcher-cache.js";
import { guardBody } from "./guard-body.js";
import type { HttpClient, HttpClientOptions, HttpRequestInit } from "./http-types.js";
import { mapStatusToError } from "./map-status-to-error.js";
import { readBodyText } from "./read-body-text.js";
import { redactHeaders, redactUrl } from "./redact-headers.js";
import { translateTransportError } from "./translate-transport-error.js";

const idempotentMethods = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);
const retryableStatuses = new Set([408, 425, 429, 500, 502, 503, 504]);
const ERROR_BODY_LIMIT = 64 * 1024;
const $fetch = createFetch({
  fetch: undiciFetch as unknown as typeof fetch,
  Headers: UndiciHeaders as unknown as typeof Headers,
});

function lowerCaseKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) result[name.toLowerCase()] = value;
  return result;
}

function shouldRetry(error: unknown): boolean {
  if (NetworkError.isInstance(error) || RateLimitError.isInstance(error)) return true;
  if (TimeoutError.isInstance(error)) return error.timeout === "request";
  if (ResponseStatusError.isInstance(error)) return retryableStatuses.has(error.statusCode);
  return false;
}

/**
 * Creates the HTTP client every provider uses: undici with one shared keep-alive pool per proxy
 * URL, request timeouts, retries with exponential backoff and jitter that honour `Retry-After`
 * (idempotent requests only), a byte-exact `Cookie` header, typed errors with redacted bodies,
 * and redacted debug events.
 *
 * @param options - provider name, base URL, proxy, cookies, headers, timeouts, retry, hooks.
 * @returns a client with `request()` and `json()`.
 * @throws {@link InvalidRequestError} for a bad proxy URL, cookie or timeout.
 * @example
 * ```ts
 * const http = createHttpClient({ provider: "OpenAssistant", baseUrl: "https://open-assistant.io", cookies, signal });
 * const { id } = await http.json<{ id: string }>("/api/chat", { method: "POST", step: "create chat" });
 * ```
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const provider = options.provider;
  const proxyUrl = resolveProxy(options.proxy);
  const dispatcher = getDispatcher(proxyUrl);
  const cookieHeader = buildCookieHeader(options.cookies, provider);
  const timeouts = normalizeTimeouts(options.timeouts ?? {}, provider);
  const requestTimeout = timeouts.request ?? 30_000;
  const retry =
    options.retry === false
      ? { retries: 0, minDelayMs: 0, maxDelayMs: 0 }
      : {
          retries: options.retry?.retries ?? 2,
          minDelayMs: options.retry?.minDelayMs ?? 500,
          maxDelayMs: options.retry?.maxDelayMs ?? 10_000,
        };
  const debug = resolveDebugSink(options.onDebug);
  const baseHeaders = lowerCaseKeys(options.headers);
  baseHeaders["user-agent"] = options.userAgent ?? baseHeaders["user-agent"] ?? `g4f-ts/${VERSION}`;
  if (cookieHeader !== undefined) baseHeaders.cookie = cookieHeader;
  const secrets = collectSecrets({ cookies: options.cookies, headers: options.headers });
  const baseUrl = options.baseUrl;

  async function attempt(path: string, init: HttpRequestInit, method: string): Promise<Response> {
    const internal = new AbortController();
    const external = [options.signal, init.signal];
    const signals = [internal.signal, ...external.filter((signal) => signal !== undefined)];
    const signal = signals.length === 1 ? internal.signal : AbortSignal.any(signals);
    const sources = { internal: internal.signal, external };
    const limit = init.timeout ?? requestTimeout;
    const timer =
      limit > 0
        ? setTimeout(
            () => internal.abort(new TimeoutError({ provider, timeout: "request", ms: limit })),
            limit,
          )
        : undefined;
    const totalTimer =
      timeouts.total === undefined
        ? undefined
        : setTimeout(
            () => internal.abort(new TimeoutError({ provider, timeout: "total", ms: timeouts.total ?? 0 })),
            timeouts.total,
          );
    const headers = { ...baseHeaders, ...lowerCaseKeys(init.headers) };
    const started = performance.now();
    let url = path;
    try {
      url = new URL(path, baseUrl).toString();
    } catch {
      // ofetch joins relative paths itself; keep the raw path for logs.
    }
    const host = (() => {
      try {
        return new URL(url).host;
      } catch {
        return baseUrl;
      }
    })();
    debug?.({
      type: "request",
      provider,
      method,
      url: redactUrl(url),
      headers: redactHeaders(Object.entries(headers)),
    });
    let response: Response;
    try {
      signal.throwIfAborted();
      response = (await $fetch.raw(path, {
        baseURL: baseUrl,
        method,
        ...(init.query === undefined ? {} : { query: init.query }),
        ...(init.json === undefined ? {} : { body: init.json as Record<string, unknown> }),
        headers,
        signal,
        retry: false,
        ignoreResponseError: true,
        responseType: "stream",
        dispatcher,
      } as Parameters<typeof $fetch.raw>[1])) as unknown as Response;
    } catch (error) {
      clearTimeout(totalTimer);
      const cause =
        error instanceof Error && error.name === "FetchError" && error.cause !== undefined
          ? error.cause
          : error;
      const typed = translateTransportError(cause, sources, { provider, host, phase: "connect" });
      debug?.({
        type: "error",
        provider,
        method,
        url: redactUrl(url),
        message: typed.message,
        elapsedMs: performance.now() - started,
      });
      throw typed;
    } finally {
      clearTimeout(timer);
    }
    const elapsedMs = performance.now() - started;
    const logResponse = (body?: string): void =>
      debug?.({
        type: "response",
        provider,
        method,
        url: redactUrl(url),
        status: response.status,
        headers: redactHeaders(response.headers),
        ...(body === undefined ? {} : { body }),
        elapsedMs,
      });
    if (response.status < 200 || response.status > 299) {
      clearTimeout(totalTimer);
      let bodyText = "";
      try {
        bodyText = redactSecrets(await readBodyText(response.body, ERROR_BODY_LIMIT), secrets);
      } catch {
        // A body that breaks while we read it for an error message adds nothing.
      }
      logResponse(bodyText.slice(0, 200));
      const context = {
        status: response.status,
        bodyText,
        headers: response.headers,
        ...(init.step === undefined ? {} : { step: init.step }),
      };
      throw options.mapError?.(context) ?? mapStatusToError({ ...context, provider, secrets });
    }
    logResponse();
    const guarded =
      timeouts.firstChunk !== undefined || timeouts.betweenChunks !== undefined || totalTimer !== undefined;
    if (!guarded || response.body === null) {
      clearTimeout(totalTimer);
      return response;
    }
    const body = guardBody(response.body, {
      provider,
      host,
      firstChunk: timeouts.firstChunk,
      betweenChunks: timeouts.betweenChunks,
      sources,
      onEnd: () => clearTimeout(totalTimer),
    });
    const wrapped = new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    Object.defineProperty(wrapped, "url", { value: response.url });
    return wrapped;
  }

  async function request(path: string, init: HttpRequestInit = {}): Promise<Response> {
    const method = (init.method ?? (init.json === undefined ? "GET" : "POST")).toUpperCase();
    const retries = (init.idempotent ?? idempotentMethods.has(method)) ? retry.retries : 0;
    for (let attemptIndex = 0; ; attemptIndex++) {
      try {
        return await attempt(path, init, method);
      } catch (error) {
        if (attemptIndex >= retries || !shouldRetry(error)) throw error;
        let delay = computeBackoff(attemptIndex, retry);
        if (RateLimitError.isInstance(error) && error.retryAfter !== undefined) {
          const asked = error.retryAfter * 1000;
          // Waiting longer than allowed would only hide the limit; surface it to the caller.
          if (asked > retry.maxDelayMs) throw error;
          delay = asked;
        }
        debug?.({
          type: "retry",
          provider,
          method,
          message: `retry ${attemptIndex + 1}/${retries} in ${delay} ms after ${G4FError.isInstance(error) ? error.code : "error"}`,
        });
        try {
          await wait(delay, anySignal([options.signal, init.signal]));
        } catch (reason) {
          throw G4FError.isInstance(reason) ? reason : new AbortError({ provider, cause: reason });
        }
      }
    }
  }

  async function json<T>(path: string, init: HttpRequestInit = {}): Promise<T> {
    const response = await request(path, {
      ...init,
      headers: { accept: "application/json", ...init.headers },
    });
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw translateTransportError(
        error,
        { external: [options.signal, init.signal] },
        { provider, host: baseUrl, phase: "body" },
      );
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      const where = init.step === undefined ? "" : ` during ${init.step}`;
      const type = response.headers.get("content-type") ?? "no content type";
      throw new InvalidResponseError({
        provider,
        cause: error,
        ...(init.step === undefined ? {} : { step: init.step }),
        message: `${provider}: expected JSON${where} but got ${text.length} chars of ${type}. The backend may have changed or an intermediary (proxy, captcha page) answered instead.`,
      });
    }
  }

  return { request, json, cookieHeader };
}

function anySignal(signals: ReadonlyArray<AbortSignal | undefined>): AbortSignal | undefined {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  if (present.length <= 1) return present[0];
  return AbortSignal.any(present);
}
