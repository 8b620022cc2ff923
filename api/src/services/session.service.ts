// Staff sign-in: argon2id passwords, random session tokens stored only as SHA-256 hashes, and
// growing pauses after repeated attempts per account and per client address, never a lockout.
import type { Caller } from '../auth/caller.ts';
import { SESSION_TTL_MS } from '../auth/authenticate.ts';
import { decoyHash, verifyPassword } from '../auth/passwords.ts';
import { newSecret, sha256 } from '../auth/tokens.ts';
import { FieldErrors, ValidationError } from '../domain/errors.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { runtime } from '../runtime.ts';
import { emit } from './event-log.service.ts';
import { writeTransaction } from './transaction.service.ts';
import { endMemberSession } from './member-access.service.ts';
import { claimSignInAttempt, signInSucceeded } from './sign-in-throttle.service.ts';

export interface LoginInput {
  email: string;
  password: string;
}

/** `clientAddress`: who is asking, for the throttle per address. */
export async function login(input: LoginInput, clientAddress: string) {
  const problems = new FieldErrors();
  const email = input.email.trim().toLowerCase();
  if (email === '') problems.add(['input', 'email'], 'Enter the email you sign in with.');
  if (input.password === '') problems.add(['input', 'password'], 'Enter your password.');
  problems.throwIfAny();

  const throttleKeys = { email, clientAddress };
  await claimSignInAttempt(throttleKeys);

  const { db, clock } = runtime();
  const now = clock.now();

  // One email may be staff in several organizations: the password says which.
  const candidates = await db.acrossOrganizations.user.findMany({ where: { email, active: true } });
  let user: (typeof candidates)[number] | undefined;
  for (const candidate of candidates) {
    if (await verifyPassword(candidate.passwordHash, input.password)) {
      user = candidate;
      break;
    }
  }
  // An unknown email costs the same one verification as a known one.
  if (candidates.length === 0) await verifyPassword(await decoyHash(), input.password);
  if (!user) {
    throw ValidationError.at(['input', 'password'], 'The email or password is wrong.');
  }

  await signInSucceeded(throttleKeys);
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.forOrganization(user.organizationId).session.create({
    data: {
      organizationId: user.organizationId,
      userId: user.id,
      tokenHash: sha256(token),
      expiresAt,
      lastUsedAt: now,
    },
  });
  return { token, user, expiresAt };
}

/** Ends the caller's session (a staff member's or a customer's own page's); its open sockets close. */
export async function logout(caller: Caller): Promise<boolean> {
  if (caller.kind === 'member') {
    await endMemberSession(caller);
    return true;
  }
  if (caller.kind !== 'user') return false;
  const now = runtime().clock.now();
  await writeTransaction(caller.organizationId, async (tx) => {
    await tx.session.update({ where: { id: caller.sessionId }, data: { endedAt: now } });
    emit(tx, 'credential.revoked', { sessionId: caller.sessionId });
  });
  return true;
}

/**
 * Ends every session whose expiry has passed, as of `now`: its open sockets and streams close as
 * a logout's do, on every instance. A request would refuse such a session anyway; a socket
 * authenticated once, when it opened, would not notice.
 */
export async function endExpiredSessions(now: Date): Promise<number> {
  const { db } = runtime();
  const due = await db.acrossOrganizations.session.groupBy({
    by: ['organizationId'],
    where: { endedAt: null, expiresAt: { lte: now } },
  });
  let ended = 0;
  for (const { organizationId } of due) {
    ended += await writeTransaction(organizationId, async (tx) => {
      // One statement marks and returns them, so each is announced once even with several instances.
      const sessions = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
        UPDATE "Session" SET "endedAt" = "expiresAt"
        WHERE "organizationId" = ${organizationId} AND "endedAt" IS NULL AND "expiresAt" <= ${now}
        RETURNING id`);
      for (const { id } of sessions) emit(tx, 'credential.revoked', { sessionId: id });
      return sessions.length;
    });
  }
  return ended;
}
