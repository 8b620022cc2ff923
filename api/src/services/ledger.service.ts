// The points ledger: append-only entries whose balanceAfter chains per customer, the customer's
// balance kept equal to the sum of the ledger, and earned points kept in lots that spending
// takes oldest-first. Customers are locked (in id order) for the length of the transaction, so
// concurrent writers queue instead of overdrawing.
import { randomUUID } from 'node:crypto';
import { Prisma } from '../generated/prisma/client.ts';
import type { TenantTx } from '../db/client.ts';
import { bulkInsert, type Column } from '../db/bulk-insert.ts';
import { InsufficientPointsError } from '../domain/errors.ts';
import type { PointsEntryKind, Tier } from '../domain/types.ts';
import type { OrganizationSettings } from '../domain/settings.ts';
import { planSpend } from '../domain/points/plan-spend.ts';
import { tierStatus, type Earning } from '../domain/points/tier-status.ts';
import type { TenantDbLike } from '../runtime.ts';
import { addMonthsUtc } from '../domain/time/add-months.ts';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { emit } from './event-log.service.ts';

/** Kinds whose points count toward the tier. */
export const EARNING_KINDS: PointsEntryKind[] = ['EARN_PURCHASE', 'EARN_FEEDBACK', 'EARN_BONUS'];

export interface NewEntry {
  customerId: string;
  delta: number;
  kind: PointsEntryKind;
  reason: { code: string; params: object };
  /** When what it records happened. */
  occurredAt: Date;
  /** For points gained: when they expire (null: never). Spent points take the oldest lots first. */
  expiresAt?: Date | null;
  purchaseId?: string | null;
  redemptionId?: string | null;
  feedbackId?: string | null;
  /** An EXPIRE entry names the lot it empties. */
  expiresLotId?: string;
}

interface EntryRow extends Record<string, string | number | Date | object | null> {
  id: string;
  organizationId: string;
  customerId: string;
  delta: number;
  kind: PointsEntryKind;
  reason: string;
  reasonParams: object;
  balanceAfter: number;
  expiresAt: Date | null;
  occurredAt: Date;
  purchaseId: string | null;
  redemptionId: string | null;
  feedbackId: string | null;
  createdAt: Date;
}

const ENTRY_COLUMNS: Column<EntryRow>[] = [
  ['id', 'text'],
  ['organizationId', 'text'],
  ['customerId', 'text'],
  ['delta', 'int'],
  ['kind', '"PointsEntryKind"'],
  ['reason', 'text'],
  ['reasonParams', 'jsonb'],
  ['balanceAfter', 'int'],
  ['expiresAt', 'timestamp(3)'],
  ['occurredAt', 'timestamp(3)'],
  ['purchaseId', 'text'],
  ['redemptionId', 'text'],
  ['feedbackId', 'text'],
  ['createdAt', 'timestamp(3)'],
];

interface LotRow extends Record<string, string | number | Date | null> {
  id: string;
  organizationId: string;
  customerId: string;
  entryId: string;
  purchaseId: string | null;
  points: number;
  remaining: number;
  expiresAt: Date | null;
  createdAt: Date;
}

const LOT_COLUMNS: Column<LotRow>[] = [
  ['id', 'text'],
  ['organizationId', 'text'],
  ['customerId', 'text'],
  ['entryId', 'text'],
  ['purchaseId', 'text'],
  ['points', 'int'],
  ['remaining', 'int'],
  ['expiresAt', 'timestamp(3)'],
  ['createdAt', 'timestamp(3)'],
];

interface Lot {
  id: string;
  customerId: string;
  remaining: number;
  expiresAt: Date | null;
  earnedAt: Date;
}

/**
 * Locks the customers' rows until the transaction ends and returns their balances: step 2 of the
 * lock order (transaction.service.ts). FOR NO KEY UPDATE, like an UPDATE of the row, so it does not
 * wait for writers that only insert rows referring to the customer.
 */
export async function lockCustomers(
  tx: TenantTx,
  organizationId: string,
  customerIds: string[],
): Promise<Map<string, number>> {
  const ids = [...new Set(customerIds)].sort();
  if (ids.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ id: string; pointsBalance: number }[]>(Prisma.sql`
    SELECT id, "pointsBalance" FROM "Customer"
    WHERE "organizationId" = ${organizationId} AND id = ANY(${ids}::text[])
    ORDER BY id FOR NO KEY UPDATE`);
  return new Map(rows.map((row) => [row.id, row.pointsBalance]));
}

export type TierStatuses = Map<string, { tier: Tier; nextChangeAt: Date | null }>;

export interface AppendedEntries {
  entryIds: string[];
  /** The tiers of the customers whose points changed, as updateTiers set them. */
  tiers: TierStatuses;
}

/**
 * Appends entries in order. A spending entry that would take a balance below zero throws
 * InsufficientPointsError and the transaction writes nothing. `locked`: the balances lockCustomers
 * returned earlier in this transaction, so the customers are not locked and read a second time.
 */
export async function appendEntries(
  tx: TenantTx,
  organizationId: string,
  entries: NewEntry[],
  settings: OrganizationSettings,
  now: Date,
  locked?: Map<string, number>,
): Promise<AppendedEntries> {
  const real = entries.filter((entry) => entry.delta !== 0);
  if (real.length === 0) return { entryIds: [], tiers: new Map() };
  const customerIds = [...new Set(real.map((entry) => entry.customerId))];
  const balances =
    locked && customerIds.every((id) => locked.has(id))
      ? new Map(customerIds.map((id) => [id, locked.get(id)!]))
      : await lockCustomers(tx, organizationId, customerIds);

  const spenders = [...new Set(real.filter((entry) => entry.delta < 0).map((entry) => entry.customerId))];
  const lots: Lot[] =
    spenders.length === 0
      ? []
      : (
          await tx.pointsLot.findMany({
            where: { customerId: { in: spenders }, remaining: { gt: 0 } },
            select: { id: true, customerId: true, remaining: true, expiresAt: true, createdAt: true },
          })
        ).map((lot) => ({ ...lot, earnedAt: lot.createdAt }));
  const lotsTaken = new Map<string, number>();

  const rows: EntryRow[] = [];
  const newLots: LotRow[] = [];
  for (const entry of real) {
    const balance = balances.get(entry.customerId) ?? 0;
    const after = balance + entry.delta;
    if (after < 0) throw new InsufficientPointsError(balance, -entry.delta);
    balances.set(entry.customerId, after);
    const id = randomUUID();
    rows.push({
      id,
      organizationId,
      customerId: entry.customerId,
      delta: entry.delta,
      kind: entry.kind,
      reason: entry.reason.code,
      reasonParams: entry.reason.params,
      balanceAfter: after,
      expiresAt: entry.expiresAt ?? null,
      occurredAt: entry.occurredAt,
      purchaseId: entry.purchaseId ?? null,
      redemptionId: entry.redemptionId ?? null,
      feedbackId: entry.feedbackId ?? null,
      createdAt: now,
    });
    if (entry.delta > 0) {
      newLots.push({
        id: randomUUID(),
        organizationId,
        customerId: entry.customerId,
        entryId: id,
        purchaseId: entry.purchaseId ?? null,
        points: entry.delta,
        remaining: entry.delta,
        expiresAt: entry.expiresAt ?? null,
        createdAt: entry.occurredAt,
      });
    } else if (entry.expiresLotId) {
      lotsTaken.set(entry.expiresLotId, (lotsTaken.get(entry.expiresLotId) ?? 0) - entry.delta);
    } else {
      const customerLots = lots
        .filter((lot) => lot.customerId === entry.customerId)
        .map((lot) => ({ ...lot, remaining: lot.remaining - (lotsTaken.get(lot.id) ?? 0) }));
      for (const take of planSpend(customerLots, -entry.delta, now).takes) {
        lotsTaken.set(take.lotId, (lotsTaken.get(take.lotId) ?? 0) + take.points);
      }
    }
  }

  await bulkInsert(tx, 'PointsEntry', ENTRY_COLUMNS, rows);
  await bulkInsert(tx, 'PointsLot', LOT_COLUMNS, newLots);
  if (lotsTaken.size > 0) {
    const ids = [...lotsTaken.keys()];
    await tx.$executeRaw(Prisma.sql`
      UPDATE "PointsLot" AS l SET remaining = GREATEST(0, l.remaining - v.taken)
      FROM (SELECT unnest(${ids}::text[]) AS id, unnest(${ids.map((id) => lotsTaken.get(id)!)}::int[]) AS taken) AS v
      WHERE l.id = v.id AND l."organizationId" = ${organizationId}`);
  }
  const changed = [...balances.keys()];
  await tx.$executeRaw(Prisma.sql`
    UPDATE "Customer" AS c SET "pointsBalance" = v.balance
    FROM (SELECT unnest(${changed}::text[]) AS id, unnest(${changed.map((id) => balances.get(id)!)}::int[]) AS balance) AS v
    WHERE c.id = v.id AND c."organizationId" = ${organizationId}`);
  const tiers = await updateTiers(tx, organizationId, customerIds, settings, now);
  for (const customerId of changed) {
    const own = rows.filter((row) => row.customerId === customerId);
    emit(tx, 'points.changed', {
      customer: encodeGlobalID('Customer', customerId),
      delta: own.reduce((sum, row) => sum + row.delta, 0),
      balance: balances.get(customerId)!,
      entries: own.length,
    });
  }
  for (const [customerId, balance] of balances) locked?.set(customerId, balance);
  return { entryIds: rows.map((row) => row.id as string), tiers };
}

/** What decides a customer's tier: the newest earnings that hold it, and the points of all of them. */
export interface TierEarnings {
  earnings: Earning[];
  pointsLast12Months: number;
}

/**
 * Each customer's earnings of the last 12 months as `tierStatus` needs them: the newest, until
 * those newer than the next reach the GOLD threshold, and what all add up to. The database ranks
 * them, so a customer who earned every day for a year costs a few dozen rows, not hundreds.
 * Ranked by when they happened, they are ranked by when they leave (`+ interval '12 months'` on a
 * timestamp is `addMonthsUtc(…, 12)`, which never puts a later earning's leaving first).
 */
export async function tierEarnings(
  db: TenantDbLike,
  organizationId: string,
  customerIds: string[],
  thresholds: OrganizationSettings['loyalty']['tierThresholds'],
  now: Date,
): Promise<Map<string, TierEarnings>> {
  const rows = await db.$queryRaw<{ customerId: string; points: number; occurredAt: Date; total: number }[]>(
    Prisma.sql`
    SELECT "customerId", points, "occurredAt", total FROM (
      SELECT "customerId", delta AS points, "occurredAt",
        sum(delta) OVER (PARTITION BY "customerId" ORDER BY "occurredAt" DESC ROWS UNBOUNDED PRECEDING) - delta AS newer,
        (sum(delta) OVER (PARTITION BY "customerId"))::int AS total
      FROM "PointsEntry"
      WHERE "organizationId" = ${organizationId} AND "customerId" = ANY(${customerIds}::text[])
        AND kind = ANY(${EARNING_KINDS}::text[]::"PointsEntryKind"[])
        -- The first bound is for the index; the second says which earnings count.
        AND "occurredAt" > ${addMonthsUtc(now, -13)} AND "occurredAt" + interval '12 months' > ${now}
    ) counted
    WHERE newer < ${thresholds.GOLD}`,
  );
  const found = new Map<string, TierEarnings>(customerIds.map((id) => [id, { earnings: [], pointsLast12Months: 0 }]));
  for (const row of rows) {
    const customer = found.get(row.customerId)!;
    customer.earnings.push({ points: row.points, occurredAt: row.occurredAt });
    customer.pointsLast12Months = row.total;
  }
  return found;
}

/** Each customer's tier by the points earned in the last 12 months. */
export async function updateTiers(
  tx: TenantTx,
  organizationId: string,
  customerIds: string[],
  settings: OrganizationSettings,
  now: Date,
): Promise<TierStatuses> {
  const thresholds = settings.loyalty.tierThresholds;
  const earned = await tierEarnings(tx, organizationId, customerIds, thresholds, now);
  const statuses = new Map(
    customerIds.map((id) => {
      const { earnings, pointsLast12Months } = earned.get(id)!;
      return [id, tierStatus(earnings, thresholds, now, pointsLast12Months)];
    }),
  );
  await tx.$executeRaw(Prisma.sql`
    UPDATE "Customer" AS c SET tier = v.tier::"Tier"
    FROM (SELECT unnest(${customerIds}::text[]) AS id, unnest(${customerIds.map((id) => statuses.get(id)!.tier)}::text[]) AS tier) AS v
    WHERE c.id = v.id AND c."organizationId" = ${organizationId} AND c.tier::text <> v.tier`);
  return statuses;
}

/** Customers re-tiered per round trip when the thresholds change. */
const RETIER_PAGE = 1000;

/**
 * Every customer's tier again, by thresholds that just changed, a page of customers at a time.
 * Each page is locked in id order first, as the ledger locks, so a re-tier and a spend queue
 * instead of deadlocking. A tier the new thresholds make fall with time brings the customer's
 * recompute forward to that moment, so the background job lowers it then.
 */
export async function updateEveryTier(
  tx: TenantTx,
  organizationId: string,
  settings: OrganizationSettings,
  now: Date,
): Promise<void> {
  for (let after: string | undefined; ;) {
    const page = await tx.customer.findMany({
      where: after ? { id: { gt: after } } : {},
      orderBy: { id: 'asc' },
      take: RETIER_PAGE,
      select: { id: true },
    });
    if (page.length === 0) return;
    const ids = page.map((customer) => customer.id);
    after = ids[ids.length - 1];
    await lockCustomers(tx, organizationId, ids);
    const statuses = await updateTiers(tx, organizationId, ids, settings, now);
    const falling = ids.filter((id) => statuses.get(id)!.nextChangeAt);
    if (falling.length === 0) continue;
    await tx.$executeRaw(Prisma.sql`
      UPDATE "Customer" AS c SET "recomputeAt" = v.at
      FROM (SELECT unnest(${falling}::text[]) AS id,
                   unnest(${falling.map((id) => statuses.get(id)!.nextChangeAt!.toISOString())}::timestamp(3)[]) AS at) AS v
      WHERE c.id = v.id AND c."organizationId" = ${organizationId} AND (c."recomputeAt" IS NULL OR c."recomputeAt" > v.at)`);
  }
}
