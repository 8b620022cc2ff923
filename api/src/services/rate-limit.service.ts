// The rate limits of the public pages (PRODUCT.md "Edge cases of the new parts, decided"): counted
// by rate-limiter-flexible in the database, so a budget holds across instances and does not
// depend on Redis being up.
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../domain/errors.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { runtime } from '../runtime.ts';

export interface RateLimit {
  /** Keeps the limits' keys apart in the one table. */
  name: string;
  points: number;
  durationSeconds: number;
  /** Completes "Too many …" in the error. */
  what: string;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const RATE_LIMITS = {
  /** Reads and submits of answer pages, per client address. */
  answerPage: { name: 'answer-page', points: 60, durationSeconds: MINUTE, what: 'answer page requests' },
  /** Member-link requests per email address: over it, the same answer and nothing sent. */
  memberLinkPerEmail: { name: 'member-link-email', points: 5, durationSeconds: HOUR, what: 'member link requests' },
  /** Member-link requests per client address. */
  memberLinkPerAddress: {
    name: 'member-link-address',
    points: 30,
    durationSeconds: HOUR,
    what: 'member link requests',
  },
  /** Member session starts (link or token) per client address. */
  memberSessionStart: { name: 'member-session', points: 30, durationSeconds: MINUTE, what: 'member sign-ins' },
} satisfies Record<string, RateLimit>;

// One limiter per limit and database client: a test process opens several databases in turn.
const limiters = new WeakMap<PrismaClient, Map<string, RateLimiterPrisma>>();

function limiterFor(limit: RateLimit): RateLimiterPrisma {
  const client = runtime().db.acrossOrganizations;
  let byName = limiters.get(client);
  if (!byName) limiters.set(client, (byName = new Map()));
  let limiter = byName.get(limit.name);
  if (!limiter) {
    limiter = new RateLimiterPrisma({
      storeClient: client,
      tableName: 'rateLimit',
      keyPrefix: limit.name,
      points: limit.points,
      duration: limit.durationSeconds,
      // The job 'forget-rate-limits' clears old rows; the library's own timer would outlive the client.
      clearExpiredByTimeout: false,
    });
    byName.set(limit.name, limiter);
  }
  return limiter;
}

/** Counts one request against `limit` for `key`, or throws RateLimitedError (the request still counts). */
export async function consumeRateLimit(limit: RateLimit, key: string): Promise<void> {
  try {
    await limiterFor(limit).consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    throw new RateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), limit.what);
  }
}

/** Counts one request; false when `key` is over the limit (for answers that must not reveal it). */
export async function withinRateLimit(limit: RateLimit, key: string): Promise<boolean> {
  try {
    await consumeRateLimit(limit, key);
    return true;
  } catch (error) {
    if (error instanceof RateLimitedError) return false;
    throw error;
  }
}

/**
 * Deletes the windows that ended more than an hour ago. The library stamps windows with the wall
 * clock, not the injectable one, so they are compared with the wall clock too.
 */
export async function forgetOldRateLimits(): Promise<number> {
  const { count } = await runtime().db.acrossOrganizations.rateLimit.deleteMany({
    where: { expire: { lt: new Date(Date.now() - HOUR * 1000) } },
  });
  return count;
}
