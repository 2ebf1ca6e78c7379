import type { ProgressPart } from "@g4f/core";

/**
 * The spinner text for a progress part.
 * @param part - what the provider reported.
 * @param provider - the provider's name.
 * @returns e.g. `OpenAssistant: queued (position 2 of 5)…`.
 */
export function describeProgress(part: ProgressPart, provider: string): string {
  const where =
    part.queuePosition === undefined
      ? ""
      : part.queueSize === undefined
        ? ` (position ${part.queuePosition})`
        : ` (position ${part.queuePosition} of ${part.queueSize})`;
  const label =
    part.message ?? (part.state === "queued" ? "queued" : part.state === "waiting" ? "waiting" : "working");
  return `${provider}: ${label}${where}…`;
}
