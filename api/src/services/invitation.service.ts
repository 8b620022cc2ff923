// Asking the customer (PRODUCT.md "Asking"): survey invitations by hand, after a resolved incident
// and on the relational NPS cadence, each sent as a message through the care rules; and the answer
// page, where the link's token is the only credential. A GET never records; an answer is recorded
// once per invitation (the feedback's unique index and the customer's lock decide), may be changed
// for 14 days, and never pays its participation points twice.
import { randomUUID } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { Prisma } from '../generated/prisma/client.ts';
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { systemCaller } from '../auth/caller.ts';
import type { TenantTx } from '../db/client.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { isBadExperience } from '../domain/feedback/bad-experience.ts';
import { csatSatisfaction } from '../domain/feedback/csat-satisfaction.ts';
import { invitationAnswerable } from '../domain/feedback/invitation-answerable.ts';
import { validateFeedbackAnswer } from '../domain/feedback/validate-answer.ts';
import { weekdayMorning } from '../domain/messages/weekday-morning.ts';
import { addMonthsUtc } from '../domain/time/add-months.ts';
import { DAY_MS } from '../domain/time/duration.ts';
import { settingsOf, type OrganizationSettings } from '../domain/settings.ts';
import type { Channel, Locale } from '../domain/types.ts';
import { runtime, tenantDb } from '../runtime.ts';
import { resolveCustomerRefs, type CustomerRef } from './customer.service.ts';
import { applyEventEffects, touchCustomers } from './event-effects.service.ts';
import { emit } from './event-log.service.ts';
import { recordExperiences } from './experience.service.ts';
import { ANSWERED_ONCE, insertFeedback, participationEarning, type AnsweredSurvey } from './feedback-events.service.ts';
import { emitIncidentChanged } from './incident-events.service.ts';
import { lockCustomers } from './ledger.service.ts';
import { hashToken, INVITATION_DAYS, queueMessages } from './message.service.ts';
import { organizationSettings } from './organization-settings.service.ts';
import { consumeRateLimit, RATE_LIMITS } from './rate-limit.service.ts';
import { markForRecompute, recomputeWithinWrite } from './recompute.service.ts';
import { writeTransaction } from './transaction.service.ts';
import type { SkipReason } from '../domain/messages/skip-reason.ts';

export const MAX_INVITED = 1000;

interface NewInvitation {
  customerId: string;
  channel: Channel;
  scheduledFor: Date;
  incidentId?: string;
}

/** Queues invitations to one survey in the caller's transaction: a message each, and its invitation. */
export async function queueInvitations(
  tx: TenantTx,
  organizationId: string,
  survey: AnsweredSurvey,
  invitations: NewInvitation[],
  now: Date,
): Promise<string[]> {
  const messageIds = await queueMessages(
    tx,
    organizationId,
    invitations.map((invitation) => ({
      customerId: invitation.customerId,
      kind: 'SURVEY_INVITE',
      channel: invitation.channel,
      scheduledFor: invitation.scheduledFor,
      content: {
        template: 'SURVEY_INVITE',
        surveyKind: survey.kind,
        question: survey.question,
        options: survey.options,
        participationPoints: survey.participationPoints,
      },
    })),
    now,
  );
  const rows = invitations.map((invitation, index) => ({
    id: randomUUID(),
    organizationId,
    surveyId: survey.id,
    customerId: invitation.customerId,
    channel: invitation.channel,
    incidentId: invitation.incidentId ?? null,
    messageId: messageIds[index],
    expiresAt: new Date(invitation.scheduledFor.getTime() + INVITATION_DAYS * DAY_MS),
    createdAt: now,
  }));
  await tx.surveyInvitation.createMany({ data: rows });
  return rows.map((row) => row.id);
}

/** What an invitation needs of its survey. */
export const SURVEY_SELECT = {
  id: true,
  kind: true,
  question: true,
  options: true,
  participationPoints: true,
  active: true,
} as const;

/** Email when the customer has an address, else SMS when they have a number; else email, which is then SKIPPED with the reason. */
const preferredChannel = (customer: { email: string | null; phone: string | null }): Channel =>
  !customer.email && customer.phone ? 'SMS' : 'EMAIL';

/** Invites customers to a survey now, by hand (staff or a partner with events:write). */
export async function inviteToSurvey(
  caller: AuthenticatedCaller,
  input: { surveyId: string; customers: CustomerRef[]; channel: Channel },
) {
  if (input.customers.length === 0 || input.customers.length > MAX_INVITED)
    throw ValidationError.at(['input', 'customers'], `Invite from 1 to ${MAX_INVITED} customers at a time.`);
  if (input.channel !== 'EMAIL' && input.channel !== 'SMS')
    throw ValidationError.at(['input', 'channel'], 'Invitations go out by EMAIL or SMS.');
  const db = tenantDb(caller);
  const survey = await db.survey.findUnique({ where: { id: input.surveyId }, select: SURVEY_SELECT });
  if (!survey) throw new NotFoundError('Survey');
  if (!survey.active)
    throw ValidationError.at(['input', 'surveyId'], 'This survey is closed: it takes no more answers.');
  const ids = await resolveCustomerRefs(db, input.customers);
  if (ids.some((id) => id === null)) throw new NotFoundError('Customer');
  const customerIds = [...new Set(ids as string[])];
  const now = runtime().clock.now();
  const invitationIds = await writeTransaction(
    caller.organizationId,
    (tx) =>
      queueInvitations(
        tx,
        caller.organizationId,
        survey,
        customerIds.map((customerId) => ({ customerId, channel: input.channel, scheduledFor: now })),
        now,
      ),
    { answersRequest: true },
  );
  return invitationIds;
}

/**
 * CSAT after an incident is resolved, in the resolution's transaction: queued for the trigger's
 * delay; at send time it is checked again that the incident is still resolved.
 */
export async function inviteAfterResolve(
  tx: TenantTx,
  organizationId: string,
  incident: { id: string; customerId: string },
  settings: OrganizationSettings,
  now: Date,
): Promise<void> {
  const { csatAfterResolveSurveyId, csatDelayMinutes } = settings.surveyTriggers;
  if (!csatAfterResolveSurveyId) return;
  const [survey, customer] = await Promise.all([
    tx.survey.findUnique({ where: { id: csatAfterResolveSurveyId }, select: SURVEY_SELECT }),
    tx.customer.findUniqueOrThrow({ where: { id: incident.customerId }, select: { email: true, phone: true } }),
  ]);
  if (!survey?.active) return;
  await queueInvitations(
    tx,
    organizationId,
    survey,
    [
      {
        customerId: incident.customerId,
        channel: preferredChannel(customer),
        scheduledFor: new Date(now.getTime() + csatDelayMinutes * 60_000),
        incidentId: incident.id,
      },
    ],
    now,
  );
}

/** A reopened incident's CSAT invitation that has not gone out yet is CANCELLED with the reason. */
export async function cancelInvitationsOfIncident(tx: TenantTx, incidentId: string): Promise<void> {
  const waiting = await tx.surveyInvitation.findMany({
    where: { incidentId, status: 'SCHEDULED' },
    select: { id: true, messageId: true },
  });
  if (waiting.length === 0) return;
  await tx.surveyInvitation.updateMany({
    where: { id: { in: waiting.map((one) => one.id) } },
    data: { status: 'CANCELLED' },
  });
  await tx.message.updateMany({
    where: { id: { in: waiting.map((one) => one.messageId) }, status: 'SCHEDULED' },
    data: { status: 'CANCELLED', reasons: ['INCIDENT_REOPENED' satisfies SkipReason] },
  });
}

export interface InvitationStats {
  /** Invitations that went out (answered or not). */
  sent: number;
  skipped: number;
  answered: number;
  /** Answered of sent; null before any went out. */
  responseRate: number | null;
  /** Why invitations were held back, most common first. */
  topSkipReasons: { reason: string; count: number }[];
}

/** How a survey's invitations fared: two grouped queries. */
export async function invitationStats(caller: AuthenticatedCaller, surveyId: string): Promise<InvitationStats> {
  const db = tenantDb(caller);
  const [byStatus, reasons] = await Promise.all([
    db.surveyInvitation.groupBy({ by: ['status'], where: { surveyId }, _count: { _all: true } }),
    db.$queryRaw<{ reason: string; count: number }[]>(Prisma.sql`
      SELECT reason, count(*)::int AS count
      FROM "SurveyInvitation" i JOIN "Message" m ON m.id = i."messageId" AND m."organizationId" = i."organizationId",
           unnest(m.reasons) AS reason
      WHERE i."organizationId" = ${caller.organizationId} AND i."surveyId" = ${surveyId} AND i.status = 'SKIPPED'
      GROUP BY reason ORDER BY count DESC, reason LIMIT 3`),
  ]);
  const count = (...statuses: string[]) =>
    byStatus.filter((row) => statuses.includes(row.status)).reduce((sum, row) => sum + row._count._all, 0);
  const sent = count('SENT', 'ANSWERED', 'EXPIRED');
  const answered = count('ANSWERED');
  return {
    sent,
    skipped: count('SKIPPED'),
    answered,
    responseRate: sent === 0 ? null : answered / sent,
    topSkipReasons: reasons,
  };
}

// ---------- the relational NPS cadence ----------

/** Queued at most this long before it is due, so each run of the job sees the next day's invitations. */
const LOOK_AHEAD_MS = DAY_MS;
/** Customers already overdue when the cadence is switched on are spread over this many days. */
const CATCH_UP_DAYS = 28;
const CHUNK = 1000;

/** A fixed number in [0, 1) per customer: their place in the morning and in a catch-up. */
function spreadOf(customerId: string, salt: number): number {
  let hash = 2166136261 ^ salt;
  for (let index = 0; index < customerId.length; index++)
    hash = Math.imul(hash ^ customerId.charCodeAt(index), 16777619);
  return (hash >>> 0) / 2 ** 32;
}

/**
 * Queues the NPS invitations that come due, for every organization with the cadence on: one
 * query finds every due customer (one cadence after their last NPS invitation, or after their first
 * purchase), and the invitations are written in chunks of set-based inserts.
 */
export async function scheduleNpsInvitations(now: Date): Promise<number> {
  const { db } = runtime();
  const organizations = await db.acrossOrganizations.organization.findMany({
    where: { settings: { path: ['surveyTriggers', 'npsSurveyId'], not: Prisma.AnyNull } },
    select: { id: true, settings: true },
  });
  let queued = 0;
  for (const organization of organizations) {
    const settings = settingsOf(organization.settings);
    const { npsSurveyId, npsEveryMonths } = settings.surveyTriggers;
    if (!npsSurveyId) continue;
    const tenant = db.forOrganization(organization.id);
    const survey = await tenant.survey.findUnique({ where: { id: npsSurveyId }, select: SURVEY_SELECT });
    if (!survey?.active) continue;
    const horizon = new Date(now.getTime() + LOOK_AHEAD_MS);
    const due = await tenant.$queryRaw<
      { id: string; email: string | null; phone: string | null; since: Date }[]
    >(Prisma.sql`
      SELECT c.id, c.email, c.phone, COALESCE(last.at, c."firstPurchaseAt") AS since
      FROM "Customer" c
      LEFT JOIN LATERAL (
        SELECT max(m."scheduledFor") AS at FROM "SurveyInvitation" i
        JOIN "Message" m ON m.id = i."messageId" AND m."organizationId" = i."organizationId"
        WHERE i."organizationId" = c."organizationId" AND i."customerId" = c.id AND i."surveyId" = ${survey.id}
      ) last ON true
      WHERE c."organizationId" = ${organization.id} AND c."firstPurchaseAt" IS NOT NULL
        AND COALESCE(last.at, c."firstPurchaseAt") + make_interval(months => ${npsEveryMonths}) <= ${horizon}`);
    const invitations = due.map((customer) => {
      const dueAt = addMonthsUtc(customer.since, npsEveryMonths);
      const from =
        dueAt >= now ? dueAt : new Date(now.getTime() + Math.floor(spreadOf(customer.id, 1) * CATCH_UP_DAYS) * DAY_MS);
      return {
        customerId: customer.id,
        channel: preferredChannel(customer),
        scheduledFor: weekdayMorning(from, spreadOf(customer.id, 0), settings.timeZone),
      };
    });
    for (let start = 0; start < invitations.length; start += CHUNK) {
      const chunk = invitations.slice(start, start + CHUNK);
      await writeTransaction(organization.id, (tx) => queueInvitations(tx, organization.id, survey, chunk, now));
      queued += chunk.length;
    }
  }
  return queued;
}

// ---------- the answer page ----------

export interface InvitationPage {
  organizationName: string;
  locale: Locale;
  kind: AnsweredSurvey['kind'];
  question: string;
  options: string[];
  status: 'SCHEDULED' | 'SENT' | 'SKIPPED' | 'ANSWERED' | 'EXPIRED' | 'CANCELLED';
  score: number | null;
  option: string | null;
  comment: string | null;
  changeableUntil: Date | null;
  participationPoints: number;
}

/** The invitation a token opens, in any organization: the token is the credential. */
async function findByToken(token: string): Promise<{ id: string; organizationId: string; customerId: string } | null> {
  if (token.length < 16 || token.length > 100) return null;
  const [found] = await runtime().db.acrossOrganizations.$queryRaw<
    { id: string; organizationId: string; customerId: string }[]
  >(
    Prisma.sql`SELECT id, "organizationId", "customerId" FROM "SurveyInvitation" WHERE "tokenHash" = ${hashToken(token)}`,
  );
  return found ?? null;
}

async function pageOf(
  tx: TenantTx | ReturnType<typeof tenantDb>,
  invitationId: string,
  now: Date,
): Promise<InvitationPage> {
  const invitation = await tx.surveyInvitation.findUniqueOrThrow({
    where: { id: invitationId },
    include: {
      survey: { select: SURVEY_SELECT },
      customer: { select: { locale: true } },
      organization: { select: { name: true } },
      feedback: { select: { score: true, option: true, comment: true } },
    },
  });
  const answerable = invitationAnswerable(invitation, now);
  const expired = invitation.status === 'SENT' && !answerable.answerable;
  return {
    organizationName: invitation.organization.name,
    locale: invitation.customer.locale,
    kind: invitation.survey.kind,
    question: invitation.survey.question,
    options: invitation.survey.options,
    status: expired ? 'EXPIRED' : invitation.status,
    score: answerable.answerable ? (invitation.feedback?.score ?? null) : null,
    option: answerable.answerable ? (invitation.feedback?.option ?? null) : null,
    comment: answerable.answerable ? (invitation.feedback?.comment ?? null) : null,
    changeableUntil: answerable.answerable ? answerable.changeableUntil : null,
    participationPoints: invitation.survey.participationPoints,
  };
}

/** What the answer page shows; null for a token that opens nothing. Reading records nothing. */
export async function invitationPage(token: string, clientAddress: string): Promise<InvitationPage | null> {
  // Guessing tokens costs from the same budget as answering.
  await consumeRateLimit(RATE_LIMITS.answerPage, clientAddress);
  const found = await findByToken(token);
  if (!found) return null;
  return pageOf(runtime().db.forOrganization(found.organizationId), found.id, runtime().clock.now());
}

export interface AnswerInvitationInput {
  token: string;
  score?: number | null;
  option?: string | null;
  comment?: string | null;
}

const REFUSALS = {
  EXPIRED: 'This invitation has expired: it takes no more answers.',
  CLOSED: 'An answer can be changed for 14 days; this one can no longer be changed.',
  UNAVAILABLE: 'This invitation takes no answer.',
} as const;
const MAX_COMMENT = 2000;

/**
 * Records the customer's answer, or changes it within 14 days: the feedback is updated, the
 * participation points are paid with the first answer only. Concurrent submits of one invitation
 * queue on the customer's lock: one feedback, one payment, the last answer stands.
 */
export async function answerInvitation(input: AnswerInvitationInput, clientAddress: string): Promise<InvitationPage> {
  await consumeRateLimit(RATE_LIMITS.answerPage, clientAddress);
  const found = await findByToken(input.token);
  if (!found) throw new NotFoundError('Invitation');
  const { organizationId, customerId } = found;
  const caller = systemCaller(organizationId);
  const settings = await organizationSettings(caller);
  const now = runtime().clock.now();
  return writeTransaction(organizationId, async (tx) => {
    const balances = await lockCustomers(tx, organizationId, [customerId]);
    const invitation = await tx.surveyInvitation.findUniqueOrThrow({
      where: { id: found.id },
      include: { survey: { select: SURVEY_SELECT }, incident: true },
    });
    const survey = invitation.survey;
    const answer = {
      score: input.score ?? null,
      option: input.option?.trim() || null,
      comment: input.comment?.trim() || null,
    };
    const errors = validateFeedbackAnswer(answer, survey, ['input']);
    if (answer.comment && answer.comment.length > MAX_COMMENT)
      errors.push({ path: ['input', 'comment'], message: 'At most 2 000 characters.' });
    if (errors.length > 0) throw new ValidationError(errors);
    const state = invitationAnswerable(invitation, now);
    if (!state.answerable) throw ValidationError.at(['input', 'token'], REFUSALS[state.reason]);

    let feedbackId = invitation.feedbackId;
    if (!state.changing) {
      feedbackId = randomUUID();
      const feedbackInput = {
        customer: { id: customerId },
        surveyId: survey.id,
        ...answer,
        channel: invitation.channel,
      };
      const stored = await insertFeedback(
        tx,
        organizationId,
        [{ id: feedbackId, customerId, occurredAt: now, input: feedbackInput }],
        new Map([[survey.id, survey]]),
        now,
      );
      if (stored.size === 0) throw ValidationError.at(['input', 'token'], ANSWERED_ONCE);
      await applyEventEffects(
        tx,
        caller,
        [
          {
            kind: 'feedback',
            id: feedbackId,
            customerId,
            occurredAt: now,
            input: feedbackInput,
            earned: participationEarning(survey, now, settings.loyalty),
            npsScore: survey.kind === 'NPS' ? answer.score : null,
          },
        ],
        settings,
        now,
        balances,
      );
      await tx.surveyInvitation.update({
        where: { id: invitation.id },
        data: { status: 'ANSWERED', answeredAt: now, feedbackId },
      });
    } else {
      await tx.feedback.update({ where: { id: feedbackId! }, data: { ...answer, occurredAt: now } });
      await tx.experience.deleteMany({ where: { feedbackId: feedbackId!, kind: 'BAD_EXPERIENCE' } });
      if (survey.kind !== 'POLL' && isBadExperience(survey.kind, answer.score))
        await recordExperiences(tx, organizationId, [
          { customerId, kind: 'BAD_EXPERIENCE', cause: survey.kind, score: answer.score, feedbackId, occurredAt: now },
        ]);
      if (survey.kind === 'NPS')
        await touchCustomers(
          tx,
          organizationId,
          [{ customerId, occurredAt: now, personalContact: false, npsScore: answer.score }],
          now,
        );
    }

    // The customer's word on the incident overrides what staff guessed.
    const incident = invitation.incident;
    if (incident && survey.kind === 'CSAT' && answer.score !== null) {
      const satisfied = csatSatisfaction(answer.score);
      await tx.experience.deleteMany({ where: { incidentId: incident.id, kind: 'RECOVERY' } });
      if (satisfied === 'YES')
        await recordExperiences(tx, organizationId, [
          { customerId, kind: 'RECOVERY', cause: 'INCIDENT', incidentId: incident.id, occurredAt: now },
        ]);
      const changed = await tx.incident.update({
        where: { id: incident.id },
        data: { customerSatisfied: satisfied, customerSatisfiedSource: 'CUSTOMER' },
      });
      emitIncidentChanged(tx, changed);
    }
    emit(tx, 'invitation.answered', {
      invitation: encodeGlobalID('SurveyInvitation', invitation.id),
      customer: encodeGlobalID('Customer', customerId),
      survey: encodeGlobalID('Survey', survey.id),
      feedback: encodeGlobalID('Feedback', feedbackId!),
      score: answer.score,
      option: answer.option,
      changed: state.changing,
    });
    await markForRecompute(tx, [customerId], now);
    await recomputeWithinWrite(tx, organizationId, [customerId], settings, now, { customersLocked: true });
    return pageOf(tx, invitation.id, now);
  });
}
