import { describe, expect, it } from 'vitest';
import { signInThrottle, type ThrottlePolicy, type ThrottleState } from './sign-in-throttle.ts';

const POLICY: ThrottlePolicy = { free: 5, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };
const NOW = new Date('2026-03-02T10:00:00Z');
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

/** `count` attempts one after another, each as soon as it is allowed. */
function attempts(count: number): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (let i = 0; i < count; i++) {
    const now: Date = state && state.retryAt > NOW ? state.retryAt : NOW;
    const decision = signInThrottle(state, now, POLICY);
    if (!decision.allowed) throw new Error('refused');
    state = decision.next;
  }
  return state;
}

describe('the sign-in throttle', () => {
  it('evaluates the first four attempts at once, without a pause', () => {
    const state = attempts(4)!;
    expect(state.attempts).toBe(4);
    expect(state.retryAt).toEqual(NOW);
  });

  it('after the fifth, each attempt doubles the pause: 1 s, 2 s, 4 s', () => {
    expect(attempts(5)!.retryAt.getTime() - attempts(4)!.retryAt.getTime()).toBe(1000);
    const sixth = attempts(6)!;
    expect(sixth.retryAt.getTime() - attempts(5)!.retryAt.getTime()).toBe(2000);
    expect(attempts(7)!.retryAt.getTime() - sixth.retryAt.getTime()).toBe(4000);
  });

  it('refuses an attempt during the pause and says how long is left', () => {
    const state = { attempts: 6, retryAt: at(2), updatedAt: NOW };
    expect(signInThrottle(state, at(0.5), POLICY)).toEqual({ allowed: false, retryAfterMs: 1500 });
  });

  it('allows the owner in once the pause is over', () => {
    const state = { attempts: 6, retryAt: at(2), updatedAt: NOW };
    expect(signInThrottle(state, at(2), POLICY)).toMatchObject({ allowed: true, next: { attempts: 7 } });
  });

  it('never pauses longer than 15 minutes, however many attempts', () => {
    const state = { attempts: 40, retryAt: NOW, updatedAt: NOW };
    const decision = signInThrottle(state, NOW, POLICY);
    expect(decision.allowed && decision.next.retryAt).toEqual(at(15 * 60));
  });

  it('forgets a key left alone for an hour', () => {
    const state = { attempts: 12, retryAt: at(60), updatedAt: NOW };
    expect(signInThrottle(state, at(3600), POLICY)).toEqual({
      allowed: true,
      next: { attempts: 1, retryAt: at(3600), updatedAt: at(3600) },
    });
  });
});
