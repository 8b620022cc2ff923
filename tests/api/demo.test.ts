// The demo organization as `pnpm start` seeds it into an empty database, through the services:
// every page, risk factor and alert kind shows something real (issues 3, 5, 7, 8 and the rewards).
// Seeded once for the whole file; the tests only read.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { db } from '../../api/src/runtime.ts';
import { addMonthsUtc } from '../../api/src/domain/time/add-months.ts';
import { checkLedger } from '../../api/src/services/ledger-invariants.ts';
import { DEMO_CUSTOMERS, DEMO_ORGANIZATION, DEMO_PASSWORD, DEMO_STAFF } from '../../api/src/seed/demo.ts';
import { DEMO_WEBHOOK_URL } from '../../api/src/seed/demo-webhooks.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { login } from '../support/fixtures.ts';

const DAY = 24 * 60 * 60 * 1000;
let app: TestApp;
let organizationId: string;
const tenant = () => db().forOrganization(organizationId);

beforeAll(async () => {
  app = await startTestApp({ env: { TROFAST_DEMO: '1' } });
  organizationId = (
    await db().acrossOrganizations.organization.findFirstOrThrow({ where: { name: DEMO_ORGANIZATION } })
  ).id;
}, 600_000);
afterAll(() => app.stop());

describe('the shop and its people', () => {
  test('each of the four staff users signs in with the demo password', async () => {
    expect(DEMO_STAFF.map((person) => person.role)).toEqual(['ADMIN', 'MANAGER', 'AGENT', 'VIEWER']);
    for (const person of DEMO_STAFF) {
      const token = await login(app, person.email, DEMO_PASSWORD);
      const me = await app.graphql('{ me { email role } }', {}, token);
      expect(me.data!.me).toEqual({ email: person.email, role: person.role });
    }
  });

  test('a few hundred customers, most Danish, some Swedish and Norwegian', async () => {
    const locales = Object.fromEntries(
      (await tenant().customer.groupBy({ by: ['locale'], _count: { _all: true } })).map((row) => [
        row.locale,
        row._count._all,
      ]),
    );
    expect(Object.values(locales).reduce((sum, count) => sum + count, 0)).toBe(DEMO_CUSTOMERS);
    expect(locales.SV).toBeGreaterThan(0);
    expect(locales.NB).toBeGreaterThan(0);
    expect(locales.DA).toBeGreaterThan(locales.SV + locales.NB);
  });
});

describe('a year of purchases and contacts', () => {
  test('every one of the last 12 months has purchases', async () => {
    const now = app.clock.now();
    const months = [];
    for (let ago = 0; ago < 12; ago++) {
      months.push(
        await tenant().purchase.count({
          where: { occurredAt: { gt: addMonthsUtc(now, -ago - 1), lte: addMonthsUtc(now, -ago) } },
        }),
      );
    }
    expect(months.every((purchases) => purchases > 0)).toBe(true);
  });

  test('regulars buy all year, lapsing customers stopped months ago, and some nobody has talked to for months', async () => {
    const now = app.clock.now().getTime();
    const purchases = await tenant().purchase.findMany({ select: { customerId: true, occurredAt: true } });
    const byCustomer = new Map<string, number[]>();
    for (const purchase of purchases) {
      byCustomer.set(purchase.customerId, [
        ...(byCustomer.get(purchase.customerId) ?? []),
        (now - purchase.occurredAt.getTime()) / DAY,
      ]);
    }
    const ages = [...byCustomer.values()];
    const regulars = ages.filter((days) => days.length >= 6 && Math.min(...days) < 60 && Math.max(...days) > 270);
    const lapsing = ages.filter((days) => days.length >= 4 && Math.min(...days) > 90);
    expect(regulars.length).toBeGreaterThan(10);
    expect(lapsing.length).toBeGreaterThan(10);
    const ignored = await tenant().customer.count({
      where: { lastPersonalContactAt: { lt: new Date(now - 90 * DAY) } },
    });
    expect(ignored).toBeGreaterThan(10);
  });
});

describe('the retention engine', () => {
  test('every risk factor shows on some customer', async () => {
    const customers = await tenant().customer.findMany({ select: { riskFactors: true } });
    const codes = new Set(
      customers.flatMap((customer) => (customer.riskFactors as { code: string }[]).map((f) => f.code)),
    );
    expect([...codes].sort()).toEqual(
      [
        'TWO_STRIKES',
        'BAD_EXPERIENCE',
        'UNRESOLVED_INCIDENT',
        'SLA_BREACHED',
        'IGNORED',
        'DETRACTOR',
        'PASSIVE',
        'ENGAGEMENT_DROP',
        'RECOVERED',
        'PROMOTER',
        'STAFF_CONCERN',
      ].sort(),
    );
  });

  test('every alert kind is open on some customer', async () => {
    const open = await tenant().alert.groupBy({ by: ['kind'], where: { status: 'OPEN' }, _count: { _all: true } });
    expect(open.map((row) => row.kind).sort()).toEqual(
      ['CHURN_RISK', 'TWO_STRIKES', 'INCIDENT', 'SLA_BREACH', 'IGNORED', 'DETRACTOR', 'STAFF_CONCERN'].sort(),
    );
  });

  test('most customers are LOW risk, and every other level has some', async () => {
    const levels = await tenant().customer.groupBy({ by: ['riskLevel'], _count: { _all: true } });
    const count = (level: string) => levels.find((row) => row.riskLevel === level)?._count._all ?? 0;
    expect(count('LOW')).toBeGreaterThan(DEMO_CUSTOMERS / 2);
    for (const level of ['MEDIUM', 'HIGH', 'CRITICAL']) expect(count(level)).toBeGreaterThan(0);
  });
});

describe('the loyalty program', () => {
  test('there are loyal customers to thank', async () => {
    const manager = DEMO_STAFF.find((person) => person.role === 'MANAGER')!;
    const token = await login(app, manager.email, DEMO_PASSWORD);
    const result = await app.graphql('{ customersToThank(first: 5) { totalCount } }', {}, token);
    expect(result.data!.customersToThank.totalCount).toBeGreaterThan(0);
  });

  test('the demo has a reward catalogue: discounts, a free service check, a donation, a gift in limited stock and a GOLD-only experience', async () => {
    const rewards = await tenant().reward.findMany({
      select: { name: true, kind: true, minimumTier: true, stock: true, active: true },
    });
    expect(rewards.filter((reward) => reward.active).map((reward) => reward.kind)).toEqual(
      expect.arrayContaining(['DISCOUNT', 'SERVICE_UPGRADE', 'DONATION', 'GIFT', 'EXPERIENCE']),
    );
    expect(rewards.some((reward) => reward.kind === 'GIFT' && reward.stock !== null)).toBe(true);
    expect(rewards.some((reward) => reward.kind === 'EXPERIENCE' && reward.minimumTier === 'GOLD')).toBe(true);
    expect(rewards.some((reward) => !reward.active)).toBe(true);
  });

  test('the demo has redemptions, a cancelled one, a correction and expired points, and its ledger keeps every promise', async () => {
    const kinds = await tenant().pointsEntry.groupBy({ by: ['kind'], _count: true });
    expect(Object.fromEntries(kinds.map((kind) => [kind.kind, kind._count > 0]))).toEqual({
      EARN_PURCHASE: true,
      EARN_FEEDBACK: true,
      REDEEM: true,
      REFUND: true,
      EXPIRE: true,
      ADJUST: true,
    });
    expect(await tenant().redemption.count({ where: { status: 'CANCELLED' } })).toBe(1);
    expect(await checkLedger(organizationId, app.clock.now())).toEqual([]);
  });
});

describe('the team pulse', () => {
  test('three teams serve the customers, with six closed monthly rounds and no open one', async () => {
    expect((await tenant().team.findMany({ orderBy: { name: 'asc' } })).map((team) => team.name)).toEqual([
      'Butikken',
      'Kundeservice',
      'Værkstedet',
    ]);
    const rounds = await tenant().pulseRound.findMany({ select: { status: true } });
    expect(rounds.map((round) => round.status)).toEqual(Array(6).fill('CLOSED'));
    expect(await tenant().customer.count({ where: { accountManagerId: null } })).toBe(0);
  });

  test('the chain shows every team in the rounds but one, where the workshop had too few answers', async () => {
    const token = await login(app, 'manager@nordlys.example', DEMO_PASSWORD);
    const chain = await app.graphql(
      '{ serviceChain(months: 7) { correlation explanation(locale: EN) pulse { team { name } answers shown } } }',
      {},
      token,
    );
    const pulse = chain.data!.serviceChain.pulse as { team: { name: string }; answers: number; shown: boolean }[];
    expect(pulse).toHaveLength(18);
    expect(pulse.filter((figures) => !figures.shown)).toEqual([
      { team: { name: 'Værkstedet' }, answers: 4, shown: false },
    ]);
    expect(chain.data!.serviceChain.explanation).toContain('3 teams');
    expect(chain.data!.serviceChain.explanation).toContain('a correlation, not a proof');
  });
});

test('twelve regulars have opened their own page, so the staff see when', async () => {
  const used = await tenant().customer.count({ where: { memberSessions: { some: {} } } });
  expect(used).toBe(12);
});

test('the shop’s CRM endpoint is disabled (the demo has no receiver) and its log shows deliveries, two after a failed attempt', async () => {
  const token = await login(app, 'admin@nordlys.example', DEMO_PASSWORD);
  const result = await app.graphql(
    `{ webhookEndpoints { url status failingSince deliveries(first: 20) { totalCount edges { node {
      status event { type } attempts { statusCode error } } } } } }`,
    {},
    token,
  );
  const [endpoint] = result.data!.webhookEndpoints;
  // Disabled by a person, not by failures: no notice on every page.
  expect(endpoint).toMatchObject({ url: DEMO_WEBHOOK_URL, status: 'DISABLED', failingSince: null });
  const deliveries = endpoint.deliveries.edges.map(
    (edge: { node: { status: string; event: { type: string }; attempts: { statusCode: number | null }[] } }) =>
      edge.node,
  );
  expect(endpoint.deliveries.totalCount).toBe(12);
  expect(new Set(deliveries.map((delivery: { status: string }) => delivery.status))).toEqual(new Set(['DELIVERED']));
  // Each retried delivery: its failed attempt (a 503, a timeout) and then its success.
  const retried = deliveries
    .filter((delivery: { attempts: unknown[] }) => delivery.attempts.length === 2)
    .map((delivery: { attempts: { statusCode: number | null }[] }) =>
      delivery.attempts.map((attempt) => String(attempt.statusCode)).sort(),
    )
    .sort();
  expect(retried).toEqual([
    ['200', '503'],
    ['200', 'null'],
  ]);
});

test('the demo has a finished import: its customer list, 40 rows applied and 2 failed ones to fix', async () => {
  const imports = await tenant().import.findMany({
    select: { kind: true, status: true, rows: true, appliedRows: true, invalidRows: true },
  });
  expect(imports).toEqual([{ kind: 'CUSTOMERS', status: 'APPLIED', rows: 42, appliedRows: 40, invalidRows: 2 }]);
});
