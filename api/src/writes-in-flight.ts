// The mutations this instance is running. Webhook delivery competes with them for the same cores
// and the same database, and nothing is lost by sending a moment later: it waits until no mutation
// has run for a little while (a partner sending batch after batch leaves only gaps of a few
// milliseconds), up to a bound, so a partner's write is not slowed by the deliveries of the
// writes before it (issue 15: recordEvents beside three busy endpoints within 1.15× of none).
/** How long without a mutation counts as quiet. */
export const QUIET_MS = 100;

export class WritesInFlight {
  private running = 0;
  private lastEndedAt = -Infinity;
  private waiting = new Set<() => void>();

  /** Counts a mutation from now until the returned function is called (once is enough). */
  start(): () => void {
    this.running += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.running -= 1;
      this.lastEndedAt = performance.now();
      if (this.running > 0) return;
      for (const wake of this.waiting) wake();
      this.waiting.clear();
    };
  }

  /** Resolves once no mutation has run for QUIET_MS, or after `atMostMs`. */
  async quiet(atMostMs: number): Promise<void> {
    const deadline = performance.now() + atMostMs;
    for (let now = performance.now(); now < deadline; now = performance.now()) {
      if (this.running > 0) await this.allEnded(deadline - now);
      else if (now - this.lastEndedAt >= QUIET_MS) return;
      else await new Promise((resolve) => setTimeout(resolve, Math.min(this.lastEndedAt + QUIET_MS, deadline) - now));
    }
  }

  private allEnded(atMostMs: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiting.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, atMostMs);
      this.waiting.add(wake);
    });
  }
}
