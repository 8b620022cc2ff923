// One ticking "now" for a page's countdowns: one timer, however many incidents are shown.
export class Clock {
  now = $state(Date.now());
  #timer: ReturnType<typeof setInterval> | undefined;

  start(intervalMs = 1000): () => void {
    this.#timer ??= setInterval(() => (this.now = Date.now()), intervalMs);
    return () => {
      clearInterval(this.#timer);
      this.#timer = undefined;
    };
  }
}
