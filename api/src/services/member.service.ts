// What a customer sees and does on their own page (PRODUCT.md "The customer's own page"). Every
// read and write here is of the member's own customer: the caller names it, never an argument.
// Risk, scores, alerts, notes and staff are never read here.
import type { Caller } from '../auth/caller.ts';
import { derivedToken } from '../auth/tokens.ts';
import { FieldErrors, ValidationError } from '../domain/errors.ts';
import { rewardAvailability } from '../domain/points/reward-availability.ts';
import { tierProgress } from '../domain/points/tier-progress.ts';
import { renderLedgerEntry } from '../domain/points/ledger-sentence.ts';
import { addMonthsUtc } from '../domain/time/add-months.ts';
import type { Channel, IncidentCategory, Locale } from '../domain/types.ts';
import { runtime, tenantDb } from '../runtime.ts';
import { lockCustomers, tierEarnings } from './ledger.service.ts';
import { hashToken } from './message.service.ts';
import { organizationSettings } from './organization-settings.service.ts';
import { reportIncident } from './incident.service.ts';
import { redeemReward } from './redemption.service.ts';
import { writeTransaction } from './transaction.service.ts';

export type MemberCaller = Extract<Caller, { kind: 'member' }>;

/** The member's own customer, as the page's header shows it. */
export async function memberCustomer(caller: MemberCaller) {
  const customer = await tenantDb(caller).customer.findUniqueOrThrow({
    where: { id: caller.customerId },
    select: {
      id: true,
      name: true,
      locale: true,
      pointsBalance: true,
      organization: { select: { name: true, slug: true } },
    },
  });
  // The tier progress reads every earning of 12 months; the page's progress and its rewards share one reading.
  let progress: ReturnType<typeof memberTierProgress> | undefined;
  return { ...customer, caller, tierProgress: () => (progress ??= memberTierProgress(caller)) };
}

export type MemberView = Awaited<ReturnType<typeof memberCustomer>>;

async function memberTierProgress(caller: MemberCaller) {
  const now = runtime().clock.now();
  const thresholds = (await organizationSettings(caller)).loyalty.tierThresholds;
  const earned = await tierEarnings(tenantDb(caller), caller.organizationId, [caller.customerId], thresholds, now);
  const { earnings, pointsLast12Months } = earned.get(caller.customerId)!;
  return tierProgress(earnings, thresholds, now, pointsLast12Months);
}

/** The lots expiring in the next 12 months, earliest first (PRODUCT.md "Member figures"). */
export async function memberExpiringPoints(caller: MemberCaller) {
  const now = runtime().clock.now();
  const lots = await tenantDb(caller).pointsLot.findMany({
    where: { customerId: caller.customerId, remaining: { gt: 0 }, expiresAt: { gt: now, lte: addMonthsUtc(now, 12) } },
    orderBy: [{ expiresAt: 'asc' }, { id: 'asc' }],
    select: { remaining: true, expiresAt: true },
  });
  return lots.map((lot) => ({ points: lot.remaining, expiresAt: lot.expiresAt! }));
}

export const MEMBER_LEDGER_PAGE = 20;
const MEMBER_LEDGER_MAX_PAGE = 100;

/** A page of the member's ledger, latest first; the cursor is the entry's place in the ledger. */
export async function memberLedgerPage(
  caller: MemberCaller,
  locale: Locale,
  first?: number | null,
  after?: string | null,
) {
  const take = first ?? MEMBER_LEDGER_PAGE;
  if (!Number.isInteger(take) || take < 0 || take > MEMBER_LEDGER_MAX_PAGE)
    throw ValidationError.at(['first'], `Ask for 0 to ${MEMBER_LEDGER_MAX_PAGE} entries.`);
  if (after != null && !/^\d{1,18}$/.test(after)) throw ValidationError.at(['after'], 'Not a cursor of this ledger.');
  const db = tenantDb(caller);
  const where = { customerId: caller.customerId };
  const [rows, totalCount] = await Promise.all([
    db.pointsEntry.findMany({
      where: after != null ? { ...where, sequence: { lt: BigInt(after) } } : where,
      orderBy: { sequence: 'desc' },
      take: take + 1,
    }),
    db.pointsEntry.count({ where }),
  ]);
  const page = rows.slice(0, take);
  const edges = page.map((entry) => ({
    cursor: entry.sequence.toString(),
    node: {
      delta: entry.delta,
      kind: entry.kind,
      explanation: renderLedgerEntry(entry.reason, entry.reasonParams, locale),
      balanceAfter: entry.balanceAfter,
      createdAt: entry.createdAt,
      expiresAt: entry.expiresAt,
    },
  }));
  return {
    totalCount,
    edges,
    pageInfo: {
      hasNextPage: rows.length > take,
      hasPreviousPage: after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? after ?? null,
    },
  };
}

/** Every active reward with what the member needs to take it, cheapest first. */
export async function memberRewards(view: MemberView) {
  const [rewards, progress] = await Promise.all([
    tenantDb(view.caller).reward.findMany({
      where: { active: true },
      orderBy: [{ pointsCost: 'asc' }, { name: 'asc' }],
    }),
    // The tier by the rule applied now, as redeeming judges it.
    view.tierProgress(),
  ]);
  return rewards.map((reward) => ({
    ...reward,
    ...rewardAvailability(reward, { tier: progress.tier, pointsBalance: view.pointsBalance }),
  }));
}

/** Newest first; the page shows the latest few, the data download has them all. */
const MEMBER_LIST_LIMIT = 100;

export function memberRedemptions(caller: MemberCaller) {
  return tenantDb(caller).redemption.findMany({
    where: { customerId: caller.customerId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: MEMBER_LIST_LIMIT,
    include: { reward: { select: { name: true } } },
  });
}

export function memberIncidents(caller: MemberCaller) {
  return tenantDb(caller).incident.findMany({
    where: { customerId: caller.customerId },
    orderBy: [{ openedAt: 'desc' }, { id: 'desc' }],
    take: MEMBER_LIST_LIMIT,
    select: { id: true, title: true, status: true, openedAt: true, resolvedAt: true },
  });
}

/**
 * The survey invitations the member can still answer (sent, not answered, not expired; cancelled
 * ones were never sent), soonest to expire first, each with its answer link's token: the same
 * token the invitation's message carried, made again from the organization's secret.
 */
export async function memberOpenInvitations(caller: MemberCaller) {
  const db = tenantDb(caller);
  const invitations = await db.surveyInvitation.findMany({
    where: { customerId: caller.customerId, status: 'SENT', expiresAt: { gt: runtime().clock.now() } },
    orderBy: [{ expiresAt: 'asc' }, { id: 'asc' }],
    take: MEMBER_LIST_LIMIT,
    select: { id: true, tokenHash: true, expiresAt: true, survey: { select: { question: true, kind: true } } },
  });
  if (invitations.length === 0) return [];
  const { invitationTokenSecret } = await db.organization.findUniqueOrThrow({
    where: { id: caller.organizationId },
    select: { invitationTokenSecret: true },
  });
  return invitations.flatMap((invitation) => {
    const token = derivedToken(invitationTokenSecret, invitation.id);
    // An invitation sent before tokens were derived keeps its random token, which only its email holds.
    if (invitation.tokenHash !== hashToken(token)) return [];
    return [
      { token, question: invitation.survey.question, kind: invitation.survey.kind, expiresAt: invitation.expiresAt },
    ];
  });
}

export function memberConsents(caller: MemberCaller) {
  return tenantDb(caller).channelConsent.findMany({
    where: { customerId: caller.customerId },
    select: { channel: true, granted: true, updatedAt: true },
  });
}

/** The member redeems with every guarantee of redeemReward: no overdraw, no oversell, the tier gate. */
export async function memberRedeemReward(caller: MemberCaller, rewardId: string) {
  const { id } = await redeemReward(caller, { customer: { id: caller.customerId }, rewardId });
  return tenantDb(caller).redemption.findUniqueOrThrow({
    where: { id },
    include: { reward: { select: { name: true } } },
  });
}

/**
 * The customer's own word on how we may contact them: consent with source CUSTOMER and the time,
 * so canContact follows at once.
 */
export async function memberUpdateConsents(caller: MemberCaller, consents: { channel: Channel; granted: boolean }[]) {
  const channels = consents.map((consent) => consent.channel);
  if (new Set(channels).size !== channels.length) throw ValidationError.at(['consents'], 'Give each channel once.');
  const now = runtime().clock.now();
  await writeTransaction(
    caller.organizationId,
    async (tx) => {
      await lockCustomers(tx, caller.organizationId, [caller.customerId]);
      for (const consent of consents) {
        await tx.channelConsent.upsert({
          where: {
            organizationId_customerId_channel: {
              organizationId: caller.organizationId,
              customerId: caller.customerId,
              channel: consent.channel,
            },
          },
          create: {
            organizationId: caller.organizationId,
            customerId: caller.customerId,
            channel: consent.channel,
            granted: consent.granted,
            updatedAt: now,
            source: 'CUSTOMER',
          },
          update: { granted: consent.granted, updatedAt: now, source: 'CUSTOMER' },
        });
      }
    },
    { answersRequest: true },
  );
  return memberConsents(caller);
}

export interface MemberProblem {
  title: string;
  description?: string | null;
  category?: IncidentCategory | null;
}

/**
 * A problem the customer reports: an incident with source CUSTOMER, in the staff's queue and on
 * the board like any other. The customer does not judge severity; staff may raise it.
 */
export async function memberReportProblem(caller: MemberCaller, input: MemberProblem) {
  const problems = new FieldErrors();
  if (input.title.trim() === '') problems.add(['input', 'title'], 'Say in a few words what went wrong.');
  problems.throwIfAny();
  const id = await reportIncident(caller, {
    customer: { id: caller.customerId },
    title: input.title,
    description: input.description,
    category: input.category ?? 'OTHER',
    severity: 'MEDIUM',
    source: 'CUSTOMER',
  });
  return tenantDb(caller).incident.findUniqueOrThrow({
    where: { id },
    select: { id: true, title: true, status: true, openedAt: true, resolvedAt: true },
  });
}

/**
 * Everything stored about the customer, as one JSON document ("download my data"). Risk and
 * scores are the staff's working figures, not data the customer gave or earned: left out, as the
 * page leaves them out; so are staff notes on interactions.
 */
export async function memberDataExport(caller: MemberCaller) {
  const db = tenantDb(caller);
  const where = { customerId: caller.customerId };
  const [customer, consents, purchases, interactions, ledger, redemptions, feedback, incidents] = await Promise.all([
    db.customer.findUniqueOrThrow({
      where: { id: caller.customerId },
      select: {
        externalId: true,
        name: true,
        email: true,
        phone: true,
        kind: true,
        locale: true,
        tier: true,
        pointsBalance: true,
        createdAt: true,
        organization: { select: { name: true } },
      },
    }),
    db.channelConsent.findMany({ where, select: { channel: true, granted: true, updatedAt: true, source: true } }),
    db.purchase.findMany({
      where,
      orderBy: { occurredAt: 'asc' },
      select: { amountMinor: true, currency: true, occurredAt: true, externalRef: true },
    }),
    db.interaction.findMany({
      where,
      orderBy: { occurredAt: 'asc' },
      select: { channel: true, direction: true, kind: true, occurredAt: true },
    }),
    db.pointsEntry.findMany({ where, orderBy: { sequence: 'asc' } }),
    db.redemption.findMany({
      where,
      orderBy: { createdAt: 'asc' },
      select: { points: true, status: true, createdAt: true, cancelledAt: true, reward: { select: { name: true } } },
    }),
    db.feedback.findMany({
      where,
      orderBy: { createdAt: 'asc' },
      select: {
        score: true,
        option: true,
        comment: true,
        channel: true,
        createdAt: true,
        survey: { select: { question: true } },
      },
    }),
    db.incident.findMany({
      where,
      orderBy: { openedAt: 'asc' },
      select: { title: true, description: true, category: true, status: true, openedAt: true, resolvedAt: true },
    }),
  ]);
  const { organization, ...profile } = customer;
  return {
    organization: organization.name,
    exportedAt: runtime().clock.now().toISOString(),
    customer: profile,
    consents,
    // Minor units are stored as BigInt, which JSON cannot hold; a purchase fits a safe integer.
    purchases: purchases.map((purchase) => ({ ...purchase, amountMinor: Number(purchase.amountMinor) })),
    interactions,
    pointsLedger: ledger.map((entry) => ({
      delta: entry.delta,
      kind: entry.kind,
      explanation: renderLedgerEntry(entry.reason, entry.reasonParams, customer.locale),
      balanceAfter: entry.balanceAfter,
      occurredAt: entry.occurredAt,
      expiresAt: entry.expiresAt,
    })),
    redemptions: redemptions.map(({ reward, ...redemption }) => ({ reward: reward.name, ...redemption })),
    feedback: feedback.map(({ survey, ...answer }) => ({ survey: survey?.question ?? null, ...answer })),
    incidents,
  };
}
