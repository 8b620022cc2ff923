// What recorded events change on their customers, in the same transaction as the events:
// the last personal contact, the earliest recorded event, the first purchase and the latest NPS
// answer, kept exact even when events arrive out of order (back-dated imports).
import { Prisma } from '../generated/prisma/client.ts';
import type { AuthenticatedCaller } from '../auth/caller.ts';
import type { TenantTx } from '../db/client.ts';
import type { OrganizationSettings } from '../domain/settings.ts';
import type { LedgerReason } from '../domain/points/ledger-sentence.ts';
import { appendEntries, type NewEntry, type TierStatuses } from './ledger.service.ts';

/** What an event earns, decided before it is stored: a purchase's points or an answer's participation points. */
export interface Earning {
  points: number;
  expiresAt: Date;
  reason: Extract<LedgerReason, { code: 'EARN_PURCHASE' | 'EARN_FEEDBACK' }>;
}

export interface AppliedEvent {
  kind: 'purchase' | 'interaction' | 'feedback' | 'incident';
  id: string;
  customerId: string;
  occurredAt: Date;
  input: unknown;
  earned?: Earning | null;
  /** The score of an answer to an NPS survey. */
  npsScore?: number | null;
}

function personal(event: AppliedEvent): boolean {
  return event.kind === 'interaction' && (event.input as { personal: boolean }).personal;
}

interface Touch {
  customerId: string;
  occurredAt: Date;
  personalContact: boolean;
  purchase?: boolean;
  npsScore?: number | null;
}

interface Seen {
  first: Date;
  lastPersonal: Date | null;
  firstPurchase: Date | null;
  latestNps: { score: number; at: Date } | null;
}

/**
 * Moves each customer's contact, first-event, first-purchase and NPS facts, one statement for the
 * whole batch. `recomputeAt`: also marks them for recompute (markForRecompute) in the same statement.
 */
export async function touchCustomers(
  tx: TenantTx,
  organizationId: string,
  touches: Touch[],
  recomputeAt?: Date,
): Promise<void> {
  const byCustomer = new Map<string, Seen>();
  for (const touch of touches) {
    const at = touch.occurredAt;
    const seen = byCustomer.get(touch.customerId) ?? {
      first: at,
      lastPersonal: null,
      firstPurchase: null,
      latestNps: null,
    };
    if (at < seen.first) seen.first = at;
    if (touch.personalContact && (!seen.lastPersonal || at > seen.lastPersonal)) seen.lastPersonal = at;
    if (touch.purchase && (!seen.firstPurchase || at < seen.firstPurchase)) seen.firstPurchase = at;
    if (touch.npsScore != null && (!seen.latestNps || at >= seen.latestNps.at))
      seen.latestNps = { score: touch.npsScore, at };
    byCustomer.set(touch.customerId, seen);
  }
  if (byCustomer.size === 0) return;
  const ids = [...byCustomer.keys()];
  const seen = ids.map((id) => byCustomer.get(id)!);
  // GREATEST and LEAST skip NULLs: an older event never moves a newer time back, and an older
  // NPS answer never replaces a newer one.
  await tx.$executeRaw(Prisma.sql`
    UPDATE "Customer" AS c
    SET "firstEventAt" = LEAST(c."firstEventAt", v.first),
        "lastPersonalContactAt" = GREATEST(c."lastPersonalContactAt", v.last_personal),
        "firstPurchaseAt" = LEAST(c."firstPurchaseAt", v.first_purchase),
        "latestNpsScore" = CASE WHEN v.nps_at IS NOT NULL AND (c."latestNpsAt" IS NULL OR v.nps_at >= c."latestNpsAt")
                                THEN v.nps_score ELSE c."latestNpsScore" END,
        "latestNpsAt" = GREATEST(c."latestNpsAt", v.nps_at),
        "recomputeAt" = ${recomputeAt ? Prisma.sql`${recomputeAt.toISOString()}::timestamp(3)` : Prisma.sql`c."recomputeAt"`}
    FROM (
      SELECT unnest(${ids}::text[]) AS id,
             unnest(${seen.map((one) => one.first.toISOString())}::timestamp(3)[]) AS first,
             unnest(${seen.map((one) => one.lastPersonal?.toISOString() ?? null)}::timestamp(3)[]) AS last_personal,
             unnest(${seen.map((one) => one.firstPurchase?.toISOString() ?? null)}::timestamp(3)[]) AS first_purchase,
             unnest(${seen.map((one) => one.latestNps?.score ?? null)}::int[]) AS nps_score,
             unnest(${seen.map((one) => one.latestNps?.at.toISOString() ?? null)}::timestamp(3)[]) AS nps_at
    ) AS v
    WHERE c.id = v.id AND c."organizationId" = ${organizationId}`);
}

/**
 * `locked`: the customers' balances, locked in this transaction (lockCustomers). Returns the tiers
 * of the customers whose points changed, for the recompute that follows in the same transaction.
 */
export async function applyEventEffects(
  tx: TenantTx,
  caller: AuthenticatedCaller,
  events: AppliedEvent[],
  settings: OrganizationSettings,
  now: Date,
  locked?: Map<string, number>,
): Promise<TierStatuses> {
  const earnings: NewEntry[] = events
    .filter((event) => event.earned && event.earned.points > 0)
    .map((event) => ({
      customerId: event.customerId,
      delta: event.earned!.points,
      kind: event.earned!.reason.code,
      reason: event.earned!.reason,
      occurredAt: event.occurredAt,
      expiresAt: event.earned!.expiresAt,
      purchaseId: event.kind === 'purchase' ? event.id : null,
      feedbackId: event.kind === 'feedback' ? event.id : null,
    }));
  const { tiers } = await appendEntries(tx, caller.organizationId, earnings, settings, now, locked);
  // Marked for recompute (markForRecompute) in the statement that touches them: if their
  // recompute fails, the background job does it.
  await touchCustomers(
    tx,
    caller.organizationId,
    events.map((event) => ({
      customerId: event.customerId,
      occurredAt: event.occurredAt,
      personalContact: personal(event),
      purchase: event.kind === 'purchase',
      npsScore: event.npsScore,
    })),
    now,
  );
  return tiers;
}
