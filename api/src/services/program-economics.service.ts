// What the rewards of a period cost against the retention they bought (domain/economics): the
// redemptions of the period, and for every customer compared whether they bought again within
// 90 days and the tier they had when those 90 days began, worked out in the database so the
// answer costs one query whatever the customer count.
import { Prisma } from '../generated/prisma/client.ts';
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { FieldErrors } from '../domain/errors.ts';
import { unacceptedCurrency } from '../domain/points/earn-points.ts';
import { programEconomics, type ProgramEconomics } from '../domain/economics/program-economics.ts';
import { tierForPoints } from '../domain/points/tier-for-points.ts';
import { tenantDb } from '../runtime.ts';
import { EARNING_KINDS } from './ledger.service.ts';
import { organizationSettings } from './organization-settings.service.ts';

export interface EconomicsPeriod {
  from: Date;
  to: Date;
  /** Of the rewards' unit costs; default: the organization's. Rewards costed in another currency are left out. */
  currency?: string | null;
}

export interface ProgramEconomicsReport extends ProgramEconomics {
  from: Date;
  to: Date;
  currency: string;
}

const RETENTION_DAYS = 90;

export async function programEconomicsFor(
  caller: AuthenticatedCaller,
  period: EconomicsPeriod,
): Promise<ProgramEconomicsReport> {
  const settings = await organizationSettings(caller);
  const currency = period.currency ?? settings.defaultCurrency;
  const problems = new FieldErrors();
  if (period.to <= period.from) problems.add(['to'], 'The period ends after it starts.');
  const unaccepted = unacceptedCurrency(currency, settings.loyalty);
  if (unaccepted) problems.add(['currency'], unaccepted);
  problems.throwIfAny();

  const db = tenantDb(caller);
  const { from, to } = period;
  const redemptions = await db.redemption.findMany({
    where: { createdAt: { gte: from, lt: to }, reward: { unitCostCurrency: currency } },
    select: {
      customerId: true,
      rewardId: true,
      points: true,
      status: true,
      reward: { select: { name: true, unitCostMinor: true } },
    },
  });
  // Compared: the period's redeemers and every customer already known at its start. A redeemer
  // counts from their first fulfilled redemption in the period, everyone else from its start, and
  // each in the tier they had then (the points earned in the 12 months before), not the tier they
  // have today: a customer who became GOLD later was no GOLD customer in the period.
  const compared = await db.$queryRaw<{ customerId: string; pointsLast12Months: number; boughtAgain: boolean }[]>(
    Prisma.sql`
    WITH first_redemption AS (
      SELECT r."customerId", min(r."createdAt") AS at
      FROM "Redemption" r JOIN "Reward" w ON w.id = r."rewardId" AND w."organizationId" = r."organizationId"
      WHERE r."organizationId" = ${caller.organizationId} AND r.status = 'FULFILLED'
        AND r."createdAt" >= ${from} AND r."createdAt" < ${to} AND w."unitCostCurrency" = ${currency}
      GROUP BY r."customerId"
    ),
    compared AS (
      SELECT c.id, c."organizationId", COALESCE(r.at, ${from}) AS since
      FROM "Customer" c LEFT JOIN first_redemption r ON r."customerId" = c.id
      WHERE c."organizationId" = ${caller.organizationId}
        AND (r.at IS NOT NULL OR c."createdAt" < ${from} OR c."firstEventAt" < ${from})
    )
    SELECT c.id AS "customerId", (
      SELECT COALESCE(sum(e.delta), 0)::int FROM "PointsEntry" e
      WHERE e."organizationId" = c."organizationId" AND e."customerId" = c.id
        AND e.kind = ANY(${EARNING_KINDS}::text[]::"PointsEntryKind"[])
        -- An earning counts toward the tier until 12 calendar months after it (domain/points/tier-status).
        AND e."occurredAt" <= c.since AND e."occurredAt" + interval '12 months' > c.since
    ) AS "pointsLast12Months", EXISTS (
      SELECT 1 FROM "Purchase" p
      WHERE p."organizationId" = c."organizationId" AND p."customerId" = c.id
        AND p."occurredAt" > c.since AND p."occurredAt" <= c.since + make_interval(days => ${RETENTION_DAYS})
    ) AS "boughtAgain"
    FROM compared c`,
  );
  const customers = compared.map((customer) => ({
    customerId: customer.customerId,
    tier: tierForPoints(customer.pointsLast12Months, settings.loyalty.tierThresholds),
    boughtAgain: customer.boughtAgain,
  }));

  return {
    from,
    to,
    currency,
    ...programEconomics({
      currency,
      redemptions: redemptions.map((redemption) => ({
        customerId: redemption.customerId,
        rewardId: redemption.rewardId,
        rewardName: redemption.reward.name,
        points: redemption.points,
        unitCostMinor: Number(redemption.reward.unitCostMinor),
        status: redemption.status,
      })),
      customers,
    }),
  };
}
