import type { CliOutput } from "../cli-io.js";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/** A one-line status on a terminal (no-op elsewhere), cleared before real output. */
export interface Spinner {
  /**
   * Shows or updates the status line.
   * @param text - what we are waiting for.
   */
  update(text: string): void;
  /** Clears the line and stops the animation; safe to call more than once. */
  stop(): void;
}

/**
 * Creates a spinner on a stream; it draws nothing unless `enabled` (use a TTY check).
 * @param stream - usually stderr.
 * @param options - `enabled`, and `intervalMs` between frames (default 80).
 * @returns the spinner.
 */
export function createSpinner(
  stream: CliOutput,
  options: { enabled: boolean; intervalMs?: number },
): Spinner {
  let timer: ReturnType<typeof setInterval> | undefined;
  let frame = 0;
  let text = "";
  let visible = false;
  const draw = (): void => {
    stream.write(`\r\u001b[2K${FRAMES[frame % FRAMES.length]} ${text}`);
    frame++;
    visible = true;
  };
  return {
    update(next) {
      if (!options.enabled) return;
      text = next;
      draw();
      if (timer === undefined) {
        timer = setInterval(draw, options.intervalMs ?? 80);
        timer.unref();
      }
    },
    stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      if (visible) stream.write("\r\u001b[2K");
      visible = false;
    },
  };
}
