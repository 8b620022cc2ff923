import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QUIET_MS, WritesInFlight } from './writes-in-flight.ts';

/** Whether `promise` has settled once the timers due by now have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('waiting for a quiet moment between mutations', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('with no mutation ever run, it is quiet at once', async () => {
    expect(await settled(new WritesInFlight().quiet(3000))).toBe(true);
  });

  it('waits while a mutation runs, then until none has run for a moment', async () => {
    const writes = new WritesInFlight();
    const ended = writes.start();
    const quiet = writes.quiet(3000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await settled(quiet)).toBe(false);
    ended();
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1);
    expect(await settled(quiet)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(quiet)).toBe(true);
  });

  it('a mutation that starts within the moment after another ends keeps it waiting', async () => {
    const writes = new WritesInFlight();
    writes.start()();
    const quiet = writes.quiet(3000);
    await vi.advanceTimersByTimeAsync(QUIET_MS / 2);
    const next = writes.start();
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(await settled(quiet)).toBe(false);
    next();
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(await settled(quiet)).toBe(true);
  });

  it('under mutations that never pause, it waits no longer than its bound', async () => {
    const writes = new WritesInFlight();
    writes.start();
    const quiet = writes.quiet(3000);
    await vi.advanceTimersByTimeAsync(2999);
    expect(await settled(quiet)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(quiet)).toBe(true);
  });

  it('a mutation counted as ended twice is counted once', async () => {
    const writes = new WritesInFlight();
    const first = writes.start();
    writes.start();
    first();
    first();
    const quiet = writes.quiet(3000);
    await vi.advanceTimersByTimeAsync(QUIET_MS * 2);
    expect(await settled(quiet)).toBe(false);
  });
});
