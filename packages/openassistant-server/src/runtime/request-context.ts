import type { FaultAction, RouteName } from "../fault-types.js";
import type { RequestRecord } from "../server-state.js";

/** How the HTTP layer can act on the connection (a real socket, or nothing in process). */
export interface ConnectionControl {
  /** Destroys the socket with a TCP reset before anything is answered. */
  reset(): void;
}

/** Everything a route handler knows about its request. */
export interface RequestContext {
  /** The request. */
  request: Request;
  /** Its URL. */
  url: URL;
  /** The route name (for faults and records). */
  route: RouteName;
  /** The parsed body. */
  body: unknown;
  /** The authenticated user. */
  userId: string;
  /** The fault actions that fired for this request. */
  faults: FaultAction[];
  /** Its record in the state. */
  record: RequestRecord;
}
