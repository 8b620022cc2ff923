// The retention read model: every customer's explained churn risk, engagement, satisfaction and
// tier, stored on the customer, with the moment a time-based part next changes (recomputeAt).
// Recomputed for the customers an event touched, and by the background job for those whose
// moment has come; either way set-based (a fixed number of queries for any number of customers),
// and alerts are decided from the new facts and stored with their events.
import { Prisma } from '../generated/prisma/client.ts';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { TenantTx } from '../db/client.ts';
import type { OrganizationSettings } from '../domain/settings.ts';
import type { RiskLevel, SurveyKind } from '../domain/types.ts';
import { computeChurnRisk, type ChurnRisk } from '../domain/risk/churn-risk.ts';
import { computeEngagement } from '../domain/risk/engagement.ts';
import { computeSatisfaction, type SatisfactionSignal } from '../domain/risk/satisfaction.ts';
import { decideAlerts, type CustomerAlertFacts } from '../domain/alerts/decide-alerts.ts';
import { ignoredAlert, type IgnoredAlert } from '../domain/alerts/ignored-alert.ts';
import { OPEN_INCIDENT_STATUSES, isIncidentOpen } from '../domain/incidents/incident-status.ts';
import { DAY_MS } from '../domain/time/duration.ts';
import { runtime } from '../runtime.ts';
import { systemCaller } from '../auth/caller.ts';
import { lockCustomers, updateTiers, type TierStatuses } from './ledger.service.ts';
import { organizationSettings } from './organization-settings.service.ts';
import { topSpendersAmong } from './top-spenders.service.ts';
import { emitAlertNews, noNews, raiseOrEscalate, resolveByItself, type AlertNews } from './alert.service.ts';
import { emit } from './event-log.service.ts';
import { underSavepoint, writeTransaction } from './transaction.service.ts';

const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);
const earliest = (...dates: (Date | null | undefined)[]): Date | null =>
  dates.reduce<Date | null>((min, date) => (date && (!min || date < min) ? date : min), null);

function group<T extends { customerId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.customerId);
    if (list) list.push(row);
    else groups.set(row.customerId, [row]);
  }
  return groups;
}

// The rows the rules take: the shapes Prisma would return for these selects.
type CustomerFactsSelect = {
  id: true;
  externalId: true;
  name: true;
  createdAt: true;
  firstEventAt: true;
  lastPersonalContactAt: true;
  riskLevel: true;
  riskScore: true;
};
type ExperienceFactsSelect = { customerId: true; kind: true; cause: true; score: true; occurredAt: true };
type IncidentFactsSelect = {
  id: true;
  customerId: true;
  title: true;
  severity: true;
  status: true;
  openedAt: true;
  slaDueAt: true;
  resolvedAt: true;
  customerSatisfied: true;
};
type FeedbackFactsSelect = {
  customerId: true;
  score: true;
  comment: true;
  occurredAt: true;
  survey: { select: { kind: true } };
};
type AlertFactsSelect = {
  id: true;
  kind: true;
  severity: true;
  status: true;
  customerId: true;
  incidentId: true;
  openKey: true;
  causedAt: true;
};

interface FactRows {
  customers: Prisma.CustomerGetPayload<{ select: CustomerFactsSelect }>[];
  experiences: Prisma.ExperienceGetPayload<{ select: ExperienceFactsSelect }>[];
  incidents: Prisma.IncidentGetPayload<{ select: IncidentFactsSelect }>[];
  feedback: Prisma.FeedbackGetPayload<{ select: FeedbackFactsSelect }>[];
  purchases: { customerId: string; occurredAt: Date }[];
  interactions: Prisma.InteractionGetPayload<{ select: { customerId: true; occurredAt: true; direction: true } }>[];
  redemptions: { customerId: string; createdAt: Date }[];
  alerts: Prisma.AlertGetPayload<{ select: AlertFactsSelect }>[];
  concerns: { customerId: string; flaggedAt: Date; by: string; note: string }[];
}

/** JSON carries a timestamp(3) as text without a zone; the database keeps UTC. */
const utc = (text: string | null): Date | null => (text === null ? null : new Date(`${text}Z`));

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/**
 * Everything the rules read about these customers, in one statement (one round trip, inside the
 * write's transaction: each one is time the customers stay locked). Each kind of fact is its own
 * subquery, aggregated to JSON, with the organization in every one of them (raw SQL skips the
 * tenancy extension).
 */
async function loadFacts(tx: TenantTx, organizationId: string, customerIds: string[], now: Date) {
  const mine = (table: string) =>
    Prisma.sql`${Prisma.raw(table)}."organizationId" = ${organizationId} AND ${Prisma.raw(table)}."customerId" = ANY(${customerIds}::text[])`;
  const since = (days: number) => Prisma.sql`${ago(now, days).toISOString()}::timestamp(3)`;
  const [rows] = await tx.$queryRaw<{ [K in keyof FactRows]: Json<FactRows[K][number]>[] }[]>(Prisma.sql`
    SELECT
      (SELECT coalesce(json_agg(c), '[]') FROM (
        SELECT id, "externalId", name, "createdAt", "firstEventAt", "lastPersonalContactAt", "riskLevel", "riskScore"
        FROM "Customer" c WHERE c."organizationId" = ${organizationId} AND c.id = ANY(${customerIds}::text[])) c
      ) AS customers,
      (SELECT coalesce(json_agg(e), '[]') FROM (
        SELECT "customerId", kind, cause, score, "occurredAt" FROM "Experience" e
        WHERE ${mine('e')} AND e."occurredAt" > ${since(90)}) e
      ) AS experiences,
      (SELECT coalesce(json_agg(i), '[]') FROM (
        SELECT id, "customerId", title, severity, status, "openedAt", "slaDueAt", "resolvedAt", "customerSatisfied"
        FROM "Incident" i
        WHERE ${mine('i')} AND (i.status::text = ANY(${[...OPEN_INCIDENT_STATUSES]}::text[]) OR i."resolvedAt" > ${since(365)})) i
      ) AS incidents,
      (SELECT coalesce(json_agg(f), '[]') FROM (
        SELECT f."customerId", f.score, f.comment, f."occurredAt", s.kind AS "surveyKind"
        FROM "Feedback" f LEFT JOIN "Survey" s ON s.id = f."surveyId" AND s."organizationId" = f."organizationId"
        WHERE ${mine('f')} AND f."occurredAt" > ${since(365)}) f
      ) AS feedback,
      (SELECT coalesce(json_agg(p), '[]') FROM (
        SELECT "customerId", "occurredAt" FROM "Purchase" p WHERE ${mine('p')} AND p."occurredAt" > ${since(180)}) p
      ) AS purchases,
      (SELECT coalesce(json_agg(n), '[]') FROM (
        SELECT "customerId", "occurredAt", direction FROM "Interaction" n
        WHERE ${mine('n')} AND n."occurredAt" > ${since(180)}) n
      ) AS interactions,
      (SELECT coalesce(json_agg(r), '[]') FROM (
        SELECT "customerId", "createdAt" FROM "Redemption" r
        WHERE ${mine('r')} AND r.status = 'FULFILLED' AND r."createdAt" > ${since(90)}) r
      ) AS redemptions,
      -- Open alerts, and the latest cause each kind was raised for (a cause is raised once).
      (SELECT coalesce(json_agg(a ORDER BY a."createdAt"), '[]') FROM (
        SELECT id, kind, severity, status, "customerId", "incidentId", "openKey", "causedAt", "createdAt"
        FROM "Alert" a WHERE ${mine('a')} AND (a.status <> 'RESOLVED' OR a."createdAt" > ${since(400)})) a
      ) AS alerts,
      (SELECT coalesce(json_agg(s), '[]') FROM (
        SELECT s."customerId", s."flaggedAt", s."flaggedByName" AS by, s.note FROM "StaffConcern" s
        WHERE ${mine('s')} AND s."flaggedAt" > ${since(30)}) s
      ) AS concerns`);
  const facts: FactRows = {
    customers: rows.customers.map((row) => ({
      ...row,
      createdAt: utc(row.createdAt)!,
      firstEventAt: utc(row.firstEventAt),
      lastPersonalContactAt: utc(row.lastPersonalContactAt),
    })),
    experiences: rows.experiences.map((row) => ({ ...row, occurredAt: utc(row.occurredAt)! })),
    incidents: rows.incidents.map((row) => ({
      ...row,
      openedAt: utc(row.openedAt)!,
      slaDueAt: utc(row.slaDueAt)!,
      resolvedAt: utc(row.resolvedAt),
    })),
    feedback: (rows.feedback as (Json<FactRows['feedback'][number]> & { surveyKind: SurveyKind | null })[]).map(
      ({ surveyKind, ...row }) => ({
        ...row,
        occurredAt: utc(row.occurredAt)!,
        survey: surveyKind ? { kind: surveyKind } : null,
      }),
    ),
    purchases: rows.purchases.map((row) => ({ ...row, occurredAt: utc(row.occurredAt)! })),
    interactions: rows.interactions.map((row) => ({ ...row, occurredAt: utc(row.occurredAt)! })),
    redemptions: rows.redemptions.map((row) => ({ ...row, createdAt: utc(row.createdAt)! })),
    alerts: (rows.alerts as (Json<FactRows['alerts'][number]> & { createdAt?: string })[]).map(
      ({ createdAt: _createdAt, ...row }) => ({ ...row, causedAt: utc(row.causedAt) }),
    ),
    concerns: rows.concerns.map((row) => ({ ...row, flaggedAt: utc(row.flaggedAt)! })),
  };
  return {
    customers: facts.customers,
    experiences: group(facts.experiences),
    incidents: group(facts.incidents),
    feedback: group(facts.feedback),
    purchases: group(facts.purchases),
    interactions: group(facts.interactions),
    redemptions: group(facts.redemptions),
    alerts: group(facts.alerts),
    concerns: group(facts.concerns),
  };
}

type Facts = Awaited<ReturnType<typeof loadFacts>>;
type Customer = Facts['customers'][number];

function churnRiskOf(customer: Customer, facts: Facts, settings: OrganizationSettings, now: Date): ChurnRisk {
  const experiences = facts.experiences.get(customer.id) ?? [];
  const incidents = facts.incidents.get(customer.id) ?? [];
  const nps = (facts.feedback.get(customer.id) ?? [])
    .filter((answer) => answer.survey?.kind === 'NPS' && answer.score !== null)
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())[0];
  return computeChurnRisk(
    {
      createdAt: customer.createdAt,
      firstEventAt: customer.firstEventAt,
      lastPersonalContactAt: customer.lastPersonalContactAt,
      badExperiences: experiences.filter((experience) => experience.kind === 'BAD_EXPERIENCE'),
      recoveries: experiences.filter((experience) => experience.kind === 'RECOVERY'),
      openIncidents: incidents.filter((incident) => isIncidentOpen(incident.status)),
      latestNps: nps ? { score: nps.score!, occurredAt: nps.occurredAt } : null,
      activity: [
        ...(facts.purchases.get(customer.id) ?? []).map((purchase) => purchase.occurredAt),
        ...(facts.interactions.get(customer.id) ?? []).map((interaction) => interaction.occurredAt),
      ],
      concerns: facts.concerns.get(customer.id) ?? [],
    },
    settings.risk,
    now,
  );
}

function engagementOf(customer: Customer, facts: Facts, settings: OrganizationSettings, now: Date) {
  return computeEngagement(
    {
      inboundInteractions: (facts.interactions.get(customer.id) ?? [])
        .filter((i) => i.direction === 'INBOUND')
        .map((i) => i.occurredAt),
      purchases: (facts.purchases.get(customer.id) ?? []).map((purchase) => purchase.occurredAt),
      feedback: (facts.feedback.get(customer.id) ?? []).map((answer) => answer.occurredAt),
      redemptions: (facts.redemptions.get(customer.id) ?? []).map((redemption) => redemption.createdAt),
    },
    settings.engagement,
    now,
  );
}

function satisfactionOf(customer: Customer, facts: Facts, settings: OrganizationSettings, now: Date) {
  const signals: SatisfactionSignal[] = [];
  for (const answer of facts.feedback.get(customer.id) ?? []) {
    const kind = answer.survey?.kind;
    if ((kind === 'NPS' || kind === 'CSAT') && answer.score !== null)
      signals.push({ kind, score: answer.score, occurredAt: answer.occurredAt });
  }
  for (const incident of facts.incidents.get(customer.id) ?? []) {
    if (incident.resolvedAt)
      signals.push({
        kind: 'INCIDENT',
        customerSatisfied: incident.customerSatisfied,
        occurredAt: incident.resolvedAt,
      });
  }
  return computeSatisfaction(signals, settings.satisfaction, now);
}

export interface RecomputeResult {
  /** Customers whose score or level changed. */
  riskChanged: { customerId: string; level: RiskLevel }[];
  news: AlertNews;
}

/**
 * Whether a customer is a top spender (top-spenders.service.ts): read once per batch, and only when
 * an IGNORED alert needs its severity.
 */
function topSpenders(
  tx: TenantTx,
  organizationId: string,
  customerIds: string[],
  settings: OrganizationSettings,
  now: Date,
) {
  let top: Promise<Set<string>> | undefined;
  return async (customerId: string): Promise<boolean> => {
    top ??= topSpendersAmong(tx, organizationId, settings.defaultCurrency, customerIds, now, { store: true });
    return (await top).has(customerId);
  };
}

export interface RecomputeOptions {
  /** The write running this recompute has locked these customers already (lockCustomers). */
  customersLocked?: boolean;
  /** Tiers updateTiers already set in this transaction (appendEntries): not read and written twice. */
  tiers?: TierStatuses;
}

/** Recomputes these customers inside `tx` (a writeTransaction: their events go with it). */
export async function recomputeIn(
  tx: TenantTx,
  organizationId: string,
  customerIds: string[],
  settings: OrganizationSettings,
  now: Date,
  options: RecomputeOptions = {},
): Promise<RecomputeResult> {
  const result: RecomputeResult = { riskChanged: [], news: noNews() };
  if (customerIds.length === 0) return result;
  // Step 2 of the lock order (transaction.service.ts): the facts read now stay true until commit.
  if (!options.customersLocked) await lockCustomers(tx, organizationId, customerIds);
  const facts = await loadFacts(tx, organizationId, customerIds, now);
  const tiers = new Map(options.tiers);
  const untiered = customerIds.filter((id) => !tiers.has(id));
  if (untiered.length > 0) {
    for (const [id, status] of await updateTiers(tx, organizationId, untiered, settings, now)) tiers.set(id, status);
  }
  const isTopSpenderNow = topSpenders(tx, organizationId, customerIds, settings, now);

  const rows: {
    id: string;
    risk: ChurnRisk;
    engagement: ReturnType<typeof engagementOf>;
    satisfaction: ReturnType<typeof satisfactionOf>;
    recomputeAt: Date | null;
  }[] = [];
  for (const customer of facts.customers) {
    const risk = churnRiskOf(customer, facts, settings, now);
    const engagement = engagementOf(customer, facts, settings, now);
    const satisfaction = satisfactionOf(customer, facts, settings, now);
    const ignored = ignoredAlert(customer, now);
    const recomputeAt = earliest(
      risk.nextChangeAt,
      engagement.nextChangeAt,
      satisfaction.nextChangeAt,
      tiers.get(customer.id)?.nextChangeAt,
      ignored.nextChangeAt,
    );
    rows.push({ id: customer.id, risk, engagement, satisfaction, recomputeAt });
    if (risk.score !== customer.riskScore || risk.level !== customer.riskLevel) {
      result.riskChanged.push({ customerId: customer.id, level: risk.level });
      emit(tx, 'customer.risk_changed', {
        customer: encodeGlobalID('Customer', customer.id),
        externalId: customer.externalId,
        score: risk.score,
        level: risk.level,
        previousLevel: customer.riskLevel,
      });
    }
    await updateAlerts(tx, organizationId, customer, risk, ignored, facts, now, result.news, isTopSpenderNow);
  }

  // One statement writes every customer's read model.
  await tx.$executeRaw(Prisma.sql`
    UPDATE "Customer" AS c SET
      "riskScore" = v.score, "riskLevel" = v.level::"RiskLevel", "riskFactors" = v.factors,
      "riskComputedAt" = ${now}, "engagement" = v.engagement, "engagementParts" = v.engagement_parts,
      "satisfaction" = v.satisfaction, "satisfactionParts" = v.satisfaction_parts,
      "satisfactionKnown" = v.known, "recomputeAt" = v.recompute_at
    FROM (
      SELECT unnest(${rows.map((row) => row.id)}::text[]) AS id,
             unnest(${rows.map((row) => row.risk.score)}::int[]) AS score,
             unnest(${rows.map((row) => row.risk.level)}::text[]) AS level,
             unnest(${rows.map((row) => JSON.stringify(row.risk.factors))}::jsonb[]) AS factors,
             unnest(${rows.map((row) => row.engagement.score)}::int[]) AS engagement,
             unnest(${rows.map((row) => JSON.stringify(row.engagement.parts))}::jsonb[]) AS engagement_parts,
             unnest(${rows.map((row) => row.satisfaction.score)}::int[]) AS satisfaction,
             unnest(${rows.map((row) => JSON.stringify(row.satisfaction.parts))}::jsonb[]) AS satisfaction_parts,
             unnest(${rows.map((row) => row.satisfaction.known)}::boolean[]) AS known,
             unnest(${rows.map((row) => row.recomputeAt?.toISOString() ?? null)}::timestamp(3)[]) AS recompute_at
    ) AS v
    WHERE c.id = v.id AND c."organizationId" = ${organizationId}`);
  emitAlertNews(tx, result.news);
  return result;
}

/** PRODUCT.md "Alerts": decides what the new facts raise, escalate or resolve, and applies it. */
async function updateAlerts(
  tx: TenantTx,
  organizationId: string,
  customer: Customer,
  risk: ChurnRisk,
  ignored: IgnoredAlert,
  facts: Facts,
  now: Date,
  news: AlertNews,
  isTopSpender: (customerId: string) => Promise<boolean>,
): Promise<void> {
  const alerts = facts.alerts.get(customer.id) ?? [];
  const alertFacts: CustomerAlertFacts = {
    customerName: customer.name,
    previousLevel: customer.riskLevel,
    risk,
    experiences: facts.experiences.get(customer.id) ?? [],
    feedback: facts.feedback.get(customer.id) ?? [],
    ignored: ignored.due,
    incidents: facts.incidents.get(customer.id) ?? [],
    alerts,
    topSpender: undefined,
  };
  // Whether the customer is a top spender costs a query: asked only when an IGNORED alert needs it.
  const first = decideAlerts(alertFacts, now);
  const decision = first.needsTopSpender
    ? decideAlerts({ ...alertFacts, topSpender: await isTopSpender(customer.id) }, now)
    : first;
  const alertById = (id: string) => alerts.find((alert) => alert.id === id)!;
  for (const action of decision.actions) {
    if (action.action === 'RESOLVE') {
      await resolveByItself(tx, alertById(action.alertId), action.note, now, news);
    } else {
      const open = action.action === 'ESCALATE' ? alertById(action.alertId) : undefined;
      await raiseOrEscalate(tx, organizationId, { ...action.cause, customerId: customer.id }, open, now, news);
    }
  }
}

/** Recomputes customers of one organization in their own transaction. */
export async function recomputeCustomers(organizationId: string, customerIds: string[]): Promise<RecomputeResult> {
  const settings = await organizationSettings(systemCaller(organizationId));
  const now = runtime().clock.now();
  return writeTransaction(organizationId, (tx) => recomputeIn(tx, organizationId, customerIds, settings, now));
}

/**
 * Recomputes the customers a write touched in the write's own transaction, before its events are
 * appended: no second transaction, lock, settings read or event-sequence update per write. The
 * write has locked the customers and marked them for recompute (recomputeAt = now). The recompute
 * runs under a savepoint: if it fails, what it wrote and emitted is undone, the write still
 * commits, and the customers stay marked for the background job.
 */
export async function recomputeWithinWrite(
  tx: TenantTx,
  organizationId: string,
  customerIds: string[],
  settings: OrganizationSettings,
  now: Date,
  options: RecomputeOptions = {},
): Promise<void> {
  const unique = [...new Set(customerIds)];
  if (unique.length === 0) return;
  const outcome = await underSavepoint(tx, () => recomputeIn(tx, organizationId, unique, settings, now, options));
  if ('error' in outcome) {
    runtime().log.error('recompute within a write failed; the background job will retry', {
      organizationId,
      error: outcome.error,
    });
  }
}

/** Marks customers for recompute in the write's own transaction (see recomputeWithinWrite). */
export async function markForRecompute(tx: TenantTx, customerIds: string[], now: Date): Promise<void> {
  if (customerIds.length === 0) return;
  await tx.customer.updateMany({ where: { id: { in: [...new Set(customerIds)] } }, data: { recomputeAt: now } });
}

/** How many customers one recompute takes at most: bounded memory and transaction length. */
export const RECOMPUTE_BATCH = 500;

/** How long the job leaves a customer whose recompute failed before it tries again. */
export const RECOMPUTE_RETRY_MS = 60 * 60 * 1000;

/**
 * Recomputes a batch of due customers; returns how many succeeded. A batch that fails is split in
 * halves until the customers that fail on their own are found: those are logged and left until
 * RECOMPUTE_RETRY_MS later, so one broken customer neither holds back the others nor is retried
 * every round.
 */
async function recomputeDueBatch(organizationId: string, customerIds: string[], now: Date): Promise<number> {
  try {
    await recomputeCustomers(organizationId, customerIds);
    return customerIds.length;
  } catch (error) {
    const { db, log } = runtime();
    if (customerIds.length === 1) {
      const retryAt = new Date(now.getTime() + RECOMPUTE_RETRY_MS);
      log.error('recompute of a customer failed; the job tries again later', {
        organizationId,
        customerId: customerIds[0],
        retryAt,
        error,
      });
      await db.forOrganization(organizationId).customer.updateMany({
        where: { id: customerIds[0] },
        data: { recomputeAt: retryAt },
      });
      return 0;
    }
    const half = Math.ceil(customerIds.length / 2);
    return (
      (await recomputeDueBatch(organizationId, customerIds.slice(0, half), now)) +
      (await recomputeDueBatch(organizationId, customerIds.slice(half), now))
    );
  }
}

/**
 * The background job: every customer whose time-based facts changed since their last computation.
 * An organization whose customers cannot even be listed is logged and skipped for this round.
 */
export async function recomputeDueCustomers(now: Date): Promise<number> {
  const { db, log } = runtime();
  const organizations = await db.acrossOrganizations.organization.findMany({ select: { id: true } });
  let recomputed = 0;
  for (const organization of organizations) {
    try {
      for (;;) {
        const due = await db.forOrganization(organization.id).customer.findMany({
          where: { recomputeAt: { lte: now } },
          select: { id: true },
          orderBy: { recomputeAt: 'asc' },
          take: RECOMPUTE_BATCH,
        });
        if (due.length === 0) break;
        recomputed += await recomputeDueBatch(
          organization.id,
          due.map((customer) => customer.id),
          now,
        );
        if (due.length < RECOMPUTE_BATCH) break;
      }
    } catch (error) {
      log.error('recomputing an organization failed; the job tries again next round', {
        organizationId: organization.id,
        error,
      });
    }
  }
  return recomputed;
}
