// What the rewards of a period cost against the retention they bought (domain/economics): the
// redemptions of the period, each redeemer's points and whether they bought again, and everyone
// else counted by the same two, worked out in one statement so that Node receives a row per
// redeemer and per distinct points total, never one per customer.
import { Prisma } from '../generated/prisma/client.ts';
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { FieldErrors } from '../domain/errors.ts';
import { unacceptedCurrency } from '../domain/points/earn-points.ts';
import { programEconomics, type ProgramEconomics } from '../domain/economics/program-economics.ts';
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
  // have today: a customer who became GOLD later was no GOLD customer in the period. The few
  // redeemers are probed one by one; everyone else shares one moment, so their points and returns
  // are one range each of the ledger and of the purchases, grouped, not a probe per customer.
  const compared = await db.$queryRaw<
    { customerId: string | null; pointsLast12Months: number; boughtAgain: boolean; customers: number }[]
  >(Prisma.sql`
    WITH first_redemption AS (
      SELECT r."customerId", min(r."createdAt") AS at
      FROM "Redemption" r JOIN "Reward" w ON w.id = r."rewardId" AND w."organizationId" = r."organizationId"
      WHERE r."organizationId" = ${caller.organizationId} AND r.status = 'FULFILLED'
        AND r."createdAt" >= ${from} AND r."createdAt" < ${to} AND w."unitCostCurrency" = ${currency}
      GROUP BY r."customerId"
    ),
    earned AS (
      SELECT e."customerId", sum(e.delta)::int AS points FROM "PointsEntry" e
      WHERE e."organizationId" = ${caller.organizationId}
        AND e.kind = ANY(${EARNING_KINDS}::text[]::"PointsEntryKind"[])
        -- An earning counts toward the tier until 12 calendar months after it (domain/points/tier-status);
        -- 12 months are at most 366 days, which bounds the range the index reads.
        AND e."occurredAt" <= ${from} AND e."occurredAt" > ${from}::timestamp - interval '366 days'
        AND e."occurredAt" + interval '12 months' > ${from}
      GROUP BY e."customerId"
    ),
    returned AS (
      SELECT DISTINCT p."customerId" FROM "Purchase" p
      WHERE p."organizationId" = ${caller.organizationId}
        AND p."occurredAt" > ${from} AND p."occurredAt" <= ${from}::timestamp + make_interval(days => ${RETENTION_DAYS})
    )
    SELECT r."customerId", (
      SELECT COALESCE(sum(e.delta), 0)::int FROM "PointsEntry" e
      WHERE e."customerId" = r."customerId"
        AND e.kind = ANY(${EARNING_KINDS}::text[]::"PointsEntryKind"[])
        AND e."occurredAt" <= r.at AND e."occurredAt" + interval '12 months' > r.at
    ) AS "pointsLast12Months", EXISTS (
      SELECT 1 FROM "Purchase" p
      WHERE p."customerId" = r."customerId"
        AND p."occurredAt" > r.at AND p."occurredAt" <= r.at + make_interval(days => ${RETENTION_DAYS})
    ) AS "boughtAgain", 1 AS customers
    FROM first_redemption r
    UNION ALL
    SELECT NULL, COALESCE(e.points, 0), b."customerId" IS NOT NULL, count(*)::int
    FROM "Customer" c
    LEFT JOIN earned e ON e."customerId" = c.id
    LEFT JOIN returned b ON b."customerId" = c.id
    WHERE c."organizationId" = ${caller.organizationId}
      AND (c."createdAt" < ${from} OR c."firstEventAt" < ${from})
      AND NOT EXISTS (SELECT 1 FROM first_redemption r WHERE r."customerId" = c.id)
    GROUP BY 2, 3`);

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
      tierThresholds: settings.loyalty.tierThresholds,
      redeemers: compared.flatMap(({ customerId, pointsLast12Months, boughtAgain }) =>
        customerId === null ? [] : [{ customerId, pointsLast12Months, boughtAgain }],
      ),
      nonRedeemers: compared.filter((row) => row.customerId === null),
    }),
  };
}
