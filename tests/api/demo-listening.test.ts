import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { db, runtime } from '../../api/src/runtime.ts';
import { isSlaBreached } from '../../api/src/domain/incidents/sla-breached.ts';
import type { Pattern } from '../../api/src/seed/demo-customers.ts';
import { seedDemoListening } from '../../api/src/seed/demo-listening.ts';
import { Random } from '../../api/src/seed/random.ts';
import { npsOverLastDays, npsTrendOf } from '../../api/src/services/feedback.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers } from '../support/partner.ts';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const PATTERNS: Pattern[] = ['regular', 'occasional', 'lapsing', 'ignored', 'new'];

let app: TestApp;
let org: TestOrganization;

beforeAll(async () => {
  app = await startTestApp({ now: NOW });
  org = await createTestOrganization(app, 'Demo');
  const customers = await createCustomers(org, 100);
  await seedDemoListening(
    systemCaller(org.id),
    new Random(2026),
    NOW,
    customers.map((customer, index) => ({ ...customer, pattern: PATTERNS[index % PATTERNS.length] })),
  );
});
afterAll(() => app.stop());

test('the demo has incidents of every category and severity: open in time, overdue, recovered and unsatisfied', async () => {
  const incidents = await db().forOrganization(org.id).incident.findMany();
  expect(new Set(incidents.map((incident) => `${incident.category} ${incident.severity}`)).size).toBe(20);
  const open = incidents.filter((incident) => ['OPEN', 'IN_PROGRESS'].includes(incident.status));
  expect(open.filter((incident) => isSlaBreached(incident, NOW)).length).toBeGreaterThan(0);
  expect(open.filter((incident) => !isSlaBreached(incident, NOW)).length).toBeGreaterThan(0);
  const resolved = incidents.filter((incident) => incident.resolvedAt);
  expect(resolved.filter((incident) => incident.customerSatisfied === 'YES').length).toBeGreaterThan(0);
  expect(resolved.filter((incident) => incident.customerSatisfied === 'NO').length).toBeGreaterThan(0);
  expect(resolved.filter((incident) => isSlaBreached(incident, NOW)).length).toBeGreaterThan(0);
  expect(resolved.every((incident) => incident.resolvedAt! < NOW)).toBe(true);
});

test('the demo replays incidents at their own times and leaves the clock as it found it', async () => {
  expect(runtime().clock).toBe(app.clock);
  const recoveries = await db()
    .forOrganization(org.id)
    .experience.findMany({ where: { kind: 'RECOVERY' }, include: { incident: true } });
  expect(recoveries.length).toBeGreaterThan(0);
  for (const recovery of recoveries) expect(recovery.occurredAt).toEqual(recovery.incident!.resolvedAt);
});

test('the demo has an NPS survey, a CSAT survey and a poll, and its NPS rose over the year', async () => {
  const surveys = await db()
    .forOrganization(org.id)
    .survey.findMany({ select: { kind: true, _count: { select: { feedback: true } } } });
  expect(surveys.map((survey) => survey.kind).sort()).toEqual(['CSAT', 'NPS', 'POLL']);
  expect(surveys.every((survey) => survey._count.feedback > 0)).toBe(true);
  const trend = await npsTrendOf(systemCaller(org.id), {
    from: new Date('2025-03-01T00:00:00Z'),
    to: new Date('2026-03-01T00:00:00Z'),
    bucket: 'MONTH',
  });
  const months = trend.map((bucket) => bucket.nps ?? 0);
  const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  expect(average(months.slice(6))).toBeGreaterThan(average(months.slice(0, 6)) + 20);
  expect(await npsOverLastDays(systemCaller(org.id), 90)).toBeGreaterThan(0);
});
