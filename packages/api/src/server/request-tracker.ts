import { ApiRequestError } from "../errors/api-request-error.js";

/**
 * Counts requests in flight (open streams included) and runs the graceful shutdown: refuse new
 * work, wait for running work until a deadline, then abort it through {@link RequestTracker.signal}.
 * @internal
 */
export class RequestTracker {
  #active = 0;
  #closing = false;
  readonly #controller = new AbortController();
  #idle: Array<() => void> = [];

  /** Aborts when the shutdown deadline passes; every provider call listens to it. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Requests in flight. */
  get active(): number {
    return this.#active;
  }

  /** Whether a shutdown has begun. */
  get closing(): boolean {
    return this.#closing;
  }

  /**
   * Counts one request until the returned function is called (calling it twice counts once).
   * @returns the function that ends the request.
   */
  begin(): () => void {
    this.#active++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#active--;
      if (this.#active === 0) for (const resolve of this.#idle.splice(0)) resolve();
    };
  }

  #whenIdle(): Promise<void> {
    return this.#active === 0 ? Promise.resolve() : new Promise((resolve) => this.#idle.push(resolve));
  }

  /**
   * Stops taking requests, waits up to `graceMs` for running ones, then aborts them.
   * @param graceMs - the grace period.
   * @returns a promise that settles when nothing is in flight.
   */
  async close(graceMs: number): Promise<void> {
    this.#closing = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([this.#whenIdle(), deadline]);
    clearTimeout(timer);
    if (this.#active > 0) {
      this.#controller.abort(
        new ApiRequestError({
          status: 503,
          type: "server_error",
          apiCode: "server_shutting_down",
          message: "The server shut down before the answer was complete. Try again in a moment.",
        }),
      );
    }
    await this.#whenIdle();
  }
}
