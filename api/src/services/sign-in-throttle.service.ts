// The sign-in throttle's state, kept in the database so every instance keeps to the same pauses.
// An attempt is claimed (counted) before its password is checked, under a row lock per key, so
// guesses sent at once to several instances are evaluated no more than the budget allows.
import { RateLimitedError } from '../domain/errors.ts';
import { signInThrottle, type ThrottlePolicy, type ThrottleState } from '../domain/sign-in/sign-in-throttle.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { runtime } from '../runtime.ts';

const HOUR_MS = 60 * 60 * 1000;

/** One account: five tries at once, then pauses that double, at most 15 minutes. */
export const ACCOUNT_POLICY: ThrottlePolicy = { free: 5, maxDelayMs: 15 * 60 * 1000, forgetAfterMs: HOUR_MS };
/** One client address: an office behind one address signs in freely; a sweep over many emails does not. */
export const ADDRESS_POLICY: ThrottlePolicy = { free: 20, maxDelayMs: 15 * 60 * 1000, forgetAfterMs: HOUR_MS };

export interface SignInKeys {
  email: string;
  clientAddress: string;
}

const keysOf = ({ email, clientAddress }: SignInKeys) => [
  { key: `account:${email}`, policy: ACCOUNT_POLICY },
  { key: `address:${clientAddress}`, policy: ADDRESS_POLICY },
];

/** Counts one sign-in attempt for the account and the address, or throws RateLimitedError and counts none. */
export async function claimSignInAttempt(keys: SignInKeys): Promise<void> {
  const { db, clock } = runtime();
  const now = clock.now();
  await db.acrossOrganizations.$transaction(async (tx) => {
    const updates: { key: string; next: ThrottleState }[] = [];
    let retryAfterMs = 0;
    // Always account first, then address: two claims lock in one order and never deadlock.
    for (const { key, policy } of keysOf(keys)) {
      await tx.$executeRaw`INSERT INTO "SignInThrottle" ("key", "attempts", "retryAt", "updatedAt")
        VALUES (${key}, 0, ${now}, ${now}) ON CONFLICT ("key") DO NOTHING`;
      const [state] = await tx.$queryRaw<ThrottleState[]>`SELECT "attempts", "retryAt", "updatedAt"
        FROM "SignInThrottle" WHERE "key" = ${key} FOR UPDATE`;
      const decision = signInThrottle(state.attempts === 0 ? null : state, now, policy);
      if (decision.allowed) updates.push({ key, next: decision.next });
      else retryAfterMs = Math.max(retryAfterMs, decision.retryAfterMs);
    }
    if (retryAfterMs > 0) throw new RateLimitedError(Math.ceil(retryAfterMs / 1000), 'sign-in attempts');
    for (const { key, next } of updates) {
      await tx.$executeRaw`UPDATE "SignInThrottle" SET "attempts" = ${next.attempts}, "retryAt" = ${next.retryAt},
        "updatedAt" = ${next.updatedAt} WHERE "key" = ${key}`;
    }
  });
}

/** Deletes the keys the throttle has forgotten anyway (left alone longer than its policy remembers). */
export async function forgetIdleSignInKeys(now: Date): Promise<number> {
  const forgetBefore = new Date(now.getTime() - Math.max(ACCOUNT_POLICY.forgetAfterMs, ADDRESS_POLICY.forgetAfterMs));
  return runtime().db.acrossOrganizations.$executeRaw(
    Prisma.sql`DELETE FROM "SignInThrottle" WHERE "updatedAt" < ${forgetBefore}`,
  );
}

/**
 * After a right password: the account starts over, and the address gets its attempt back, so
 * colleagues behind one address do not use up each other's budget by signing in.
 */
export async function signInSucceeded(keys: SignInKeys): Promise<void> {
  const { db } = runtime();
  const [account, address] = keysOf(keys);
  await db.acrossOrganizations.$executeRaw(Prisma.sql`DELETE FROM "SignInThrottle" WHERE "key" = ${account.key}`);
  await db.acrossOrganizations.$executeRaw(
    Prisma.sql`UPDATE "SignInThrottle" SET "attempts" = GREATEST("attempts" - 1, 0) WHERE "key" = ${address.key}`,
  );
}
