import { fetch as undiciFetch } from "undici";
import { AbortError } from "../errors/abort-error.js";
import { G4FError } from "../errors/g4f-error.js";
import { InvalidResponseError } from "../errors/invalid-response-error.js";
import { NetworkError } from "../errors/network-error.js";
import { RateLimitError } from "../errors/rate-limit-error.js";
import { ResponseStatusError } from "../errors/response-status-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { linkSignals } from "../internal/link-signals.js";
import { collectSecrets, redactSecrets } from "../internal/redact-secrets.js";
import { wait } from "../internal/wait.js";
import { normalizeTimeouts } from "../provider/normalize-timeouts.js";
import { VERSION } from "../version.js";
import { buildCookieHeader } from "./build-cookie-header.js";
import { computeBackoff } from "./compute-backoff.js";
import { resolveDebugSink } from "./debug-sink.js";
import { getDispatcher, resolveProxy } from "./dispatcher-cache.js";
import { guardBody } from "./guard-body.js";
import type { HttpClient, HttpClientOptions, HttpRequestInit, StreamedResponse } from "./http-types.js";
import { joinUrl } from "./join-url.js";
import { mapStatusToError } from "./map-status-to-error.js";
import { readBodyText } from "./read-body-text.js";
import { redactHeaders, redactUrl } from "./redact-headers.js";
import { type BufferedReply, sendBuffered, toHeaders } from "./send-buffered.js";
import { fromBufferedReply, fromFetchResponse } from "./streamed-response.js";
import { translateTransportError } from "./translate-transport-error.js";

const idempotentMethods = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);
const retryableStatuses = new Set([408, 425, 429, 500, 502, 503, 504]);
const ERROR_BODY_LIMIT = 64 * 1024;

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

  // Replies read whole skip fetch (see send-buffered.ts), unless body timeouts need fetch's guard.
  const canBuffer =
    timeouts.firstChunk === undefined && timeouts.betweenChunks === undefined && timeouts.total === undefined;

  async function attempt(
    path: string,
    init: HttpRequestInit,
    method: string,
    buffered: false,
  ): Promise<Response>;
  async function attempt(
    path: string,
    init: HttpRequestInit,
    method: string,
    buffered: boolean,
  ): Promise<Response | BufferedReply>;
  async function attempt(
    path: string,
    init: HttpRequestInit,
    method: string,
    buffered: boolean,
  ): Promise<Response | BufferedReply> {
    const internal = new AbortController();
    const external = [options.signal, init.signal];
    // A buffered reply's body tells us when it closes, so the link can end then (see link-signals).
    let unlink = (): void => undefined;
    let signal = internal.signal;
    if (buffered) unlink = linkSignals(internal, external);
    else {
      const signals = [internal.signal, ...external.filter((item) => item !== undefined)];
      if (signals.length > 1) signal = AbortSignal.any(signals);
    }
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
    const body = init.json === undefined ? undefined : JSON.stringify(init.json);
    if (body !== undefined) headers["content-type"] ??= "application/json";
    const started = performance.now();
    const url = joinUrl(baseUrl, path, init.query);
    // Parsed once: the host for messages and, for a buffered request, its origin and path.
    const target = parseUrl(url);
    const host = target?.host ?? baseUrl;
    debug?.({
      type: "request",
      provider,
      method,
      url: redactUrl(url),
      headers: redactHeaders(Object.entries(headers)),
    });
    let reply: Response | BufferedReply;
    try {
      signal.throwIfAborted();
      reply = buffered
        ? await sendBuffered(dispatcher, target ?? url, { method, headers, body, signal })
        : ((await undiciFetch(url, {
            method,
            headers,
            body: body ?? null,
            signal,
            dispatcher,
          })) as unknown as Response);
    } catch (error) {
      clearTimeout(totalTimer);
      unlink();
      const typed = translateTransportError(error, sources, { provider, host, phase: "connect" });
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
    const status = reply.status;
    const replyHeaders = (): Headers => ("rawHeaders" in reply ? toHeaders(reply.rawHeaders) : reply.headers);
    const logResponse = (text?: string): void =>
      debug?.({
        type: "response",
        provider,
        method,
        url: redactUrl(url),
        status,
        headers: redactHeaders(replyHeaders()),
        ...(text === undefined ? {} : { body: text }),
        elapsedMs,
      });
    if (buffered && status >= 300 && status <= 399) {
      // Rare, and fetch follows redirects by the spec's rules (method changes, cookies dropped
      // across origins): resend through fetch rather than reimplement them.
      await (reply as BufferedReply).body.dump().catch(() => undefined);
      unlink();
      logResponse();
      return attempt(path, init, method, false);
    }
    if (status < 200 || status > 299) {
      clearTimeout(totalTimer);
      let bodyText = "";
      try {
        bodyText = redactSecrets(await readBodyText(reply.body, ERROR_BODY_LIMIT), secrets);
      } catch {
        // A body that breaks while we read it for an error message adds nothing.
      }
      unlink();
      logResponse(bodyText.slice(0, 200));
      const context = {
        status,
        bodyText,
        headers: replyHeaders(),
        ...(init.step === undefined ? {} : { step: init.step }),
      };
      throw options.mapError?.(context) ?? mapStatusToError({ ...context, provider, secrets });
    }
    logResponse();
    if ("rawHeaders" in reply) {
      reply.body.once("close", unlink);
      return reply;
    }
    const response = reply;
    const guarded =
      timeouts.firstChunk !== undefined || timeouts.betweenChunks !== undefined || totalTimer !== undefined;
    if (!guarded || response.body === null) {
      clearTimeout(totalTimer);
      return response;
    }
    const guardedBody = guardBody(response.body, {
      provider,
      host,
      firstChunk: timeouts.firstChunk,
      betweenChunks: timeouts.betweenChunks,
      sources,
      onEnd: () => clearTimeout(totalTimer),
    });
    const wrapped = new Response(guardedBody, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    Object.defineProperty(wrapped, "url", { value: response.url });
    return wrapped;
  }

  /** Runs `send` with retries and backoff, for idempotent requests only. */
  async function withRetries<T>(method: string, init: HttpRequestInit, send: () => Promise<T>): Promise<T> {
    const retries = (init.idempotent ?? idempotentMethods.has(method)) ? retry.retries : 0;
    for (let attemptIndex = 0; ; attemptIndex++) {
      try {
        return await send();
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

  function methodOf(init: HttpRequestInit): string {
    return (init.method ?? (init.json === undefined ? "GET" : "POST")).toUpperCase();
  }

  function request(path: string, init: HttpRequestInit = {}): Promise<Response> {
    const method = methodOf(init);
    return withRetries(method, init, () => attempt(path, init, method, false));
  }

  /** Sends and reads the whole body; a body that breaks is a typed error. */
  async function readWhole(
    path: string,
    init: HttpRequestInit,
  ): Promise<{ text: string; type: string | null }> {
    const method = methodOf(init);
    const reply = await withRetries(method, init, () => attempt(path, init, method, canBuffer));
    try {
      if ("rawHeaders" in reply) {
        const type = reply.rawHeaders["content-type"];
        return {
          text: await reply.body.text(),
          type: Array.isArray(type) ? (type[0] ?? null) : (type ?? null),
        };
      }
      return { text: await reply.text(), type: reply.headers.get("content-type") };
    } catch (error) {
      throw translateTransportError(
        error,
        { external: [options.signal, init.signal] },
        { provider, host: parseUrl(baseUrl)?.host ?? baseUrl, phase: "body" },
      );
    }
  }

  async function stream(path: string, init: HttpRequestInit = {}): Promise<StreamedResponse> {
    const method = methodOf(init);
    const reply = await withRetries(method, init, () => attempt(path, init, method, canBuffer));
    return "rawHeaders" in reply ? fromBufferedReply(reply) : fromFetchResponse(reply);
  }

  async function text(path: string, init: HttpRequestInit = {}): Promise<string> {
    return (await readWhole(path, init)).text;
  }

  async function json<T>(path: string, init: HttpRequestInit = {}): Promise<T> {
    const reply = await readWhole(path, {
      ...init,
      headers: { accept: "application/json", ...init.headers },
    });
    try {
      return JSON.parse(reply.text) as T;
    } catch (error) {
      const where = init.step === undefined ? "" : ` during ${init.step}`;
      throw new InvalidResponseError({
        provider,
        cause: error,
        ...(init.step === undefined ? {} : { step: init.step }),
        message: `${provider}: expected JSON${where} but got ${reply.text.length} chars of ${reply.type ?? "no content type"}. The backend may have changed or an intermediary (proxy, captcha page) answered instead.`,
      });
    }
  }

  return { request, stream, text, json, cookieHeader };
}

/** The URL parsed, or `undefined` when it does not parse (the transport then reports it). */
function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function anySignal(signals: ReadonlyArray<AbortSignal | undefined>): AbortSignal | undefined {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  if (present.length <= 1) return present[0];
  return AbortSignal.any(present);
}
