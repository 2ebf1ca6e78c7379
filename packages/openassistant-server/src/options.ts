import type { FaultRule } from "./fault-types.js";

/** Where an upstream OpenAI-compatible server is, for upstream mode. */
export interface UpstreamOptions {
  /** Base URL of the OpenAI-compatible API, e.g. `http://127.0.0.1:11434/v1` (`/chat/completions` is appended). */
  baseUrl: string;
  /**
   * The upstream model name.
   * @defaultValue the request's `model_config_name`
   */
  model?: string;
  /** Sent as `Authorization: Bearer <apiKey>`; never appears in replies, logs or state. */
  apiKey?: string;
}

/** The assistant-message rate limit per user (off unless given). */
export interface RateLimitOptions {
  /**
   * Assistant messages allowed per window.
   * @defaultValue 20
   */
  times?: number;
  /**
   * The window in milliseconds (fixed, starting at the first message).
   * @defaultValue 660000
   */
  windowMs?: number;
  /**
   * `429` with `Retry-After` (as meant), or `500` `Something went wrong` (as the real site most likely answered).
   * @defaultValue 429
   */
  status?: 429 | 500;
}

/** Options of the reference server; every one is optional. */
export interface OpenAssistantServerOptions {
  /**
   * Accepted session tokens, compared as raw bytes. A token is a byte string (one character per
   * byte, as `@g4f/cookies` returns values); a token with characters above U+00FF is taken as UTF-8.
   * @defaultValue none: any non-empty token is a user (its id is a hash of the token)
   */
  tokens?: string[];
  /** Tokens that get `403` as banned users. */
  bannedTokens?: string[];
  /**
   * The session cookie name(s) read; with `both`, `__Secure-next-auth.session-token` wins.
   * @defaultValue `"both"`
   */
  cookieName?: "both" | "__Secure-next-auth.session-token" | "next-auth.session-token";
  /**
   * `lorem` (readable words incl. accented Latin, CJK and an emoji) or `echo` (the prompt back).
   * @defaultValue `"lorem"`
   */
  mode?: "lorem" | "echo";
  /**
   * Tokens per answer, capped by `max_new_tokens` (in echo mode: a cap on the echoed words).
   * @defaultValue 32 (echo: unlimited)
   */
  answerTokens?: number;
  /**
   * Pace of token generation; `0` generates as fast as possible.
   * @defaultValue 20
   */
  tokensPerSecond?: number;
  /**
   * Milliseconds from a worker taking a message to its first token.
   * @defaultValue 0
   */
  firstTokenDelayMs?: number;
  /**
   * Concurrent generations per model; more wait in the model's queue.
   * @defaultValue unlimited
   */
  workers?: number;
  /**
   * How many messages may wait in a model's queue; one more gets `503`.
   * @defaultValue unlimited
   */
  queueMaxSize?: number;
  /**
   * Milliseconds between `pending` events until a stream's first packet.
   * @defaultValue 1000
   */
  pendingIntervalMs?: number;
  /**
   * A message queued longer than this ends with an `error` event `Timeout`.
   * @defaultValue 60000
   */
  assistantMessageTimeoutMs?: number;
  /**
   * Unread packets of a message expire this long after the last one.
   * @defaultValue 60000
   */
  messageQueueExpireMs?: number;
  /**
   * `false` answers every chat route `404` (the site's `ENABLE_CHAT` off).
   * @defaultValue true
   */
  enableChat?: boolean;
  /**
   * Model config names allowed for `assistant_message` and listed by `/api/chat/models`.
   * @defaultValue `"*"`
   */
  allowedModels?: "*" | string[];
  /**
   * Maximum prompter message length (UTF-16 units, as Python counts code points for BMP text).
   * @defaultValue unlimited
   */
  messageMaxLength?: number;
  /**
   * Maximum messages per chat.
   * @defaultValue unlimited
   */
  chatMaxMessages?: number;
  /** The assistant-message rate limit; off unless given. */
  rateLimit?: RateLimitOptions;
  /**
   * Milliseconds between ping comments on an event stream; `0` sends none.
   * @defaultValue 15000
   */
  pingIntervalMs?: number;
  /**
   * `comment` (`: ping - <time>`) or `legacy` (`event: ping` + `data: <time>`, sse-starlette ≤ 1.3.4).
   * @defaultValue `"comment"`
   */
  pingStyle?: "comment" | "legacy";
  /** Fault rules active from the start. */
  faults?: FaultRule[];
  /** Enables `/__admin/*`, guarded by the `x-g4f-admin-token` header carrying this value. */
  adminToken?: string;
  /** Forward generation to an OpenAI-compatible server instead of the built-in generator. */
  upstream?: UpstreamOptions;
  /**
   * How many request records `state.requests` keeps (oldest dropped first).
   * @defaultValue 10000
   */
  maxRecordedRequests?: number;
}

/** Options of {@link startOpenAssistantServer}: the server's options plus where to listen. */
export interface StartOpenAssistantServerOptions extends OpenAssistantServerOptions {
  /**
   * The interface to bind.
   * @defaultValue `"127.0.0.1"`
   */
  host?: string;
  /**
   * The port; `0` picks a free one.
   * @defaultValue 0
   */
  port?: number;
}
