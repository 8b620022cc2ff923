// Staff sign-in: argon2id passwords, random session tokens stored only as SHA-256 hashes, and a
// lockout after repeated failures for one email.
import type { Caller } from '../auth/caller.ts';
import { SESSION_TTL_MS } from '../auth/authenticate.ts';
import { decoyHash, verifyPassword } from '../auth/passwords.ts';
import { newSecret, sha256 } from '../auth/tokens.ts';
import { FieldErrors, ValidationError } from '../domain/errors.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { runtime } from '../runtime.ts';
import { emit } from './event-log.service.ts';
import { writeTransaction } from './transaction.service.ts';

export const LOCKOUT_ATTEMPTS = 10;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

export interface LoginInput {
  email: string;
  password: string;
}

export async function login(input: LoginInput) {
  const problems = new FieldErrors();
  const email = input.email.trim().toLowerCase();
  if (email === '') problems.add(['input', 'email'], 'Enter the email you sign in with.');
  if (input.password === '') problems.add(['input', 'password'], 'Enter your password.');
  problems.throwIfAny();

  const { db, clock } = runtime();
  const now = clock.now();
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS);
  const failures = await db.acrossOrganizations.loginAttempt.findMany({
    where: { email, attemptedAt: { gt: since } },
    orderBy: { attemptedAt: 'asc' },
    select: { attemptedAt: true },
  });
  if (failures.length >= LOCKOUT_ATTEMPTS) {
    const freeAt = failures[failures.length - LOCKOUT_ATTEMPTS].attemptedAt.getTime() + LOCKOUT_WINDOW_MS;
    const minutes = Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
    throw ValidationError.at(
      ['input', 'email'],
      `Too many failed sign-ins for this email. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    );
  }

  const user = await db.acrossOrganizations.user.findUnique({ where: { email } });
  const valid = user?.active
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await decoyHash(), input.password), false);
  if (!user || !valid) {
    await db.acrossOrganizations.loginAttempt.create({ data: { email, attemptedAt: now } });
    throw ValidationError.at(['input', 'password'], 'The email or password is wrong.');
  }

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

/** Ends the caller's session; its open sockets close. */
export async function logout(caller: Caller): Promise<boolean> {
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
