import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { db, runtime } from '../../api/src/runtime.ts';
import { KEEP_KEYS_MS } from '../../api/src/services/idempotency.service.ts';
import { RECOMPUTE_RETRY_MS } from '../../api/src/services/recompute.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers, partnerKey } from '../support/partner.ts';

let app: TestApp;
let org: TestOrganization;
let shop: string;

const PURCHASE = `mutation ($key: String) { recordPurchase(input: { customer: { externalId: "K-1" }, amount: { amountMinor: 1000, currency: "DKK" } }, idempotencyKey: $key) {
  ... on MutationRecordPurchaseSuccess { data { id } } } }`;

beforeAll(async () => {
  app = await startTestApp();
  org = await createTestOrganization(app, 'Jobs');
  shop = await partnerKey(org, ['EVENTS_WRITE']);
  await createCustomers(org, 1);
});
afterAll(() => app.stop());

test('idempotency keys are kept 7 days, then forgotten by the background job', async () => {
  const first = await app.graphql(PURCHASE, { key: 'weekly' }, shop);
  app.clock.advance(KEEP_KEYS_MS - 60_000);
  await app.runJobs();
  expect(
    await db()
      .forOrganization(org.id)
      .idempotencyRecord.count({ where: { key: 'weekly' } }),
  ).toBe(1);
  expect((await app.graphql(PURCHASE, { key: 'weekly' }, shop)).data).toEqual(first.data);
  app.clock.advance(2 * 60_000);
  await app.runJobs();
  expect(
    await db()
      .forOrganization(org.id)
      .idempotencyRecord.count({ where: { key: 'weekly' } }),
  ).toBe(0);
});

test('a job whose lease another instance holds is skipped until the lease runs out', async () => {
  await app.graphql(PURCHASE, { key: 'leased' }, shop);
  const now = app.clock.now();
  await db().acrossOrganizations.jobLease.upsert({
    where: { name: 'forget-idempotency-keys' },
    create: {
      name: 'forget-idempotency-keys',
      holder: 'another-instance',
      leaseUntil: new Date(now.getTime() + KEEP_KEYS_MS + 60_000),
    },
    update: { holder: 'another-instance', leaseUntil: new Date(now.getTime() + KEEP_KEYS_MS + 60_000) },
  });
  app.clock.advance(KEEP_KEYS_MS + 1000);
  await app.runJobs();
  expect(
    await db()
      .forOrganization(org.id)
      .idempotencyRecord.count({ where: { key: 'leased' } }),
  ).toBe(1);
  app.clock.advance(120_000);
  await app.runJobs();
  expect(
    await db()
      .forOrganization(org.id)
      .idempotencyRecord.count({ where: { key: 'leased' } }),
  ).toBe(0);
});

test('a customer whose recompute fails is logged and left for later; the rest of the round goes on', async () => {
  const mine = await createCustomers(org, 3, 'R');
  const elsewhere = await createTestOrganization(app, 'Andre');
  const [theirs] = await createCustomers(elsewhere, 1, 'A');
  const broken = mine[1];
  // A database that refuses to store R-2's recomputed risk, as a bad row or a bug would.
  await db().acrossOrganizations.$executeRawUnsafe(
    `CREATE FUNCTION refuse_recompute() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`,
  );
  await db().acrossOrganizations.$executeRawUnsafe(
    `CREATE TRIGGER refuse_recompute BEFORE UPDATE OF "riskComputedAt" ON "Customer"
     FOR EACH ROW WHEN (NEW.id = '${broken.id}') EXECUTE FUNCTION refuse_recompute()`,
  );
  const errors = vi.spyOn(runtime().log, 'error').mockImplementation(() => {});
  const riskScore = async (organizationId: string, id: string) =>
    (await db().forOrganization(organizationId).customer.findUniqueOrThrow({ where: { id } })).riskScore;

  // 45 days without personal contact: every customer is due for IGNORED +10.
  app.clock.advance(45 * 24 * 60 * 60 * 1000);
  await app.runJobs();
  expect(await riskScore(org.id, mine[0].id)).toBe(10);
  expect(await riskScore(org.id, mine[2].id)).toBe(10);
  expect(await riskScore(elsewhere.id, theirs.id)).toBe(10);
  expect(await riskScore(org.id, broken.id)).toBe(0);
  const retryAt = new Date(app.clock.now().getTime() + RECOMPUTE_RETRY_MS);
  expect(errors.mock.calls).toEqual([
    [
      'recompute of a customer failed; the job tries again later',
      { organizationId: org.id, customerId: broken.id, retryAt, error: expect.any(Error) },
    ],
  ]);

  // The next rounds leave it alone until its retry time.
  await app.runJobs();
  expect(errors).toHaveBeenCalledTimes(1);

  await db().acrossOrganizations.$executeRawUnsafe(`DROP TRIGGER refuse_recompute ON "Customer"`);
  app.clock.set(retryAt);
  await app.runJobs();
  expect(await riskScore(org.id, broken.id)).toBe(10);
  expect(errors).toHaveBeenCalledTimes(1);
  errors.mockRestore();
});
