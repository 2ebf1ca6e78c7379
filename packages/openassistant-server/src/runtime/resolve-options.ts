import { InvalidServerOptionError } from "../errors/invalid-server-option-error.js";
import type { OpenAssistantServerOptions, UpstreamOptions } from "../options.js";

/** Every option with its default applied; built once per server. */
export interface ResolvedOptions {
  tokens: string[] | undefined;
  bannedTokens: string[];
  cookieName: NonNullable<OpenAssistantServerOptions["cookieName"]>;
  mode: "lorem" | "echo";
  answerTokens: number;
  tokensPerSecond: number;
  firstTokenDelayMs: number;
  workers: number;
  queueMaxSize: number;
  pendingIntervalMs: number;
  assistantMessageTimeoutMs: number;
  messageQueueExpireMs: number;
  enableChat: boolean;
  allowedModels: "*" | string[];
  messageMaxLength: number;
  chatMaxMessages: number;
  rateLimit: { times: number; windowMs: number; status: 429 | 500 } | undefined;
  pingIntervalMs: number;
  pingStyle: "comment" | "legacy";
  adminToken: string | undefined;
  upstream: UpstreamOptions | undefined;
  maxRecordedRequests: number;
}

function fail(name: string, expected: string, value: unknown): never {
  const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  throw new InvalidServerOptionError(`Invalid option \`${name}\`: expected ${expected}, got ${shown}.`);
}

function count(name: string, value: unknown, fallback: number, minimum = 0): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || Number.isNaN(value) || value < minimum)
    fail(name, `a number ≥ ${minimum}`, value);
  return value;
}

function stringList(name: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string"))
    fail(name, "an array of strings", Array.isArray(value) ? "an array with a non-string" : typeof value);
  return value as string[];
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) fail(name, `one of ${allowed.join(", ")}`, value);
  return value as T;
}

function resolveUpstream(value: unknown): UpstreamOptions | undefined {
  if (value === undefined) return undefined;
  const upstream = value as Partial<UpstreamOptions> | null;
  if (typeof upstream !== "object" || upstream === null || typeof upstream.baseUrl !== "string")
    fail("upstream", "an object with a `baseUrl` string", typeof value);
  try {
    new URL(upstream.baseUrl);
  } catch {
    fail("upstream.baseUrl", "an absolute http(s) URL such as http://127.0.0.1:11434/v1", upstream.baseUrl);
  }
  if (upstream.model !== undefined && typeof upstream.model !== "string")
    fail("upstream.model", "a string", typeof upstream.model);
  if (upstream.apiKey !== undefined && typeof upstream.apiKey !== "string")
    fail("upstream.apiKey", "a string", "a non-string (value not shown)");
  const resolved: UpstreamOptions = { baseUrl: upstream.baseUrl };
  if (upstream.model !== undefined) resolved.model = upstream.model;
  if (upstream.apiKey !== undefined) resolved.apiKey = upstream.apiKey;
  return resolved;
}

/** Applies the defaults and checks every option; throws {@link InvalidServerOptionError}. */
export function resolveOptions(options: OpenAssistantServerOptions): ResolvedOptions {
  const mode = oneOf("mode", options.mode, ["lorem", "echo"] as const, "lorem");
  const allowed = options.allowedModels;
  if (allowed !== undefined && allowed !== "*") stringList("allowedModels", allowed);
  const rate = options.rateLimit;
  if (
    options.adminToken !== undefined &&
    (typeof options.adminToken !== "string" || options.adminToken === "")
  )
    fail("adminToken", "a non-empty string", "an empty or non-string value");
  return {
    tokens: stringList("tokens", options.tokens),
    bannedTokens: stringList("bannedTokens", options.bannedTokens) ?? [],
    cookieName: oneOf(
      "cookieName",
      options.cookieName,
      ["both", "__Secure-next-auth.session-token", "next-auth.session-token"] as const,
      "both",
    ),
    mode,
    answerTokens: count(
      "answerTokens",
      options.answerTokens,
      mode === "echo" ? Number.POSITIVE_INFINITY : 32,
    ),
    tokensPerSecond: count("tokensPerSecond", options.tokensPerSecond, 20),
    firstTokenDelayMs: count("firstTokenDelayMs", options.firstTokenDelayMs, 0),
    workers: count("workers", options.workers, Number.POSITIVE_INFINITY, 1),
    queueMaxSize: count("queueMaxSize", options.queueMaxSize, Number.POSITIVE_INFINITY),
    pendingIntervalMs: count("pendingIntervalMs", options.pendingIntervalMs, 1000, 1),
    assistantMessageTimeoutMs: count(
      "assistantMessageTimeoutMs",
      options.assistantMessageTimeoutMs,
      60_000,
      1,
    ),
    messageQueueExpireMs: count("messageQueueExpireMs", options.messageQueueExpireMs, 60_000, 1),
    enableChat: options.enableChat ?? true,
    allowedModels: allowed ?? "*",
    messageMaxLength: count("messageMaxLength", options.messageMaxLength, Number.POSITIVE_INFINITY),
    chatMaxMessages: count("chatMaxMessages", options.chatMaxMessages, Number.POSITIVE_INFINITY),
    rateLimit:
      rate === undefined
        ? undefined
        : {
            times: count("rateLimit.times", rate.times, 20, 1),
            windowMs: count("rateLimit.windowMs", rate.windowMs, 660_000, 1),
            status:
              oneOf(
                "rateLimit.status",
                rate.status === undefined ? undefined : String(rate.status),
                ["429", "500"] as const,
                "429",
              ) === "500"
                ? 500
                : 429,
          },
    pingIntervalMs: count("pingIntervalMs", options.pingIntervalMs, 15_000),
    pingStyle: oneOf("pingStyle", options.pingStyle, ["comment", "legacy"] as const, "comment"),
    adminToken: options.adminToken,
    upstream: resolveUpstream(options.upstream),
    maxRecordedRequests: count("maxRecordedRequests", options.maxRecordedRequests, 10_000),
  };
}
