// The stakes of an alert: whether its customer is among the organization's top 10 % by 12-month
// spend (domain/alerts/top-spenders.ts). Ranking a year of every customer's purchases is work for
// a background job (refreshTopSpendThresholds), whose threshold is stored; a write or the board
// compares only its own customers' spend with it. The board orders by it, so it is read for many
// alerts at once: the customers asked for within one tick share one read.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import type { TenantDbLike } from '../runtime.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { isTopSpender, topSpendRank, topSpendThreshold } from '../domain/alerts/top-spenders.ts';
import { addMonthsUtc } from '../domain/time/add-months.ts';
import { runtime, tenantDb } from '../runtime.ts';
import { settingsOf } from '../domain/settings.ts';
import { organizationSettings } from './organization-settings.service.ts';

/**
 * The organization's threshold from a year of its purchases: every customer counts, those who
 * bought nothing with 0, but only the top rank of spends leaves the database.
 */
async function computeThreshold(
  db: TenantDbLike,
  organizationId: string,
  currency: string,
  now: Date,
): Promise<number | null> {
  const [{ customers }] = await db.$queryRaw<{ customers: bigint }[]>(
    Prisma.sql`SELECT count(*) AS customers FROM "Customer" WHERE "organizationId" = ${organizationId}`,
  );
  const top = await db.$queryRaw<{ spend: bigint }[]>(Prisma.sql`
    SELECT sum("amountMinor") AS spend FROM "Purchase"
    WHERE "organizationId" = ${organizationId} AND currency = ${currency} AND "occurredAt" > ${addMonthsUtc(now, -12)}
    GROUP BY "customerId" ORDER BY spend DESC LIMIT ${topSpendRank(Number(customers))}`);
  return topSpendThreshold(
    Number(customers),
    top.map((row) => Number(row.spend)),
  );
}

/** Ranks the organization's year and stores its threshold, as the job does each round. */
async function rankAndStore(db: TenantDbLike, organizationId: string, currency: string, now: Date) {
  const threshold = await computeThreshold(db, organizationId, currency, now);
  // One statement: two writes that both found none (two batches of an import) store in turn,
  // where a read-then-insert would refuse the second.
  await db.$executeRaw(Prisma.sql`
    INSERT INTO "TopSpendThreshold" ("organizationId", currency, "thresholdMinor", "computedAt")
    VALUES (${organizationId}, ${currency}, ${threshold === null ? null : BigInt(threshold)}, ${now})
    ON CONFLICT ("organizationId") DO UPDATE
      SET currency = EXCLUDED.currency, "thresholdMinor" = EXCLUDED."thresholdMinor", "computedAt" = EXCLUDED."computedAt"`);
  return threshold;
}

/**
 * The background job: each organization's threshold in its default currency, computed and stored.
 * An organization that fails is logged and keeps its last threshold until the next round.
 */
export async function refreshTopSpendThresholds(now: Date): Promise<void> {
  const { db, log } = runtime();
  const organizations = await db.acrossOrganizations.organization.findMany({ select: { id: true, settings: true } });
  for (const organization of organizations) {
    try {
      const currency = settingsOf(organization.settings).defaultCurrency;
      await rankAndStore(db.forOrganization(organization.id), organization.id, currency, now);
    } catch (error) {
      log.error('computing the top 10 % spend failed; the job tries again next round', {
        organizationId: organization.id,
        error,
      });
    }
  }
}

/**
 * Which of these customers are in the organization's top 10 % by 12-month spend in its default
 * currency: the stored threshold and these customers' own spend. Until the job has stored one for
 * this currency (a new organization, a changed currency) it is computed here; a write (`store`)
 * stores it as the job would, so the writes after it (the batches of an import) do not rank the
 * year again before the job's next round.
 */
export async function topSpendersAmong(
  db: TenantDbLike,
  organizationId: string,
  currency: string,
  customerIds: string[],
  now: Date,
  { store = false } = {},
): Promise<Set<string>> {
  const stored = await db.topSpendThreshold.findUnique({
    where: { organizationId },
    select: { currency: true, thresholdMinor: true },
  });
  const threshold =
    stored?.currency === currency
      ? stored.thresholdMinor === null
        ? null
        : Number(stored.thresholdMinor)
      : store
        ? await rankAndStore(db, organizationId, currency, now)
        : await computeThreshold(db, organizationId, currency, now);
  if (threshold === null || customerIds.length === 0) return new Set();
  const own = await db.$queryRaw<{ customerId: string; spend: bigint }[]>(Prisma.sql`
    SELECT "customerId", sum("amountMinor") AS spend FROM "Purchase"
    WHERE "organizationId" = ${organizationId} AND "customerId" = ANY(${customerIds}::text[])
      AND currency = ${currency} AND "occurredAt" > ${addMonthsUtc(now, -12)}
    GROUP BY "customerId"`);
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
