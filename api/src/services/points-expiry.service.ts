// Points expire as time passes: what remains of a lot at its expiresAt leaves with an EXPIRE entry
// naming the purchase it came from. The background job expires every organization's due lots;
// a spend first expires its customer's, so expired points are never spent in the gap between runs.
import { Prisma } from '../generated/prisma/client.ts';
import type { TenantTx } from '../db/client.ts';
import { systemCaller } from '../auth/caller.ts';
import { lotsToExpire } from '../domain/points/lots-to-expire.ts';
import type { LedgerParams } from '../domain/points/ledger-sentence.ts';
import type { OrganizationSettings } from '../domain/settings.ts';
import { db } from '../runtime.ts';
import { writeTransaction } from './transaction.service.ts';
import { appendEntries, lockCustomers, type NewEntry } from './ledger.service.ts';
import { organizationSettings } from './organization-settings.service.ts';

/** Customers per transaction: a round of the job keeps each lock short. */
const BATCH = 500;

/**
 * Empties the customers' lots whose expiresAt has come. The lots are read after the customers are
 * locked (every lot change happens under that lock), so a second run, concurrent or later, finds
 * them empty and writes nothing: expiry happens once.
 */
export async function expireDueLots(
  tx: TenantTx,
  organizationId: string,
  customerIds: string[],
  settings: OrganizationSettings,
  now: Date,
): Promise<number> {
  if (customerIds.length === 0) return 0;
  await lockCustomers(tx, organizationId, customerIds);
  const lots = await tx.pointsLot.findMany({
    where: { customerId: { in: customerIds }, remaining: { gt: 0 }, expiresAt: { lte: now } },
    select: {
      id: true,
      customerId: true,
      remaining: true,
      expiresAt: true,
      createdAt: true,
      purchase: { select: { id: true, amountMinor: true, currency: true, occurredAt: true } },
    },
  });
  const entries: NewEntry[] = lotsToExpire(
    lots.map((lot) => ({ ...lot, earnedAt: lot.createdAt })),
    now,
  ).map(({ lot, points }) => {
    const params: LedgerParams['EXPIRE'] = lot.purchase
      ? {
          points,
          purchasedAt: lot.purchase.occurredAt.toISOString(),
          amountMinor: Number(lot.purchase.amountMinor),
          currency: lot.purchase.currency,
        }
      : { points };
    return {
      customerId: lot.customerId,
      delta: -points,
      kind: 'EXPIRE',
      reason: { code: 'EXPIRE', params },
      occurredAt: lot.expiresAt!,
      purchaseId: lot.purchase?.id ?? null,
      expiresLotId: lot.id,
    };
  });
  await appendEntries(tx, organizationId, entries, settings, now);
  return entries.length;
}

/** The job: every organization's due lots, a batch of customers per transaction. Returns the entries written. */
export async function expirePoints(now: Date): Promise<number> {
  const organizations = await db().acrossOrganizations.$queryRaw<{ organizationId: string }[]>(Prisma.sql`
    SELECT DISTINCT "organizationId" FROM "PointsLot" WHERE remaining > 0 AND "expiresAt" <= ${now}`);
  let written = 0;
  for (const { organizationId } of organizations) {
    const tenant = db().forOrganization(organizationId);
    const settings = await organizationSettings(systemCaller(organizationId));
    for (;;) {
      const due = await tenant.$queryRaw<{ customerId: string }[]>(Prisma.sql`
        SELECT DISTINCT "customerId" FROM "PointsLot"
        WHERE "organizationId" = ${organizationId} AND remaining > 0 AND "expiresAt" <= ${now}
        LIMIT ${BATCH}`);
      if (due.length === 0) break;
      written += await writeTransaction(organizationId, (tx) =>
        expireDueLots(
          tx,
          organizationId,
          due.map((row) => row.customerId),
          settings,
          now,
        ),
      );
    }
  }
  return written;
}
