// The board's bulk actions as the API sees them: one request for many alerts, one transaction,
// and every board of the organization hears each alert change as its own alertUpdated.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, login, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers } from '../support/partner.ts';
import { collect, socketClient, untilListening } from '../support/subscriptions.ts';

const DAY = 24 * 60 * 60 * 1000;
let app: TestApp;
let org: TestOrganization;

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-03-02T09:00:00Z') });
  org = await createTestOrganization(app, 'Mange alarmer');
  // 100 customers nobody talks to: 91 days on, each has an open IGNORED alert.
  await createCustomers(org, 100, 'QUIET');
  app.clock.advance(91 * DAY);
  await app.runJobs();
});
afterAll(() => app.stop());

test('acknowledging 100 alerts at once publishes 100 alertUpdated, and another manager’s board hears every one', async () => {
  const manager = await login(app, org.emails.MANAGER);
  const admin = await login(app, org.emails.ADMIN);
  const { alerts } = (
    await app.graphql(
      '{ alerts(first: 100, filter: { statuses: [OPEN], kinds: [IGNORED] }) { totalCount edges { node { id } } } }',
      {},
      manager,
    )
  ).data!;
  expect(alerts.totalCount).toBe(100);
  const ids: string[] = alerts.edges.map((edge: { node: { id: string } }) => edge.node.id);

  // The other manager's board: a live connection of its own.
  const socket = socketClient(app.url, `Bearer ${admin}`);
  await socket.connected;
  const listening = untilListening(org.id);
  const updates = collect<{ alertUpdated: { id: string; status: string } }>(
    socket.client,
    'subscription { alertUpdated { id status } }',
  );
  await listening;

  const answer = await app.graphql(
    `mutation ($ids: [ID!]!) { acknowledgeAlerts(ids: $ids) {
      __typename ... on MutationAcknowledgeAlertsSuccess { data { id status } } } }`,
    { ids },
    manager,
  );
  expect(answer.data!.acknowledgeAlerts.__typename).toBe('MutationAcknowledgeAlertsSuccess');
  expect(answer.data!.acknowledgeAlerts.data.map((alert: { id: string }) => alert.id)).toEqual(ids);

  const heard = new Map<string, string>();
  while (heard.size < ids.length) {
    const { alertUpdated } = (await updates.next(30_000)).data!;
    heard.set(alertUpdated.id, alertUpdated.status);
  }
  expect([...heard.keys()].sort()).toEqual([...ids].sort());
  expect(new Set(heard.values())).toEqual(new Set(['ACKNOWLEDGED']));
  expect(updates.received).toHaveLength(100);
  updates.dispose();
  await socket.client.dispose();
});

test('one unknown id among many changes none of them', async () => {
  const manager = await login(app, org.emails.MANAGER);
  const { alerts } = (
    await app.graphql(
      '{ alerts(first: 3, filter: { statuses: [ACKNOWLEDGED] }) { edges { node { id } } } }',
      {},
      manager,
    )
  ).data!;
  const ids: string[] = alerts.edges.map((edge: { node: { id: string } }) => edge.node.id);
  const unknown = Buffer.from('Alert:no-such-alert').toString('base64');
  const answer = await app.graphql(
    'mutation ($ids: [ID!]!) { resolveAlerts(ids: $ids) { __typename ... on Error { message } } }',
    { ids: [...ids, unknown] },
    manager,
  );
  expect(answer.data!.resolveAlerts.__typename).toBe('NotFoundError');
  const resolved = await app.graphql('{ alerts(filter: { statuses: [RESOLVED] }) { totalCount } }', {}, manager);
  expect(resolved.data!.alerts.totalCount).toBe(0);
});

test('assigning many to a manager puts them in that manager’s view, and an agent may not do it', async () => {
  const manager = await login(app, org.emails.MANAGER);
  const agent = await login(app, org.emails.AGENT);
  const { me } = (await app.graphql('{ me { id } }', {}, manager)).data!;
  const { alerts } = (
    await app.graphql(
      '{ alerts(first: 5, filter: { statuses: [ACKNOWLEDGED] }) { edges { node { id } } } }',
      {},
      manager,
    )
  ).data!;
  const ids: string[] = alerts.edges.map((edge: { node: { id: string } }) => edge.node.id);
  const ASSIGN = `mutation ($ids: [ID!]!, $to: ID) { assignAlerts(input: { ids: $ids, assigneeId: $to }) {
    __typename ... on MutationAssignAlertsSuccess { data { assignee { id } } } } }`;
  const refused = await app.graphql(ASSIGN, { ids, to: me.id }, agent);
  expect(refused.data!.assignAlerts.__typename).toBe('ForbiddenError');
  const answer = await app.graphql(ASSIGN, { ids, to: me.id }, manager);
  expect(answer.data!.assignAlerts.data.map((alert: { assignee: { id: string } }) => alert.assignee.id)).toEqual(
    ids.map(() => me.id),
  );
});
