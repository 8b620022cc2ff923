/** How many sign-ins a key (an account, a client address) may try before it must wait, and how long. */
export interface ThrottlePolicy {
  /** Attempts without a pause; also the most that can be evaluated at once. */
  free: number;
  /** The pause never grows past this: nobody can lock an owner out for good. */
  maxDelayMs: number;
  /** A key left alone this long starts over. */
  forgetAfterMs: number;
}

export interface ThrottleState {
  attempts: number;
  retryAt: Date;
  updatedAt: Date;
}

export type ThrottleDecision = { allowed: true; next: ThrottleState } | { allowed: false; retryAfterMs: number };

/**
 * Whether one more sign-in may be evaluated now, and the key's state if it is. The attempt is
 * counted before its password is checked, so attempts at once never outrun the budget; after the
 * free ones each attempt doubles the pause before the next (1 s, 2 s, 4 s …), up to the maximum.
 */
export function signInThrottle(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleDecision {
  const current = state && now.getTime() - state.updatedAt.getTime() < policy.forgetAfterMs ? state : null;
  if (current && current.retryAt > now)
    return { allowed: false, retryAfterMs: current.retryAt.getTime() - now.getTime() };
  const attempts = (current?.attempts ?? 0) + 1;
  const delayMs = attempts < policy.free ? 0 : Math.min(1000 * 2 ** (attempts - policy.free), policy.maxDelayMs);
  return { allowed: true, next: { attempts, retryAt: new Date(now.getTime() + delayMs), updatedAt: now } };
}
