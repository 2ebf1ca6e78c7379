import type { FaultAction } from "../fault-types.js";

/** A fault that fires after some tokens of an event stream. */
export type TokenFault = Extract<FaultAction, { afterTokens: number }>;

/** How one event stream behaves: the server's options with the stream faults that fired applied. */
export interface StreamPlan {
  /** The fault to fire after `afterTokens` tokens, if any. */
  tokenFault: TokenFault | undefined;
  /** Extra delay before this stream delivers its first token. */
  firstTokenDelayMs: number;
  /** Ping interval (`0` = none). */
  pingIntervalMs: number;
  /** Ping style. */
  pingStyle: "comment" | "legacy";
  /** Act as a cancelled message: pending events until the client leaves. */
  pendingForever: boolean;
  /** `\r\n\r\n` or `\n\n`. */
  framing: "crlf" | "lf";
  /** Write in tiny pieces splitting UTF-8 sequences. */
  splitWrites: boolean;
  /** Milliseconds between pending events. */
  pendingIntervalMs: number;
}

/** Applies the fired stream faults (later rules win) over the defaults. */
export function buildStreamPlan(
  actions: readonly FaultAction[],
  defaults: { pingIntervalMs: number; pingStyle: "comment" | "legacy"; pendingIntervalMs: number },
): StreamPlan {
  const plan: StreamPlan = {
    tokenFault: undefined,
    firstTokenDelayMs: 0,
    pingIntervalMs: defaults.pingIntervalMs,
    pingStyle: defaults.pingStyle,
    pendingForever: false,
    framing: "crlf",
    splitWrites: false,
    pendingIntervalMs: defaults.pendingIntervalMs,
  };
  for (const action of actions) {
    switch (action.type) {
      case "errorEvent":
      case "drop":
      case "stall":
      case "endWithoutMessage":
      case "malformed":
        plan.tokenFault = action;
        break;
      case "firstTokenDelay":
        plan.firstTokenDelayMs = action.ms;
        break;
      case "pings":
        plan.pingIntervalMs = action.intervalMs;
        plan.pingStyle = action.style ?? plan.pingStyle;
        break;
      case "pendingForever":
        plan.pendingForever = true;
        break;
      case "lfFraming":
        plan.framing = "lf";
        break;
      case "splitWrites":
        plan.splitWrites = true;
        break;
      default:
        break;
    }
  }
  return plan;
}
