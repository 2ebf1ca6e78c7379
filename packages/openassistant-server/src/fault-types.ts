/**
 * The short name of a route of the Open Assistant web API, as fault rules and request records use it.
 *
 * `chat.create` is `POST /api/chat`, `chat.list` `GET /api/chat`, `chat.get` `GET /api/chat?chat_id=`,
 * `chat.delete` `DELETE /api/chat`, `chat.update` `PUT /api/chat`; the others are the last path
 * segment under `/api/chat/`.
 */
export type RouteName =
  | "chat.create"
  | "chat.list"
  | "chat.get"
  | "chat.delete"
  | "chat.update"
  | "prompter_message"
  | "assistant_message"
  | "events"
  | "message"
  | "models";

/** What a fault rule does to a request it matches (discriminated on `type`). */
export type FaultAction =
  | RespondFault
  | DelayFault
  | SimpleFault
  | ErrorEventFault
  | AfterTokensFault
  | MalformedFault
  | FirstTokenDelayFault
  | PingsFault;

/** Answer normally, but only `ms` milliseconds after the route ran. */
export interface DelayFault {
  /** The discriminant. */
  type: "delay";
  /** How long to wait. */
  ms: number;
}

/**
 * Actions without parameters: `hang` (never answer until the client leaves or the server
 * closes), `reset` (destroy the socket with a TCP reset first; in process `fetch` rejects),
 * `pendingForever` (events: act as a cancelled message; on `assistant_message`: never generate),
 * `alreadyFinished` (events: `200` with an empty body), `lfFraming` (events: `\n\n` separators),
 * `splitWrites` (events: tiny writes splitting UTF-8 sequences).
 */
export interface SimpleFault {
  /** The discriminant. */
  type: "hang" | "reset" | "pendingForever" | "alreadyFinished" | "lfFraming" | "splitWrites";
}

/**
 * Events: after `afterTokens` token events, `drop` kills the connection, `stall` goes silent
 * (no tokens, no pings) and `endWithoutMessage` closes cleanly without a `message` event.
 */
export interface AfterTokensFault {
  /** The discriminant. */
  type: "drop" | "stall" | "endWithoutMessage";
  /** Token events sent first. */
  afterTokens: number;
}

/** Delay the first token by `ms` (on `assistant_message`: the generation; on `events`: this stream's delivery). */
export interface FirstTokenDelayFault {
  /** The discriminant. */
  type: "firstTokenDelay";
  /** How long to hold the first token back. */
  ms: number;
}

/** Replace the answer with any status, body and headers. */
export interface RespondFault {
  /** The discriminant. */
  type: "respond";
  /** The HTTP status to answer with. */
  status: number;
  /** The body; none when omitted (and then no Content-Type unless `headers` sets one). */
  body?: string;
  /** Extra headers, e.g. `{"Retry-After": "3"}`. */
  headers?: Record<string, string>;
}

/** Events: send an `error` event after some tokens, then close. */
export interface ErrorEventFault {
  /** The discriminant. */
  type: "errorEvent";
  /** Token events sent before the error. */
  afterTokens: number;
  /**
   * The `error` text.
   * @defaultValue `"Aborted due to worker error."`
   */
  error?: string;
  /**
   * The message state the error reports (and the message takes).
   * @defaultValue `"aborted_by_worker"`
   */
  state?: string;
}

/** Events: send a `data:` line that is not JSON after some tokens. */
export interface MalformedFault {
  /** The discriminant. */
  type: "malformed";
  /** Token events sent before the malformed line. */
  afterTokens: number;
  /**
   * What follows `data: `.
   * @defaultValue `'{"event_type": "token", "text": '`
   */
  payload?: string;
}

/** Events: change the ping schedule of a stream. */
export interface PingsFault {
  /** The discriminant. */
  type: "pings";
  /** Milliseconds between pings; `0` sends none. */
  intervalMs: number;
  /**
   * `comment` (`: ping - <time>`) or `legacy` (`event: ping` + `data: <time>`).
   * @defaultValue the server's `pingStyle`
   */
  style?: "comment" | "legacy";
}

/**
 * A fault to inject: which requests it matches and what it does to them.
 *
 * @example
 * ```ts
 * server.addFault({ route: "events", nth: 1, action: { type: "errorEvent", afterTokens: 3 } });
 * ```
 */
export interface FaultRule {
  /** The route to match, or `"*"` for every route. */
  route: RouteName | "*";
  /** Match only requests naming this chat (query `chat_id` or body `chat_id`). */
  chatId?: string;
  /**
   * Start firing at the n-th matching request (1-based). With `nth` and no `times`, the rule fires once.
   * @defaultValue 1
   */
  nth?: number;
  /**
   * How many times the rule fires at most.
   * @defaultValue unlimited (1 when `nth` is given)
   */
  times?: number;
  /** What to do. */
  action: FaultAction;
}
