/** A fixed-window counter per user (fastapi-limiter's shape): `times` hits per `windowMs`. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly times: number;
  private readonly windowMs: number;

  /**
   * @param times - hits allowed per window.
   * @param windowMs - the window length.
   */
  constructor(times: number, windowMs: number) {
    this.times = times;
    this.windowMs = windowMs;
  }

  /** Counts a hit; returns `0` when allowed, else the seconds until the window ends. */
  hit(userId: string, now: number): number {
    let window = this.windows.get(userId);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(userId, window);
    }
    if (window.count >= this.times)
      return Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    window.count++;
    return 0;
  }

  /** Forgets every window. */
  clear(): void {
    this.windows.clear();
  }
}
