// What recorded events change on their customers, in the same transaction as the events:
// the last personal contact and the earliest recorded event, kept exact even when events arrive
// out of order (back-dated imports).
import { Prisma } from '../generated/prisma/client.ts';
import type { AuthenticatedCaller } from '../auth/caller.ts';
import type { TenantTx } from '../db/client.ts';
import type { OrganizationSettings } from '../domain/settings.ts';
import type { LedgerReason } from '../domain/points/ledger-sentence.ts';
import { appendEntries, type NewEntry } from './ledger.service.ts';
import { markForRecompute } from './recompute.service.ts';

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
}

function personal(event: AppliedEvent): boolean {
  return event.kind === 'interaction' && (event.input as { personal: boolean }).personal;
}

/** Moves each customer's contact and first-event times, one statement for the whole batch. */
export async function touchCustomers(
  tx: TenantTx,
  organizationId: string,
  touches: { customerId: string; occurredAt: Date; personalContact: boolean }[],
): Promise<void> {
  const byCustomer = new Map<string, { first: Date; lastPersonal: Date | null }>();
  for (const touch of touches) {
    const seen = byCustomer.get(touch.customerId) ?? { first: touch.occurredAt, lastPersonal: null };
    if (touch.occurredAt < seen.first) seen.first = touch.occurredAt;
    if (touch.personalContact && (!seen.lastPersonal || touch.occurredAt > seen.lastPersonal))
      seen.lastPersonal = touch.occurredAt;
    byCustomer.set(touch.customerId, seen);
  }
  if (byCustomer.size === 0) return;
  const ids = [...byCustomer.keys()];
  const firsts = ids.map((id) => byCustomer.get(id)!.first.toISOString());
  const lasts = ids.map((id) => byCustomer.get(id)!.lastPersonal?.toISOString() ?? null);
  // GREATEST and LEAST skip NULLs: an older event never moves a newer time back.
  await tx.$executeRaw(Prisma.sql`
    UPDATE "Customer" AS c
    SET "firstEventAt" = LEAST(c."firstEventAt", v.first),
        "lastPersonalContactAt" = GREATEST(c."lastPersonalContactAt", v.last_personal)
    FROM (
      SELECT unnest(${ids}::text[]) AS id,
             unnest(${firsts}::timestamp(3)[]) AS first,
             unnest(${lasts}::timestamp(3)[]) AS last_personal
    ) AS v
    WHERE c.id = v.id AND c."organizationId" = ${organizationId}`);
}

export async function applyEventEffects(
  tx: TenantTx,
  caller: AuthenticatedCaller,
  events: AppliedEvent[],
  settings: OrganizationSettings,
  now: Date,
): Promise<void> {
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
  await appendEntries(tx, caller.organizationId, earnings, settings, now);
  await markForRecompute(
    tx,
    events.map((event) => event.customerId),
    now,
  );
  await touchCustomers(
    tx,
    caller.organizationId,
    events.map((event) => ({
      customerId: event.customerId,
      occurredAt: event.occurredAt,
      personalContact: personal(event),
    })),
  );
}
