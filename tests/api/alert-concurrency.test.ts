// Concurrent raises on PostgreSQL. PGlite runs one transaction at a time, so two recomputes
// racing to raise the same alert never meet there: these tests run only with DATABASE_URL.
// Recomputes lock their customers first (the lock order of transaction.service.ts), so they queue.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { db } from '../../api/src/runtime.ts';
import { recomputeCustomers } from '../../api/src/services/recompute.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers } from '../support/partner.ts';
import { onPostgres } from '../support/database.ts';
import { gid } from '../support/operations.ts';

const DAY = 24 * 60 * 60 * 1000;
let app: TestApp;
let org: TestOrganization;

beforeAll(async () => {
  if (!onPostgres) return;
  app = await startTestApp({ now: new Date('2026-03-01T12:00:00Z') });
  org = await createTestOrganization(app, 'Kapløb');
});
afterAll(() => app?.stop());

describe.skipIf(!onPostgres)('concurrent raises on PostgreSQL', () => {
  test('recomputes racing to raise the same IGNORED alert all succeed and leave exactly one open alert, in each of 10 trials', async () => {
    const customers = await createCustomers(org, 10, 'RACE');
    app.clock.advance(91 * DAY);
    // Straight to the service, as the job and a partner's event would each call it.
    for (const customer of customers) {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 4 }, () => recomputeCustomers(org.id, [customer.id])),
      );
      expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
      const stored = await db()
        .forOrganization(org.id)
        .customer.findUniqueOrThrow({ where: { id: customer.id }, select: { riskScore: true, riskComputedAt: true } });
      expect(stored).toEqual({ riskScore: 20, riskComputedAt: app.clock.now() });
      const alerts = await db()
        .forOrganization(org.id)
        .alert.findMany({ where: { customerId: customer.id }, select: { kind: true, status: true } });
      expect(alerts).toEqual([{ kind: 'IGNORED', status: 'OPEN' }]);
    }
  });

  test('recomputes of one customer queue on its lock: the first raises and announces, the others find it raised and announce nothing', async () => {
    const customers = await createCustomers(org, 10, 'LATE');
    app.clock.advance(91 * DAY);
    for (const customer of customers) {
      const results = await Promise.all(Array.from({ length: 4 }, () => recomputeCustomers(org.id, [customer.id])));
      expect(results.flatMap((result) => result.news.raised)).toHaveLength(1);
      expect(results.flatMap((result) => result.news.updated)).toEqual([]);
      const announced = await db()
        .forOrganization(org.id)
        .event.findMany({
          where: { type: { in: ['alert.raised', 'alert.updated'] } },
          select: { type: true, data: true },
        });
      expect(
        announced.filter((event) => (event.data as { customer: string }).customer === gid('Customer', customer.id)),
      ).toEqual([{ type: 'alert.raised', data: expect.objectContaining({ kind: 'IGNORED', status: 'OPEN' }) }]);
    }
  });
});
