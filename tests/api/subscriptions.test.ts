// PRODUCT.md "Subscriptions": alertRaised(filter: {kinds, minSeverity}), alertUpdated,
// churnRiskChanged(minLevel) and incidentChanged, over graphql-ws and over SSE, each confined to
// the subscriber's organization. Every test acts on customers of its own, so what a subscriber
// receives is exactly what that test did.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { createSurvey } from '../../api/src/services/survey.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, login, type TestOrganization } from '../support/fixtures.ts';
import { gid } from '../support/operations.ts';
import { partnerKey } from '../support/partner.ts';
import {
  collect,
  collectSse,
  socketClient,
  untilDelivered,
  untilListening,
  type Received,
} from '../support/subscriptions.ts';

let app: TestApp;
let org: TestOrganization;
let other: TestOrganization;
let reader: string;
let otherReader: string;
let desk: string;
let npsSurvey: string;

const REPORT = `mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { __typename } }`;
const ANSWER = `mutation ($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { __typename } }`;

/** A customer no other test touches. */
async function customer(externalId: string): Promise<string> {
  await upsertCustomer(systemCaller(org.id), { externalId, name: `Kunde ${externalId}` });
  return externalId;
}
async function incident(externalId: string, severity: string, title = 'Chain snapped') {
  const result = await app.graphql(
    REPORT,
    { input: { customer: { externalId }, title, category: 'PRODUCT', severity } },
    desk,
  );
  expect(result.data!.reportIncident.__typename).toBe('MutationReportIncidentSuccess');
}
async function npsAnswer(externalId: string, score: number) {
  const result = await app.graphql(ANSWER, { input: { customer: { externalId }, surveyId: npsSurvey, score } }, desk);
  expect(result.data!.submitFeedback.__typename).toBe('MutationSubmitFeedbackSuccess');
}

type Transport = 'graphql-ws' | 'SSE';

/** A subscription as `token`'s holder (of `organizationId`), listening by the time it resolves. */
async function subscribe(
  transport: Transport,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
  organizationId = org.id,
) {
  const listening = untilListening(organizationId);
  let subscription: Received<Record<string, any>> & { close(): Promise<void> };
  if (transport === 'graphql-ws') {
    const socket = socketClient(app.url, `Bearer ${token}`);
    await socket.connected;
    const collected = collect(socket.client, query, variables);
    subscription = Object.assign(collected, {
      close: async () => {
        collected.dispose();
        await socket.client.dispose();
      },
    });
  } else {
    const collected = collectSse(app.url, `Bearer ${token}`, query, variables);
    await collected.open;
    subscription = Object.assign(collected, { close: async () => collected.dispose() });
  }
  await listening;
  return subscription;
}

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-03-02T09:00:00Z') });
  org = await createTestOrganization(app, 'Abonnent');
  other = await createTestOrganization(app, 'Nabo');
  reader = await partnerKey(org, ['ALERTS_READ', 'CUSTOMERS_READ']);
  otherReader = await partnerKey(other, ['ALERTS_READ', 'CUSTOMERS_READ']);
  desk = await partnerKey(org, ['EVENTS_WRITE']);
  npsSurvey = gid(
    'Survey',
    (await createSurvey(systemCaller(org.id), { kind: 'NPS', question: 'Would you recommend us?' })).id,
  );
});
afterAll(() => app.stop());

describe('alertRaised(filter:)', () => {
  const RAISED = `subscription ($filter: AlertSubscriptionFilter) {
    alertRaised(filter: $filter) { kind severity customer { externalId } } }`;

  test('with kinds, only alerts of those kinds are delivered', async () => {
    const subscription = await subscribe('graphql-ws', reader, RAISED, { filter: { kinds: ['DETRACTOR'] } });
    await incident(await customer('KINDS-INCIDENT'), 'HIGH');
    await npsAnswer(await customer('KINDS-DETRACTOR'), 3);
    expect((await subscription.next()).data!.alertRaised).toEqual({
      kind: 'DETRACTOR',
      severity: 'WARNING',
      customer: { externalId: 'KINDS-DETRACTOR' },
    });
    expect(subscription.received).toHaveLength(1);
    await subscription.close();
  });

  test('with minSeverity, only alerts at or above that severity are delivered', async () => {
    const subscription = await subscribe('graphql-ws', reader, RAISED, { filter: { minSeverity: 'CRITICAL' } });
    await incident(await customer('SEVERITY-HIGH'), 'HIGH');
    await incident(await customer('SEVERITY-CRITICAL'), 'CRITICAL');
    expect((await subscription.next()).data!.alertRaised).toEqual({
      kind: 'INCIDENT',
      severity: 'CRITICAL',
      customer: { externalId: 'SEVERITY-CRITICAL' },
    });
    expect(subscription.received).toHaveLength(1);
    await subscription.close();
  });

  test('with kinds and minSeverity, an alert must match both to be delivered', async () => {
    const subscription = await subscribe('graphql-ws', reader, RAISED, {
      filter: { kinds: ['INCIDENT'], minSeverity: 'CRITICAL' },
    });
    await npsAnswer(await customer('BOTH-DETRACTOR'), 0);
    await incident(await customer('BOTH-HIGH'), 'HIGH');
    await incident(await customer('BOTH-CRITICAL'), 'CRITICAL');
    expect((await subscription.next()).data!.alertRaised).toEqual({
      kind: 'INCIDENT',
      severity: 'CRITICAL',
      customer: { externalId: 'BOTH-CRITICAL' },
    });
    expect(subscription.received).toHaveLength(1);
    await subscription.close();
  });
});

describe('churnRiskChanged(minLevel:)', () => {
  test('only changes to a level at or above minLevel are delivered', async () => {
    const subscription = await subscribe(
      'graphql-ws',
      reader,
      'subscription { churnRiskChanged(minLevel: HIGH) { externalId risk { score level } } }',
    );
    const externalId = await customer('LEVELS');
    await incident(externalId, 'LOW'); // BAD_EXPERIENCE 15 + UNRESOLVED_INCIDENT 10: LOW
    await npsAnswer(externalId, 8); // + PASSIVE 5: MEDIUM
    await incident(externalId, 'LOW', 'Wrong size'); // TWO_STRIKES 40 + UNRESOLVED_INCIDENT 20 + PASSIVE 5: HIGH
    expect((await subscription.next()).data!.churnRiskChanged).toEqual({
      externalId: 'LEVELS',
      risk: { score: 65, level: 'HIGH' },
    });
    expect(subscription.received).toHaveLength(1);
    await subscription.close();
  });
});

// Each subscription, what a test does to set it off, and what its subscriber then receives.
const LIVE: {
  field: string;
  query: string;
  /** Before subscribing: the customer's earlier history. */
  before?: (externalId: string) => Promise<void>;
  act: (externalId: string) => Promise<void>;
  expected: (externalId: string) => unknown;
}[] = [
  {
    field: 'alertRaised',
    query: 'subscription { alertRaised { kind customer { externalId } } }',
    act: (externalId) => incident(externalId, 'HIGH'),
    expected: (externalId) => ({ kind: 'INCIDENT', customer: { externalId } }),
  },
  {
    field: 'alertUpdated',
    query: 'subscription { alertUpdated { kind status customer { externalId } } }',
    before: (externalId) => incident(externalId, 'HIGH'),
    act: async (externalId) => {
      const alerts = await app.graphql(
        `query ($externalId: String!) { customer(ref: { externalId: $externalId }) {
          alerts(statuses: [OPEN]) { edges { node { id } } } } }`,
        { externalId },
        reader,
      );
      const [open] = alerts.data!.customer.alerts.edges;
      const acknowledged = await app.graphql(
        'mutation ($id: ID!) { acknowledgeAlert(id: $id) { __typename } }',
        { id: open.node.id },
        org.tokens.MANAGER,
      );
      expect(acknowledged.data!.acknowledgeAlert.__typename).toBe('MutationAcknowledgeAlertSuccess');
    },
    expected: (externalId) => ({ kind: 'INCIDENT', status: 'ACKNOWLEDGED', customer: { externalId } }),
  },
  {
    field: 'churnRiskChanged',
    query: 'subscription { churnRiskChanged { externalId risk { score level } } }',
    act: (externalId) => incident(externalId, 'LOW'),
    expected: (externalId) => ({ externalId, risk: { score: 25, level: 'LOW' } }),
  },
  {
    field: 'incidentChanged',
    query: 'subscription { incidentChanged { title status customer { externalId } } }',
    act: (externalId) => incident(externalId, 'MEDIUM', 'Gears slipping'),
    expected: (externalId) => ({ title: 'Gears slipping', status: 'OPEN', customer: { externalId } }),
  },
];

describe.each<Transport>(['graphql-ws', 'SSE'])('over %s', (transport) => {
  test.each(LIVE)(
    '$field delivers what happened in the subscriber’s organization, and nothing to another organization',
    async ({ field, query, before, act, expected }) => {
      const externalId = await customer(`${transport}-${field}`);
      await before?.(externalId);
      const mine = await subscribe(transport, reader, query);
      const theirs = await subscribe(transport, otherReader, query, {}, other.id);
      await act(externalId);
      expect((await mine.next()).data![field]).toEqual(expected(externalId));
      await untilDelivered(org.id);
      expect(theirs.received).toEqual([]);
      await Promise.all([mine.close(), theirs.close()]);
    },
  );
});

// Subscribers asking the same question of one event share one answer: never across what makes
// answers differ.
describe('one event, many subscribers', () => {
  const TITLE = 'subscription { alertRaised { id title } }';
  /** The alert's title as `token`'s holder reads it in a query. */
  async function titleAsRead(token: string, id: string, locale?: string) {
    const query = `query ($id: ID!, $locale: Locale) { node(id: $id) { ... on Alert { title(locale: $locale) } } }`;
    return (await app.graphql(query, { id, locale }, token)).data!.node.title;
  }

  test('two managers subscribed alike get the alert each in their own language', async () => {
    const created = await app.graphql(
      `mutation { createUser(input: { email: "dansk@abonnent.example", name: "Dansk Leder", role: MANAGER, locale: DA }) {
        ... on MutationCreateUserSuccess { data { initialPassword } } } }`,
      {},
      org.tokens.ADMIN,
    );
    const danish = await login(app, 'dansk@abonnent.example', created.data!.createUser.data.initialPassword);
    const inEnglish = await subscribe('graphql-ws', org.tokens.MANAGER, TITLE);
    const inDanish = await subscribe('graphql-ws', danish, TITLE);
    await incident(await customer('LANGUAGES'), 'CRITICAL');
    const english = (await inEnglish.next()).data!.alertRaised;
    const danishAlert = (await inDanish.next()).data!.alertRaised;
    expect(danishAlert.id).toBe(english.id);
    expect(english.title).toBe(await titleAsRead(org.tokens.MANAGER, english.id));
    expect(danishAlert.title).toBe(await titleAsRead(danish, english.id));
    expect(danishAlert.title).not.toBe(english.title);
    await Promise.all([inEnglish.close(), inDanish.close()]);
  });

  test('one subscription text with other variables gets the answer its variables ask for', async () => {
    const query = 'subscription ($locale: Locale) { alertRaised { id title(locale: $locale) } }';
    const [danish, english] = await Promise.all([
      subscribe('graphql-ws', reader, query, { locale: 'DA' }),
      subscribe('graphql-ws', reader, query, { locale: 'EN' }),
    ]);
    await incident(await customer('VARIABLES'), 'CRITICAL');
    const [inDanish, inEnglish] = [(await danish.next()).data!.alertRaised, (await english.next()).data!.alertRaised];
    expect(inDanish.title).toBe(await titleAsRead(reader, inDanish.id, 'DA'));
    expect(inEnglish.title).toBe(await titleAsRead(reader, inDanish.id, 'EN'));
    expect(inDanish.title).not.toBe(inEnglish.title);
    await Promise.all([danish.close(), english.close()]);
  });
});

test('SSE also works with GET, the query in the URL', async () => {
  const listening = untilListening(org.id);
  const subscription = collectSse(
    app.url,
    `Bearer ${reader}`,
    'subscription ($minLevel: RiskLevel) { churnRiskChanged(minLevel: $minLevel) { externalId } }',
    { minLevel: 'LOW' },
    'GET',
  );
  await subscription.open;
  await listening;
  await incident(await customer('OVER-GET'), 'LOW');
  expect((await subscription.next()).data!.churnRiskChanged).toEqual({ externalId: 'OVER-GET' });
  subscription.dispose();
});
