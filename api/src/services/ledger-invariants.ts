// The ledger's promises, checked against what is stored: for every customer of an organization the
// balance is the sum of the ledger, each balanceAfter is the one before plus its delta, no balance
// is below zero, the unexpired lots hold the balance, each redemption is booked once (and refunded
// once if cancelled), and the tier is the rule applied to the last 12 months. Read-only, so it can
// run against any database: in tests after busy scenarios, and as `pnpm trofast check-ledger`.
import { Prisma } from '../generated/prisma/client.ts';
import { systemCaller } from '../auth/caller.ts';
import { tierStatus, type Earning } from '../domain/points/tier-status.ts';
import { addMonthsUtc } from '../domain/time/add-months.ts';
import { db } from '../runtime.ts';
import { EARNING_KINDS } from './ledger.service.ts';
import { organizationSettings } from './organization-settings.service.ts';

export type LedgerRule =
  | 'BALANCE_IS_LEDGER_SUM'
  | 'BALANCE_CHAIN'
  | 'NO_NEGATIVE_BALANCE'
  | 'LOTS_HOLD_BALANCE'
  | 'REDEMPTION_BOOKED_ONCE'
  | 'TIER_FOLLOWS_RULE';

export interface LedgerViolation {
  rule: LedgerRule;
  customerId: string;
  /** The partner's id for the customer, for the operator who reads the report. */
  externalId: string;
  message: string;
}

type Found = Omit<LedgerViolation, 'externalId'>;

export interface LedgerReport {
  organizationId: string;
  name: string;
  customers: number;
  violations: LedgerViolation[];
}

/** Customers whose tiers are checked per round trip. */
const PAGE = 1000;

/** Every organization's ledger, one after the other. */
export async function checkEveryLedger(now: Date): Promise<LedgerReport[]> {
  const organizations = await db().acrossOrganizations.organization.findMany({
    select: { id: true, name: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  const reports: LedgerReport[] = [];
  for (const organization of organizations) {
    reports.push({
      organizationId: organization.id,
      name: organization.name,
      customers: await db().forOrganization(organization.id).customer.count(),
      violations: await checkLedger(organization.id, now),
    });
  }
  return reports;
}

export async function checkLedger(organizationId: string, now: Date): Promise<LedgerViolation[]> {
  const tenant = db().forOrganization(organizationId);
  const violations: Found[] = [];
  const add = (rule: LedgerRule, customerId: string, message: string) => violations.push({ rule, customerId, message });

  const sums = await tenant.$queryRaw<{ id: string; balance: number; ledger: number; lots: number }[]>(Prisma.sql`
    SELECT c.id, c."pointsBalance" AS balance, COALESCE(e.total, 0)::int AS ledger, COALESCE(l.total, 0)::int AS lots
    FROM "Customer" c
    LEFT JOIN (SELECT "customerId", sum(delta) AS total FROM "PointsEntry"
               WHERE "organizationId" = ${organizationId} GROUP BY "customerId") e ON e."customerId" = c.id
    LEFT JOIN (SELECT "customerId", sum(remaining) AS total FROM "PointsLot"
               WHERE "organizationId" = ${organizationId} GROUP BY "customerId") l ON l."customerId" = c.id
    WHERE c."organizationId" = ${organizationId}
      AND (c."pointsBalance" < 0 OR c."pointsBalance" <> COALESCE(e.total, 0) OR c."pointsBalance" <> COALESCE(l.total, 0))`);
  for (const row of sums) {
    if (row.balance < 0) add('NO_NEGATIVE_BALANCE', row.id, `The balance is ${row.balance}.`);
    if (row.balance !== row.ledger)
      add('BALANCE_IS_LEDGER_SUM', row.id, `The balance is ${row.balance}; the ledger sums to ${row.ledger}.`);
    if (row.balance !== row.lots)
      add('LOTS_HOLD_BALANCE', row.id, `The balance is ${row.balance}; the unspent lots hold ${row.lots}.`);
  }

  const breaks = await tenant.$queryRaw<
    { customerId: string; id: string; before: number; delta: number; balanceAfter: number }[]
  >(Prisma.sql`
    SELECT "customerId", id, before, delta, "balanceAfter" FROM (
      SELECT "customerId", id, delta, "balanceAfter",
             lag("balanceAfter", 1, 0) OVER (PARTITION BY "customerId" ORDER BY sequence) AS before
      FROM "PointsEntry" WHERE "organizationId" = ${organizationId}
    ) AS chain
    WHERE "balanceAfter" <> before + delta OR "balanceAfter" < 0`);
  for (const row of breaks) {
    if (row.balanceAfter !== row.before + row.delta)
      add(
        'BALANCE_CHAIN',
        row.customerId,
        `Entry ${row.id}: ${row.before} ${row.delta < 0 ? '−' : '+'} ${Math.abs(row.delta)} is not its balanceAfter ${row.balanceAfter}.`,
      );
    if (row.balanceAfter < 0)
      add('NO_NEGATIVE_BALANCE', row.customerId, `Entry ${row.id} left a balance of ${row.balanceAfter}.`);
  }

  const bookings = await tenant.$queryRaw<
    { id: string; customerId: string; status: string; redeems: number; refunds: number }[]
  >(Prisma.sql`
    SELECT r.id, r."customerId", r.status::text AS status,
           count(e.id) FILTER (WHERE e.kind = 'REDEEM')::int AS redeems,
           count(e.id) FILTER (WHERE e.kind = 'REFUND')::int AS refunds
    FROM "Redemption" r
    LEFT JOIN "PointsEntry" e ON e."redemptionId" = r.id AND e."organizationId" = r."organizationId"
    WHERE r."organizationId" = ${organizationId}
    GROUP BY r.id
    HAVING count(e.id) FILTER (WHERE e.kind = 'REDEEM') <> 1
        OR count(e.id) FILTER (WHERE e.kind = 'REFUND') <> CASE WHEN r.status = 'CANCELLED' THEN 1 ELSE 0 END`);
  for (const row of bookings)
    add(
      'REDEMPTION_BOOKED_ONCE',
      row.customerId,
      `Redemption ${row.id} (${row.status}) has ${row.redeems} REDEEM and ${row.refunds} REFUND entries.`,
    );

  violations.push(...(await checkTiers(organizationId, now)));
  const externalIds = new Map(
    (
      await tenant.customer.findMany({
        where: { id: { in: [...new Set(violations.map((violation) => violation.customerId))] } },
        select: { id: true, externalId: true },
      })
    ).map((customer) => [customer.id, customer.externalId]),
  );
  return violations.map((violation) => ({ ...violation, externalId: externalIds.get(violation.customerId) ?? '' }));
}

async function checkTiers(organizationId: string, now: Date): Promise<Found[]> {
  const tenant = db().forOrganization(organizationId);
  const thresholds = (await organizationSettings(systemCaller(organizationId))).loyalty.tierThresholds;
  const violations: Found[] = [];
  for (let after: string | undefined; ;) {
    const customers = await tenant.customer.findMany({
      where: after ? { id: { gt: after } } : {},
      orderBy: { id: 'asc' },
      take: PAGE,
      select: { id: true, tier: true, recomputeAt: true },
    });
    if (customers.length === 0) return violations;
    after = customers[customers.length - 1].id;
    const earnings = await tenant.pointsEntry.findMany({
      where: {
        customerId: { in: customers.map((customer) => customer.id) },
        kind: { in: EARNING_KINDS },
        occurredAt: { gt: addMonthsUtc(now, -12) },
      },
      select: { customerId: true, delta: true, occurredAt: true },
    });
    const byCustomer = new Map<string, Earning[]>();
    for (const earning of earnings) {
      const list = byCustomer.get(earning.customerId) ?? [];
      list.push({ points: earning.delta, occurredAt: earning.occurredAt });
      byCustomer.set(earning.customerId, list);
    }
    for (const customer of customers) {
      const expected = tierStatus(byCustomer.get(customer.id) ?? [], thresholds, now).tier;
      // A tier falls with time alone when the recompute job reaches the customer: due, not wrong.
      const pending = customer.recomputeAt !== null && customer.recomputeAt <= now;
      if (customer.tier !== expected && !pending)
        violations.push({
          rule: 'TIER_FOLLOWS_RULE',
          customerId: customer.id,
          message: `The tier is ${customer.tier}; the points earned in the last 12 months make it ${expected}.`,
        });
    }
  }
}
