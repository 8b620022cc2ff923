// The numbers at the top of the dashboard, and the loyal customers it is time to thank.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { RiskLevel } from '../domain/types.ts';
import { npsOverLastDays } from './feedback.service.ts';
import { DAY_MS } from '../domain/time/duration.ts';
import { addMonthsUtc } from '../domain/time/add-months.ts';
import { tenantDb } from '../runtime.ts';

export const NPS_WINDOW_DAYS = 90;

export async function overview(caller: AuthenticatedCaller) {
  const db = tenantDb(caller);
  const [customers, openAlerts, openIncidents, levels, nps] = await Promise.all([
    db.customer.count(),
    db.alert.count({ where: { status: { not: 'RESOLVED' } } }),
    db.incident.count({ where: { status: { in: ['OPEN', 'IN_PROGRESS'] } } }),
    db.customer.groupBy({ by: ['riskLevel'], _count: { _all: true } }),
    npsOverLastDays(caller, NPS_WINDOW_DAYS),
  ]);
  return {
    customers,
    openAlerts,
    openIncidents,
    nps,
    riskDistribution: Object.values(RiskLevel).map((level) => ({
      level,
      count: levels.find((row) => row.riskLevel === level)?._count._all ?? 0,
    })),
  };
}

/** Days within which a thank-you counts as said. */
export const THANKED_WITHIN_DAYS = 180;

/**
 * PRODUCT.md "Customers to thank": customers for 12 months or more (first purchase), engaged
 * (≥ 50) or promoters (latest NPS 9–10), with no thank-you in the last 180 days.
 */
export function customersToThankWhere(now: Date): Prisma.CustomerWhereInput {
  return {
    purchases: { some: { occurredAt: { lte: addMonthsUtc(now, -12) } } },
    OR: [{ engagement: { gte: 50 } }, { riskFactors: { array_contains: [{ code: 'PROMOTER' }] } }],
    interactions: {
      none: { kind: 'THANK_YOU', occurredAt: { gt: new Date(now.getTime() - THANKED_WITHIN_DAYS * DAY_MS) } },
    },
  };
}
