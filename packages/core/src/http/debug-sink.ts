import type { DebugEvent } from "../types/provider-options.js";

/**
 * The debug hook to use: the caller's `onDebug`, else a JSON-lines writer to stderr when
 * `G4F_DEBUG` is set, else nothing.
 * @param onDebug - the caller's hook.
 * @returns a function to call with each event, or `undefined`.
 * @internal
 */
export function resolveDebugSink(
  onDebug: ((event: DebugEvent) => void) | undefined,
): ((event: DebugEvent) => void) | undefined {
  if (onDebug !== undefined) return onDebug;
  const flag = process.env.G4F_DEBUG;
  if (flag === undefined || flag === "" || flag === "0" || flag === "false") return undefined;
  return (event) => {
    process.stderr.write(`[g4f] ${JSON.stringify(event)}\n`);
  };
}
