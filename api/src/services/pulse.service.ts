// Pulse rounds, anonymous by construction (PRODUCT.md "Team pulse"):
// - each person's token for a round is HMAC(round secret, person); only its hash is stored, beside
//   the person and a flag that says whether it was used, never what it answered;
// - an answer is stored without the person and without a moment of its own, with the person's
//   teams as they were when the round opened;
// - each person is asked by email too, and reminded once half-way (staff-message.service.ts says
//   why those messages keep the answers anonymous);
// - figures are read per team, only from the threshold (team-pulse.ts); nothing returns one answer.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { derivedToken, newSecret, sha256 } from '../auth/tokens.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { monthlyRoundDue } from '../domain/pulse/monthly-round-due.ts';
import { PULSE_QUESTIONS } from '../domain/pulse/pulse-questions.ts';
import { pulseReminderDue } from '../domain/pulse/pulse-reminder-due.ts';
import { validatePulseAnswer, type PulseAnswerInput } from '../domain/pulse/validate-pulse-answer.ts';
import type { OrganizationSettings } from '../domain/settings.ts';
import { DAY_MS } from '../domain/time/duration.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { runtime, tenantDb } from '../runtime.ts';
import { systemCaller } from '../auth/caller.ts';
import { organizationSettings } from './organization-settings.service.ts';
import { queueStaffMessages } from './staff-message.service.ts';
import { writeTransaction } from './transaction.service.ts';

const OPEN = 'OPEN';
const ROUND_OPEN = 'A pulse round is open already; close it before opening another.';

/** One pulse email per person: the invitation, or the reminder. */
const pulseMessages = (
  kind: 'PULSE_INVITE' | 'PULSE_REMINDER',
  round: { id: string; closesAt: Date },
  staff: { id: string }[],
) =>
  staff.map((user) => ({
    userId: user.id,
    kind,
    content: { template: kind, roundId: round.id, closesAt: round.closesAt.toISOString() },
  }));

/** Opens a round now and asks every active staff member, each with their teams of this moment. */
async function openRound(organizationId: string, settings: OrganizationSettings, now: Date) {
  return writeTransaction(organizationId, async (tx) => {
    if (await tx.pulseRound.findFirst({ where: { openKey: OPEN }, select: { id: true } }))
      throw new ValidationError([{ path: [], message: ROUND_OPEN }]);
    const staff = await tx.user.findMany({
      where: { active: true },
      select: { id: true, teamMemberships: { select: { teamId: true } } },
    });
    const tokenSecret = newSecret();
    const round = await tx.pulseRound.create({
      data: {
        organizationId,
        opensAt: now,
        closesAt: new Date(now.getTime() + settings.pulse.openDays * DAY_MS),
        openKey: OPEN,
        tokenSecret,
        invited: staff.length,
      },
    });
    await tx.pulseToken.createMany({
      data: staff.map((user) => ({
        organizationId,
        roundId: round.id,
        userId: user.id,
        tokenHash: sha256(derivedToken(tokenSecret, user.id)),
        teamIds: user.teamMemberships.map((membership) => membership.teamId),
      })),
    });
    await queueStaffMessages(tx, organizationId, pulseMessages('PULSE_INVITE', round, staff), now);
    return round;
  }).catch((error: unknown) => {
    // Two opens at once: the unique open key lets one through; the other hears why.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new ValidationError([{ path: [], message: ROUND_OPEN }]);
    throw error;
  });
}

export async function openPulseRound(caller: AuthenticatedCaller) {
  return openRound(caller.organizationId, await organizationSettings(caller), runtime().clock.now());
}

/** Closes a round, early or on time; a closed round stays as it was. */
export async function closePulseRound(caller: AuthenticatedCaller, id: string) {
  return closeRound(caller.organizationId, id, runtime().clock.now());
}

async function closeRound(organizationId: string, id: string, now: Date) {
  return writeTransaction(organizationId, async (tx) => {
    const round = await tx.pulseRound.findUnique({ where: { id } });
    if (!round) throw new NotFoundError('Pulse round');
    if (round.status === 'CLOSED') return round;
    return tx.pulseRound.update({
      where: { id },
      data: { status: 'CLOSED', openKey: null, closesAt: round.closesAt < now ? round.closesAt : now },
    });
  });
}

/** The signed-in staff member's open round, with their token, while they have not answered it. */
export async function myPendingPulse(caller: AuthenticatedCaller) {
  if (caller.kind !== 'user') return null;
  const now = runtime().clock.now();
  const round = await tenantDb(caller).pulseRound.findFirst({ where: { openKey: OPEN, closesAt: { gt: now } } });
  if (!round) return null;
  const token = await tenantDb(caller).pulseToken.findUnique({
    where: { roundId_userId: { roundId: round.id, userId: caller.userId } },
    select: { used: true },
  });
  if (!token || token.used) return null;
  return {
    token: derivedToken(round.tokenSecret, caller.userId),
    round,
    questions: [...PULSE_QUESTIONS[caller.locale]],
  };
}

/**
 * Stores an answer once per token. The token is marked used by a conditional update, so of any
 * number of concurrent submits exactly one stores an answer. A token answers only for the person it
 * was made for, while its round is open.
 */
export async function answerPulse(caller: AuthenticatedCaller, input: PulseAnswerInput & { token: string }) {
  const problems = validatePulseAnswer(input);
  if (problems.length > 0) throw new ValidationError(problems);
  const userId = caller.kind === 'user' ? caller.userId : null;
  const tokenHash = sha256(input.token);
  return writeTransaction(caller.organizationId, async (tx) => {
    const now = runtime().clock.now();
    const token = await tx.pulseToken.findUnique({
      where: { tokenHash },
      select: { roundId: true, userId: true, teamIds: true, round: { select: { openKey: true, closesAt: true } } },
    });
    // Another person's token reads as no token at all.
    if (!token || token.userId !== userId) throw new NotFoundError('Pulse');
    if (token.round.openKey !== OPEN || token.round.closesAt <= now)
      throw ValidationError.at(['input', 'token'], 'This pulse round has closed.');
    const { count } = await tx.pulseToken.updateMany({ where: { tokenHash, used: false }, data: { used: true } });
    if (count === 0) throw ValidationError.at(['input', 'token'], 'You have answered this round already.');
    await tx.pulseAnswer.create({
      data: {
        organizationId: caller.organizationId,
        roundId: token.roundId,
        teamIds: token.teamIds,
        enps: input.enps,
        answers: [...input.answers],
        comment: input.comment?.trim() || null,
      },
    });
    return tx.pulseRound.update({ where: { id: token.roundId }, data: { answered: { increment: 1 } } });
  });
}

/**
 * The round's one reminder, to those who have not answered and are still active. The conditional
 * update lets one job run (of several instances) send it, once.
 */
async function remind(organizationId: string, round: { id: string; closesAt: Date }, now: Date) {
  await writeTransaction(organizationId, async (tx) => {
    const { count } = await tx.pulseRound.updateMany({
      where: { id: round.id, openKey: OPEN, remindedAt: null },
      data: { remindedAt: now },
    });
    if (count === 0) return;
    const waiting = await tx.pulseToken.findMany({
      where: { roundId: round.id, used: false, user: { active: true } },
      select: { userId: true },
    });
    await queueStaffMessages(
      tx,
      organizationId,
      pulseMessages(
        'PULSE_REMINDER',
        round,
        waiting.map((token) => ({ id: token.userId })),
      ),
      now,
    );
  });
}

/**
 * The background job: closes the rounds whose time is up, reminds those who have not answered
 * half-way through a round, and opens the month's round in the
 * organizations that want one each month.
 */
export async function runPulseRounds(now: Date): Promise<void> {
  const { db, log } = runtime();
  const organizations = await db.acrossOrganizations.organization.findMany({ select: { id: true } });
  for (const { id: organizationId } of organizations) {
    try {
      const rounds = db.forOrganization(organizationId).pulseRound;
      for (const due of await rounds.findMany({
        where: { openKey: OPEN, closesAt: { lte: now } },
        select: { id: true },
      }))
        await closeRound(organizationId, due.id, now);
      const open = await rounds.findFirst({ where: { openKey: OPEN, remindedAt: null } });
      if (open && pulseReminderDue(open, now)) await remind(organizationId, open, now);
      const settings = await organizationSettings(systemCaller(organizationId));
      if (!settings.pulse.monthly) continue;
      const latest = await rounds.findFirst({ orderBy: { opensAt: 'desc' }, select: { opensAt: true } });
      const anyOpen = (await rounds.count({ where: { openKey: OPEN } })) > 0;
      if (monthlyRoundDue(latest?.opensAt ?? null, anyOpen, now)) await openRound(organizationId, settings, now);
    } catch (error) {
      log.error('pulse rounds of an organization failed; the job tries again next round', { organizationId, error });
    }
  }
}
