// The demo's loyalty program, seeded through the services into an empty database at start.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { db } from '../../api/src/runtime.ts';
import { checkLedger } from '../../api/src/services/ledger-invariants.ts';
import { DEMO_ORGANIZATION } from '../../api/src/seed/demo.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;
let organizationId: string;

beforeAll(async () => {
  app = await startTestApp({ env: { TROFAST_DEMO: '1' } });
  organizationId = (
    await db().acrossOrganizations.organization.findFirstOrThrow({ where: { name: DEMO_ORGANIZATION } })
  ).id;
}, 180_000);
afterAll(() => app.stop());

test('the demo has a reward catalogue: discounts, a free service check, a donation, a gift in limited stock and a GOLD-only experience', async () => {
  const rewards = await db()
    .forOrganization(organizationId)
    .reward.findMany({ select: { name: true, kind: true, minimumTier: true, stock: true, active: true } });
  expect(rewards.filter((reward) => reward.active).map((reward) => reward.kind)).toEqual(
    expect.arrayContaining(['DISCOUNT', 'SERVICE_UPGRADE', 'DONATION', 'GIFT', 'EXPERIENCE']),
  );
  expect(rewards.some((reward) => reward.kind === 'GIFT' && reward.stock !== null)).toBe(true);
  expect(rewards.some((reward) => reward.kind === 'EXPERIENCE' && reward.minimumTier === 'GOLD')).toBe(true);
  expect(rewards.some((reward) => !reward.active)).toBe(true);
});

test('the demo has redemptions, a cancelled one, a correction and expired points, and its ledger keeps every promise', async () => {
  const tenant = db().forOrganization(organizationId);
  const kinds = await tenant.pointsEntry.groupBy({ by: ['kind'], _count: true });
  expect(Object.fromEntries(kinds.map((kind) => [kind.kind, kind._count > 0]))).toEqual({
    EARN_PURCHASE: true,
    EARN_FEEDBACK: true,
    REDEEM: true,
    REFUND: true,
    EXPIRE: true,
    ADJUST: true,
  });
  expect(await tenant.redemption.count({ where: { status: 'CANCELLED' } })).toBe(1);
  expect(await checkLedger(organizationId, app.clock.now())).toEqual([]);
});
