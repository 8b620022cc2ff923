// The numbers at the top of the dashboard, and the loyal customers it is time to thank.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { RiskLevel } from '../domain/types.ts';
import { npsOverLastDays } from './feedback.service.ts';
import { addDays } from '../domain/time/duration.ts';
import { LATEST_NPS_DAYS } from '../domain/risk/churn-risk.ts';
import { addMonthsUtc } from '../domain/time/add-months.ts';
import { OPEN_INCIDENT_STATUSES } from '../domain/incidents/incident-status.ts';
import { tenantDb } from '../runtime.ts';

export const NPS_WINDOW_DAYS = 90;

export async function overview(caller: AuthenticatedCaller) {
  const db = tenantDb(caller);
  const [customers, openAlerts, openIncidents, levels, nps] = await Promise.all([
    db.customer.count(),
    db.alert.count({ where: { status: { not: 'RESOLVED' } } }),
    db.incident.count({ where: { status: { in: [...OPEN_INCIDENT_STATUSES] } } }),
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
 * (≥ 50) or promoters (latest NPS of the year 9–10), with no thank-you in the last 180 days.
 * A thank-you queued and not yet sent counts as said, so the list empties as thanks are sent off
 * (thankCustomers queues no second one anyway); one the care rules skip lists the customer again.
 * Promoters are found from their answer, not the PROMOTER factor, which an organization that
 * weighs it 0 never stores.
 */
export function customersToThankWhere(now: Date): Prisma.CustomerWhereInput {
  return {
    firstPurchaseAt: { lte: addMonthsUtc(now, -12) },
    OR: [
      { engagement: { gte: 50 } },
      { latestNpsScore: { gte: 9 }, latestNpsAt: { gt: addDays(now, -LATEST_NPS_DAYS) } },
    ],
    interactions: {
      none: { kind: 'THANK_YOU', occurredAt: { gt: addDays(now, -THANKED_WITHIN_DAYS) } },
    },
    messages: { none: { kind: 'THANK_YOU', status: 'SCHEDULED' } },
  };
}

/** Longest-standing first: by first purchase. */
export const CUSTOMERS_TO_THANK_ORDER: Prisma.CustomerOrderByWithRelationInput[] = [
  { firstPurchaseAt: 'asc' },
  { id: 'asc' },
];
