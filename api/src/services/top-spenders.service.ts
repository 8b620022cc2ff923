// The stakes of an alert: whether its customer is among the organization's top 10 % by 12-month
// spend (domain/alerts/top-spenders.ts). The board orders by it, so it is read for many alerts at
// once: the customers asked for within one tick share one read.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import type { TenantDbLike } from '../runtime.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { isTopSpender, topSpendRank, topSpendThreshold } from '../domain/alerts/top-spenders.ts';
import { addMonthsUtc } from '../domain/time/add-months.ts';
import { runtime, tenantDb } from '../runtime.ts';
import { organizationSettings } from './organization-settings.service.ts';

/**
 * Which of these customers are in the organization's top 10 % by 12-month spend in its default
 * currency: three queries, however many customers. Every customer counts, those who bought nothing
 * with 0, but only the top rank of spends and these customers' own are read, so the cost does not
 * grow with the customers left alone.
 */
export async function topSpendersAmong(
  db: TenantDbLike,
  organizationId: string,
  currency: string,
  customerIds: string[],
  now: Date,
): Promise<Set<string>> {
  const yearOfPurchases = Prisma.sql`
    SELECT "customerId", sum("amountMinor") AS spend FROM "Purchase"
    WHERE "organizationId" = ${organizationId} AND currency = ${currency}
      AND "occurredAt" > ${addMonthsUtc(now, -12)}
    GROUP BY "customerId"`;
  const [{ customers }] = await db.$queryRaw<{ customers: bigint }[]>(
    Prisma.sql`SELECT count(*) AS customers FROM "Customer" WHERE "organizationId" = ${organizationId}`,
  );
  const top = await db.$queryRaw<{ spend: bigint }[]>(
    Prisma.sql`SELECT spend FROM (${yearOfPurchases}) AS bought ORDER BY spend DESC LIMIT ${topSpendRank(Number(customers))}`,
  );
  const threshold = topSpendThreshold(
    Number(customers),
    top.map((row) => Number(row.spend)),
  );
  if (threshold === null) return new Set();
  const own = await db.$queryRaw<{ customerId: string; spend: bigint }[]>(
    Prisma.sql`SELECT "customerId", spend FROM (${yearOfPurchases}) AS bought WHERE "customerId" = ANY(${customerIds}::text[])`,
  );
  return new Set(own.filter((row) => isTopSpender(Number(row.spend), threshold)).map((row) => row.customerId));
}

/** The batch collecting customers in the current tick, per organization; gone once it is read. */
const pending = new Map<string, { customerIds: Set<string>; top: Promise<Set<string>> }>();

/**
 * Whether the customer is a top spender. Calls in the same tick (the alerts of one page, the
 * subscribers of one event) share one read; nothing is kept after it, so a live board is never
 * told an old answer.
 */
export function isTopSpenderNow(caller: AuthenticatedCaller, customerId: string): Promise<boolean> {
  let batch = pending.get(caller.organizationId);
  if (!batch) {
    const customerIds = new Set<string>();
    const top = new Promise((resolve) => setImmediate(resolve)).then(() => {
      pending.delete(caller.organizationId);
      return organizationSettings(caller).then((settings) =>
        topSpendersAmong(
          tenantDb(caller),
          caller.organizationId,
          settings.defaultCurrency,
          [...customerIds],
          runtime().clock.now(),
        ),
      );
    });
    batch = { customerIds, top };
    pending.set(caller.organizationId, batch);
  }
  batch.customerIds.add(customerId);
  return batch.top.then((top) => top.has(customerId));
}
