import { afterAll, beforeAll, expect, test } from 'vitest';
import { db } from '../../api/src/runtime.ts';
import { KEEP_KEYS_MS } from '../../api/src/services/idempotency.service.ts';
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
