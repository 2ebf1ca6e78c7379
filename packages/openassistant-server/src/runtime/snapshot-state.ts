import type { StateTracker } from "./state-tracker.js";

/** A JSON copy of the state, as `GET /__admin/state` serves it. */
export function snapshotState(state: StateTracker): Record<string, unknown> {
  return {
    chatsCreated: state.chatsCreated,
    chatsDeleted: state.chatsDeleted,
    aliveChats: state.aliveChats(),
    requests: state.requests,
    openStreams: state.openStreams,
    inFlight: state.inFlight,
    busyGenerations: state.busyGenerations,
    firedFaults: state.firedFaults,
  };
}
