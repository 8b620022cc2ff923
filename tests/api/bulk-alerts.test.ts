// The board's bulk action as the API sees it: one acknowledgeAlert per alert, eight in flight, as
// the dashboard sends them; every board of the organization hears each one.
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

  const ACKNOWLEDGE = `mutation ($id: ID!) { acknowledgeAlert(id: $id) { __typename } }`;
  for (let start = 0; start < ids.length; start += 8) {
    const answers = await Promise.all(
      ids.slice(start, start + 8).map((id) => app.graphql(ACKNOWLEDGE, { id }, manager)),
    );
    for (const answer of answers)
      expect(answer.data!.acknowledgeAlert.__typename).toBe('MutationAcknowledgeAlertSuccess');
  }

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
