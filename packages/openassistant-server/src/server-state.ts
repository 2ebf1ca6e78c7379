/** A chat the server created. */
export interface ChatCreatedRecord {
  /** The chat id. */
  id: string;
  /** The id of the user who created it (a hash of the session token). */
  userId: string;
  /** When it was created, naive UTC ISO. */
  createdAt: string;
}

/** One request the server received (cookie names only, never values). */
export interface RequestRecord {
  /** The HTTP method. */
  method: string;
  /** The URL path. */
  path: string;
  /** The query parameters (last value wins). */
  query: Record<string, string>;
  /** The parsed body (`undefined` when none was sent or it could not be parsed). */
  body: unknown;
  /** Whether a session was found and accepted. */
  auth: "ok" | "missing" | "rejected";
  /** The names of the cookies sent. */
  cookieNames: string[];
  /** The status answered; `0` while unanswered (or never, for `hang` and `reset`). */
  status: number;
}

/** A fault rule that fired. */
export interface FiredFaultRecord {
  /** The rule's id. */
  id: string;
  /** The route of the request it fired on. */
  route: string;
  /** The action type. */
  action: string;
}

/** The server's bookkeeping, a live view for tests. */
export interface ServerState {
  /** Chats created, in order. */
  chatsCreated: ChatCreatedRecord[];
  /** Ids of chats deleted, in order. */
  chatsDeleted: string[];
  /** Ids of chats created and not deleted. */
  aliveChats(): string[];
  /** Requests received, in order (the newest `maxRecordedRequests`). */
  requests: RequestRecord[];
  /** Event streams currently open. */
  readonly openStreams: number;
  /** Fault rules that fired, in order. */
  firedFaults: FiredFaultRecord[];
}

/** Options of `waitForIdle`. */
export interface WaitForIdleOptions {
  /**
   * Give up after this many milliseconds.
   * @defaultValue 5000
   */
  timeoutMs?: number;
}
