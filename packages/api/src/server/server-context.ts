import type { TimeoutOptions } from "@g4f/core";
import type { CatalogEntry } from "../catalog/load-catalog.js";
import type { RequestTracker } from "./request-tracker.js";

/** What every route handler needs from the server. @internal */
export interface ServerContext {
  /** The exposed providers, loaded fresh (the registry may change). */
  getCatalog(): Promise<CatalogEntry[]>;
  /** Values that must never appear in a response or log line. */
  secrets: readonly string[];
  /** Default time limits of provider calls. */
  timeout: number | TimeoutOptions;
  /** Largest accepted body in bytes. */
  bodyLimit: number;
  /** In-flight requests and shutdown. */
  tracker: RequestTracker;
}
