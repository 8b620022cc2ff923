// The stakes of an alert: whether its customer is among the organization's top 10 % by 12-month
// spend (domain/alerts/top-spenders.ts). The board orders by it, so it is read for many alerts at
// once: the customers asked for within one tick share one read.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { topSpendRank, topSpendThreshold } from '../domain/alerts/top-spenders.ts';
import { addMonthsUtc } from '../domain/time/add-months.ts';
import { runtime, tenantDb } from '../runtime.ts';
import { organizationSettings } from './organization-settings.service.ts';

/** Which of these customers are top spenders now: three queries, however many customers. */
async function topSpendersAmong(caller: AuthenticatedCaller, customerIds: string[]): Promise<Set<string>> {
  const db = tenantDb(caller);
  const { organizationId } = caller;
  const settings = await organizationSettings(caller);
  const yearOfPurchases = Prisma.sql`
    SELECT "customerId", sum("amountMinor") AS spend FROM "Purchase"
    WHERE "organizationId" = ${organizationId} AND currency = ${settings.defaultCurrency}
      AND "occurredAt" > ${addMonthsUtc(runtime().clock.now(), -12)}
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
  const among = await db.$queryRaw<{ customerId: string }[]>(
    Prisma.sql`SELECT "customerId" FROM (${yearOfPurchases}) AS bought
      WHERE "customerId" = ANY(${customerIds}::text[]) AND spend >= ${threshold} AND spend > 0`,
  );
  return new Set(among.map((row) => row.customerId));
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
      return topSpendersAmong(caller, [...customerIds]);
    });
    batch = { customerIds, top };
    pending.set(caller.organizationId, batch);
  }
  batch.customerIds.add(customerId);
  return batch.top.then((top) => top.has(customerId));
}
