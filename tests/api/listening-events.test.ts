// Feedback and incidents in recordEvents: the same checks, points and bad experiences as
// submitFeedback and reportIncident, each event answering for itself, set-based.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { db } from '../../api/src/runtime.ts';
import { createSurvey } from '../../api/src/services/survey.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers, partnerKey } from '../support/partner.ts';
import { gid } from '../support/operations.ts';

let app: TestApp;
let org: TestOrganization;
let desk: string;

const RECORD_EVENTS = `mutation ($events: [EventInput!]!) {
  recordEvents(input: { events: $events }) {
    __typename
    ... on MutationRecordEventsSuccess { data { applied failed results { index ok id errors { __typename message ... on ValidationError { fieldErrors { path message } } } } } }
    ... on ValidationError { message }
  }
}`;

async function record(events: unknown[]) {
  return (await app.graphql(RECORD_EVENTS, { events }, desk)).data!.recordEvents.data;
}

async function survey(input: Parameters<typeof createSurvey>[1]): Promise<string> {
  return gid('Survey', (await createSurvey(systemCaller(org.id), input)).id);
}

const tenant = () => db().forOrganization(org.id);

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-03-02T10:00:00Z') });
  org = await createTestOrganization(app, 'Bulkbutik');
  desk = await partnerKey(org, ['EVENTS_WRITE']);
  await createCustomers(org, 20);
});
afterAll(() => app.stop());

describe('recordEvents with feedback and incidents', () => {
  test('stores a purchase, a contact, an answer and an incident in one call, each with its global id', async () => {
    const nps = await survey({ kind: 'NPS', question: 'Would you recommend Bulkbutik?', participationPoints: 15 });
    const result = await record([
      { purchase: { customer: { externalId: 'K-1' }, amount: { amountMinor: 50000, currency: 'DKK' } } },
      {
        interaction: {
          customer: { externalId: 'K-1' },
          channel: 'PHONE',
          direction: 'INBOUND',
          kind: 'SERVICE',
          personal: true,
        },
      },
      { feedback: { customer: { externalId: 'K-1' }, surveyId: nps, score: 4, channel: 'WEB' } },
      { incident: { customer: { externalId: 'K-1' }, title: 'Late delivery', category: 'DELIVERY', severity: 'HIGH' } },
    ]);
    expect(result).toMatchObject({ applied: 4, failed: 0 });
    const typenames = result.results.map((outcome: { id: string }) => Buffer.from(outcome.id, 'base64').toString());
    expect(typenames.map((id: string) => id.split(':')[0])).toEqual([
      'Purchase',
      'Interaction',
      'Feedback',
      'Incident',
    ]);
    const customer = await tenant().customer.findFirstOrThrow({ where: { externalId: 'K-1' } });
    expect(customer.pointsBalance).toBe(50 + 15);
    expect(
      await tenant().experience.findMany({
        where: { customerId: customer.id },
        select: { kind: true, cause: true },
        orderBy: { cause: 'asc' },
      }),
    ).toEqual([
      { kind: 'BAD_EXPERIENCE', cause: 'INCIDENT' },
      { kind: 'BAD_EXPERIENCE', cause: 'NPS' },
    ]);
    const incident = await tenant().incident.findFirstOrThrow({ where: { customerId: customer.id } });
    expect(incident).toMatchObject({ source: 'Partner EVENTS_WRITE', slaDueAt: new Date('2026-03-03T10:00:00Z') });
  });

  test('a bad answer or incident fails alone, with the path of its field under its event', async () => {
    const poll = await survey({ kind: 'POLL', question: 'Favourite season to ride?', options: ['Spring', 'Autumn'] });
    const result = await record([
      { feedback: { customer: { externalId: 'K-2' }, surveyId: poll, option: 'Winter' } },
      { incident: { customer: { externalId: 'K-2' }, title: '', category: 'BILLING', severity: 'LOW' } },
      { feedback: { customer: { externalId: 'K-2' }, surveyId: gid('Survey', 'gone'), score: 9 } },
      { feedback: { customer: { externalId: 'K-2' }, surveyId: poll, option: 'Spring' } },
    ]);
    expect(result.results.map((outcome: { ok: boolean }) => outcome.ok)).toEqual([false, false, false, true]);
    expect(result.results[0].errors[0].fieldErrors).toEqual([
      {
        path: ['input', 'events', '0', 'feedback', 'option'],
        message: '“Winter” is not an option of this poll; choose Spring or Autumn.',
      },
    ]);
    expect(result.results[1].errors[0].fieldErrors).toEqual([
      {
        path: ['input', 'events', '1', 'incident', 'title'],
        message: 'Give the incident a title of 1 to 200 characters.',
      },
    ]);
    expect(result.results[2].errors).toEqual([{ __typename: 'NotFoundError', message: 'Survey was not found.' }]);
    const customer = await tenant().customer.findFirstOrThrow({ where: { externalId: 'K-2' } });
    expect(await tenant().feedback.count({ where: { customerId: customer.id } })).toBe(1);
    expect(await tenant().incident.count({ where: { customerId: customer.id } })).toBe(0);
  });

  test('two answers to one survey by one customer in a batch: the first counts and earns, the second is refused', async () => {
    const csat = await survey({ kind: 'CSAT', question: 'How was your repair?', participationPoints: 10 });
    const result = await record([
      { feedback: { customer: { externalId: 'K-3' }, surveyId: csat, score: 2 } },
      { feedback: { customer: { externalId: 'K-3' }, surveyId: csat, score: 5 } },
    ]);
    expect(result.results.map((outcome: { ok: boolean }) => outcome.ok)).toEqual([true, false]);
    expect(result.results[1].errors[0].fieldErrors).toEqual([
      {
        path: ['input', 'events', '1', 'feedback', 'surveyId'],
        message: 'This customer has already answered this survey; a survey is answered once.',
      },
    ]);
    const customer = await tenant().customer.findFirstOrThrow({ where: { externalId: 'K-3' } });
    expect(customer.pointsBalance).toBe(10);
    expect(await tenant().feedback.findMany({ where: { customerId: customer.id }, select: { score: true } })).toEqual([
      { score: 2 },
    ]);
  });

  test('is set-based: 500 answers and 500 incidents take as many SQL statements as 20 and 20', async () => {
    const customer = (i: number) => ({ externalId: `K-${(i % 20) + 1}` });
    const incident = (i: number) => ({
      incident: { customer: customer(i), title: `Incident ${i}`, category: 'PRODUCT', severity: 'MEDIUM' },
    });
    // The same 20 customers in both calls, each with three incidents and a promoter's answer
    // already, so what is done per customer after its events (risk, alerts, their events) is the
    // same work in both: only per-event work could grow.
    const warmUp = await survey({ kind: 'NPS', question: 'Warm-up', participationPoints: 5 });
    await record([
      ...Array.from({ length: 60 }, (_, i) => incident(i)),
      ...Array.from({ length: 20 }, (_, i) => ({ feedback: { customer: customer(i), surveyId: warmUp, score: 9 } })),
    ]);
    const statementsFor = async (count: number) => {
      // Each customer answers each survey once: count / 20 fresh surveys.
      const surveys: string[] = [];
      for (let i = 0; i < count / 20; i++) {
        surveys.push(await survey({ kind: 'NPS', question: `Survey ${count}-${i}`, participationPoints: 5 }));
      }
      const events = Array.from({ length: count }, (_, i) => [
        { feedback: { customer: customer(i), surveyId: surveys[Math.floor(i / 20)], score: 9 } },
        incident(i),
      ]).flat();
      const before = db().statements();
      expect((await record(events)).applied).toBe(2 * count);
      return db().statements() - before;
    };
    expect(await statementsFor(500)).toBe(await statementsFor(20));
  });
});
