// The ledger's promises hold after a busy, seeded-random scenario, and the check that proves it
// finds each kind of broken promise when the database is tampered with behind the services' back.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Prisma } from '../../api/src/generated/prisma/client.ts';
import { systemCaller, type AuthenticatedCaller } from '../../api/src/auth/caller.ts';
import { db } from '../../api/src/runtime.ts';
import { Random } from '../../api/src/seed/random.ts';
import { recordEvents, type EventInput } from '../../api/src/services/events.service.ts';
import { createReward } from '../../api/src/services/reward.service.ts';
import { adjustPoints, cancelRedemption, redeemReward } from '../../api/src/services/redemption.service.ts';
import { checkEveryLedger, checkLedger } from '../../api/src/services/ledger-invariants.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization } from '../support/fixtures.ts';
import { createCustomers } from '../support/partner.ts';
import { onPostgres } from '../support/database.ts';

const DAY = 24 * 60 * 60 * 1000;

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-01-05T09:00:00Z') });
});
afterAll(() => app.stop());

/** Runs a domain call, keeping what it refused (a refusal is part of a busy day). */
async function attempt(run: () => Promise<unknown>, refused: string[]): Promise<void> {
  try {
    await run();
  } catch (error) {
    refused.push((error as Error).name);
  }
}

test("after months of purchases, redemptions, cancellations, corrections and expiries, every customer's ledger keeps its promises", async () => {
  const organization = await createTestOrganization(app, 'Travlt');
  const caller: AuthenticatedCaller = systemCaller(organization.id);
  const customers = (await createCustomers(organization, 25)).map((customer) => customer.id);
  const random = new Random(6);
  const rewardIds: string[] = [];
  for (const [name, pointsCost, stock] of [
    ['50 kr. rabat', 50, null],
    ['Drikkedunk', 120, 6],
    ['Servicetjek', 300, null],
    ['Lygtesæt', 700, 3],
  ] as const) {
    const reward = await createReward(caller, {
      name,
      pointsCost,
      kind: 'GIFT',
      unitCost: { amountMinor: pointsCost * 20, currency: 'DKK' },
      stock,
    });
    rewardIds.push(reward.id);
  }
  const redemptions: string[] = [];
  const refused: string[] = [];

  // Ten months, a little under a year, so no earning leaves the tiers' 12 months on its own.
  for (let day = 0; day < 300; day += random.int(2, 9)) {
    app.clock.set(new Date(Date.parse('2026-01-05T09:00:00Z') + day * DAY));
    const now = app.clock.now();
    const events: EventInput[] = Array.from({ length: random.int(2, 8) }, () => ({
      purchase: {
        customer: { id: random.pick(customers) },
        amount: { amountMinor: random.int(50, 4000) * 100, currency: 'DKK' },
        // Now and then an import from more than 24 months ago: already expired.
        occurredAt: random.chance(0.1) ? new Date(now.getTime() - random.int(740, 900) * DAY) : now,
      },
    }));
    await recordEvents(caller, events);
    for (let i = random.int(0, 4); i > 0; i--) {
      await attempt(async () => {
        const redemption = await redeemReward(caller, {
          customer: { id: random.pick(customers) },
          rewardId: random.pick(rewardIds),
        });
        redemptions.push(redemption.id);
      }, refused);
    }
    if (redemptions.length > 0 && random.chance(0.3))
      await attempt(() => cancelRedemption(caller, { id: random.pick(redemptions), reason: 'Fortrudt' }), refused);
    if (random.chance(0.2))
      await attempt(
        () =>
          adjustPoints(caller, {
            customer: { id: random.pick(customers) },
            delta: random.chance(0.5) ? random.int(10, 200) : -random.int(10, 400),
            reason: 'Rettelse',
          }),
        refused,
      );
    if (random.chance(0.3)) await app.runJobs();
  }
  await app.runJobs();

  const kinds = await db()
    .forOrganization(organization.id)
    .pointsEntry.groupBy({ by: ['kind'], _count: true });
  expect(Object.fromEntries(kinds.map((kind) => [kind.kind, kind._count > 0]))).toEqual({
    EARN_PURCHASE: true,
    REDEEM: true,
    REFUND: true,
    EXPIRE: true,
    ADJUST: true,
  });
  expect(new Set(refused)).toEqual(new Set(['InsufficientPointsError', 'OutOfStockError', 'ValidationError']));
  expect(await checkLedger(organization.id, app.clock.now())).toEqual([]);
}, 90_000);

test('the check names each broken promise', async () => {
  const organization = await createTestOrganization(app, 'Manipuleret');
  const caller = systemCaller(organization.id);
  const [a, b, c, d, e] = await createCustomers(organization, 5, 'X');
  await recordEvents(
    caller,
    [a, b, c, d, e].map((customer) => ({
      purchase: { customer: { id: customer.id }, amount: { amountMinor: 100000, currency: 'DKK' } },
    })),
  );
  const reward = await createReward(caller, {
    name: 'Kaffe',
    pointsCost: 40,
    kind: 'GIFT',
    unitCost: { amountMinor: 2500, currency: 'DKK' },
  });
  const redemption = await redeemReward(caller, { customer: { id: d.id }, rewardId: reward.id });
  await cancelRedemption(caller, { id: redemption.id });
  expect(await checkLedger(organization.id, app.clock.now())).toEqual([]);

  const tenant = db().forOrganization(organization.id);
  const entry = (customerId: string, kind: string, delta: number, balanceAfter: number, redemptionId: string | null) =>
    tenant.$executeRaw(Prisma.sql`
      INSERT INTO "PointsEntry" (id, "organizationId", "customerId", delta, kind, reason, "balanceAfter", "occurredAt", "redemptionId")
      VALUES (gen_random_uuid()::text, ${organization.id}, ${customerId}, ${delta}, ${kind}::"PointsEntryKind", ${kind},
              ${balanceAfter}, now(), ${redemptionId})`);
  await tenant.$executeRaw(Prisma.sql`UPDATE "Customer" SET "pointsBalance" = "pointsBalance" + 5 WHERE id = ${a.id}`);
  await entry(b.id, 'ADJUST', 10, 999, null);
  await tenant.$executeRaw(Prisma.sql`UPDATE "Customer" SET tier = 'GOLD' WHERE id = ${c.id}`);
  await entry(d.id, 'REFUND', 40, 140, redemption.id);
  await tenant.$executeRaw(Prisma.sql`UPDATE "Customer" SET "pointsBalance" = 140 WHERE id = ${d.id}`);
  await tenant.$executeRaw(Prisma.sql`UPDATE "Customer" SET "pointsBalance" = -5 WHERE id = ${e.id}`);

  const found = await checkLedger(organization.id, app.clock.now());
  expect(found.map((violation) => `${violation.externalId} ${violation.rule}`).sort()).toEqual([
    'X-1 BALANCE_IS_LEDGER_SUM',
    'X-1 LOTS_HOLD_BALANCE',
    'X-2 BALANCE_CHAIN',
    'X-2 BALANCE_IS_LEDGER_SUM',
    'X-3 TIER_FOLLOWS_RULE',
    'X-4 LOTS_HOLD_BALANCE',
    'X-4 REDEMPTION_BOOKED_ONCE',
    'X-5 BALANCE_IS_LEDGER_SUM',
    'X-5 LOTS_HOLD_BALANCE',
    'X-5 NO_NEGATIVE_BALANCE',
  ]);
  expect(found.find((violation) => violation.rule === 'BALANCE_CHAIN')!.message).toMatch(
    /^Entry .+: 100 \+ 10 is not its balanceAfter 999\.$/,
  );
  expect(found.find((violation) => violation.rule === 'TIER_FOLLOWS_RULE')!.message).toBe(
    'The tier is GOLD; the points earned in the last 12 months make it BRONZE.',
  );
  expect(found.find((violation) => violation.rule === 'REDEMPTION_BOOKED_ONCE')!.message).toMatch(
    /^Redemption .+ \(CANCELLED\) has 1 REDEEM and 2 REFUND entries\.$/,
  );

  const reports = await checkEveryLedger(app.clock.now());
  expect(reports.find((report) => report.name === 'Manipuleret')).toMatchObject({
    customers: 5,
    violations: found,
  });
});

// The command opens the database it is pointed at; PGlite's folder is held by this test's server.
test.skipIf(!onPostgres)(
  'pnpm trofast check-ledger reports every organization and exits non-zero on a violation',
  () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'api/src/cli.ts', 'check-ledger'], {
      env: { ...process.env, DATABASE_URL: app.config.databaseUrl, LOG_LEVEL: 'silent', TROFAST_DEMO: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stdout, run.stderr).toContain('Manipuleret: 5 customers, 10 violations');
    expect(run.stdout).toContain('  TIER_FOLLOWS_RULE X-3: The tier is GOLD;');
    expect(run.status).toBe(1);
  },
);
