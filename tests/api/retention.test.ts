// The retention engine as time passes: risk recomputed by the background job, IGNORED raised once
// on crossing 90 days without personal contact and resolved by a contact, live over graphql-ws
// and SSE, confined to the subscriber's organization.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { db } from '../../api/src/runtime.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, login, type TestOrganization } from '../support/fixtures.ts';
import { partnerKey } from '../support/partner.ts';
import { collect, readSseUntil, socketClient, untilDelivered, untilListening } from '../support/subscriptions.ts';

const DAY = 24 * 60 * 60 * 1000;
let app: TestApp;
let org: TestOrganization;
let other: TestOrganization;
let reader: string;
let writer: string;

const CUSTOMER = `query ($externalId: String!) { customer(ref: { externalId: $externalId }) {
  risk { score level factors { code points explanation en: explanation(locale: EN) } }
  engagement engagementParts { code points explanation(locale: EN) }
  satisfaction satisfactionKnown
  alerts { totalCount edges { node { kind severity status } } }
} }`;
const CONTACT = `mutation ($externalId: String!, $occurredAt: DateTime) { recordInteraction(input: {
  customer: { externalId: $externalId }, channel: PHONE, direction: OUTBOUND, kind: CHECK_IN, personal: true, occurredAt: $occurredAt }) { __typename } }`;

async function customer(externalId: string) {
  return (await app.graphql(CUSTOMER, { externalId }, reader)).data!.customer;
}

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-01-10T08:00:00Z') });
  org = await createTestOrganization(app, 'Tid');
  other = await createTestOrganization(app, 'Anden');
  reader = await partnerKey(org, ['CUSTOMERS_READ', 'ALERTS_READ']);
  writer = await partnerKey(org, ['EVENTS_WRITE']);
  for (const externalId of ['QUIET', 'TALKED']) {
    await upsertCustomer(systemCaller(org.id), { externalId, name: `Kunde ${externalId}` });
  }
  await app.runJobs();
});
afterAll(() => app.stop());

describe('as time passes', () => {
  test('a new customer is LOW risk with no factors', async () => {
    expect((await customer('QUIET')).risk).toEqual({ score: 0, level: 'LOW', factors: [] });
  });

  test('45 days without personal contact adds IGNORED +10, recomputed by the background job', async () => {
    app.clock.advance(45 * DAY);
    await app.runJobs();
    const risk = (await customer('QUIET')).risk;
    expect(risk.score).toBe(10);
    expect(risk.factors).toEqual([
      { code: 'IGNORED', points: 10, explanation: expect.any(String), en: expect.stringMatching(/45 days/) },
    ]);
  });

  test('crossing 90 days raises IGNORED once, live to subscribers of that organization only', async () => {
    const mine = socketClient(app.url, `Bearer ${reader}`);
    const theirs = socketClient(app.url, `Bearer ${await partnerKey(other, ['ALERTS_READ'])}`);
    await Promise.all([mine.connected, theirs.connected]);
    const listening = Promise.all([untilListening(org.id), untilListening(other.id)]);
    const raised = collect(mine.client, 'subscription { alertRaised { kind severity title customer { externalId } } }');
    const elsewhere = collect(theirs.client, 'subscription { alertRaised { kind } }');
    await listening;

    app.clock.advance(46 * DAY);
    await app.runJobs();
    const event = await raised.next();
    expect(event.data!.alertRaised).toMatchObject({
      kind: 'IGNORED',
      severity: 'INFO',
      customer: { externalId: expect.stringMatching(/QUIET|TALKED/) },
    });
    app.clock.advance(1 * DAY);
    await app.runJobs();
    const alerts = (await customer('QUIET')).alerts;
    expect(alerts.edges.map((edge: any) => edge.node)).toEqual([{ kind: 'IGNORED', severity: 'INFO', status: 'OPEN' }]);
    await untilDelivered(org.id);
    expect(elsewhere.received).toEqual([]);
    raised.dispose();
    elsewhere.dispose();
    await mine.client.dispose();
    await theirs.client.dispose();
  });

  test('a personal contact resolves the IGNORED alert by itself, saying why', async () => {
    await app.graphql(CONTACT, { externalId: 'TALKED' }, writer);
    const [alert] = await db()
      .forOrganization(org.id)
      .alert.findMany({ where: { customer: { externalId: 'TALKED' }, kind: 'IGNORED' } });
    expect(alert.status).toBe('RESOLVED');
    const read = await app.graphql(
      'query ($id: ID!) { node(id: $id) { ... on Alert { status resolutionNote(locale: EN) } } }',
      { id: Buffer.from(`Alert:${alert.id}`).toString('base64') },
      reader,
    );
    expect(read.data!.node.status).toBe('RESOLVED');
    expect(read.data!.node.resolutionNote).toMatch(/contact/i);
    expect((await customer('TALKED')).risk.factors).toEqual([]);
  });

  test('the job recomputes only customers whose time has come', async () => {
    const due = await db()
      .forOrganization(org.id)
      .customer.findMany({ where: { recomputeAt: { lte: app.clock.now() } } });
    expect(due).toEqual([]);
  });
});

describe('engagement', () => {
  test('counts inbound contacts and purchases of the last 90 days, each part explained', async () => {
    await app.graphql(
      `mutation { recordEvents(input: { events: [
        { interaction: { customer: { externalId: "TALKED" }, channel: STORE, direction: INBOUND, kind: SERVICE, personal: true } },
        { purchase: { customer: { externalId: "TALKED" }, amount: { amountMinor: 50000, currency: "DKK" } } },
        { purchase: { customer: { externalId: "TALKED" }, amount: { amountMinor: 50000, currency: "DKK" } } }
      ] }) { __typename } }`,
      {},
      writer,
    );
    const talked = await customer('TALKED');
    expect(talked.engagement).toBe(8 + 12);
    expect(talked.engagementParts.map((part: any) => [part.code, part.points])).toEqual([
      ['INBOUND_INTERACTIONS', 8],
      ['PURCHASES', 12],
    ]);
    expect(talked.satisfaction).toBe(50);
    expect(talked.satisfactionKnown).toBe(false);
  });
});

describe('overview and alerts', () => {
  test('counts customers, open alerts and the risk distribution', async () => {
    const result = await app.graphql(
      '{ overview { customers openAlerts openIncidents nps riskDistribution { level count } } }',
      {},
      reader,
    );
    expect(result.data!.overview).toEqual({
      customers: 2,
      openAlerts: 1,
      openIncidents: 0,
      nps: null,
      riskDistribution: [
        { level: 'LOW', count: 2 },
        { level: 'MEDIUM', count: 0 },
        { level: 'HIGH', count: 0 },
        { level: 'CRITICAL', count: 0 },
      ],
    });
  });

  test('alerts(since:) returns every alert created or changed at or after that time', async () => {
    const since = async (time: Date) =>
      (await app.graphql('query ($since: DateTime) { alerts(since: $since) { totalCount } }', { since: time }, reader))
        .data!.alerts.totalCount;
    // TALKED's IGNORED alert was resolved by the contact at this very instant.
    expect(await since(app.clock.now())).toBe(1);
    expect(await since(new Date(app.clock.now().getTime() + 1))).toBe(0);
    expect(await since(new Date('2000-01-01T00:00:00Z'))).toBe(2);
  });

  test('a manager acknowledges, assigns and resolves; each change is published as alertUpdated', async () => {
    // The clock has moved months ahead: sign in afresh.
    const token = await login(app, org.emails.MANAGER);
    const socket = socketClient(app.url, `Bearer ${reader}`);
    await socket.connected;
    const listening = untilListening(org.id);
    const updates = collect(socket.client, 'subscription { alertUpdated { status assignee { email } } }');
    await listening;
    const [open] = (await app.graphql('{ alerts(filter: { statuses: [OPEN] }) { edges { node { id } } } }', {}, reader))
      .data!.alerts.edges;
    const me = (await app.graphql('{ me { id } }', {}, token)).data!.me;
    const ack = await app.graphql(
      'mutation ($id: ID!) { acknowledgeAlert(id: $id) { ... on MutationAcknowledgeAlertSuccess { data { status acknowledgedBy { email } } } } }',
      { id: open.node.id },
      token,
    );
    expect(ack.data!.acknowledgeAlert.data).toEqual({
      status: 'ACKNOWLEDGED',
      acknowledgedBy: { email: org.emails.MANAGER },
    });
    expect((await updates.next()).data!.alertUpdated.status).toBe('ACKNOWLEDGED');
    await app.graphql(
      'mutation ($id: ID!, $to: ID) { assignAlert(input: { id: $id, assigneeId: $to }) { __typename } }',
      { id: open.node.id, to: me.id },
      token,
    );
    expect((await updates.next()).data!.alertUpdated.assignee).toEqual({ email: org.emails.MANAGER });
    const resolved = await app.graphql(
      'mutation ($id: ID!) { resolveAlert(id: $id) { ... on MutationResolveAlertSuccess { data { status } } } }',
      { id: open.node.id },
      token,
    );
    expect(resolved.data!.resolveAlert.data.status).toBe('RESOLVED');
    expect((await updates.next()).data!.alertUpdated.status).toBe('RESOLVED');
    updates.dispose();
    await socket.client.dispose();
  });

  test('an SSE subscriber receives alerts raised in its organization', async () => {
    const controller = new AbortController();
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${reader}` },
      body: JSON.stringify({ query: 'subscription { alertRaised { kind customer { externalId } } }' }),
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    await upsertCustomer(systemCaller(org.id), { externalId: 'LATE', name: 'Sen Kunde' });
    app.clock.advance(91 * DAY);
    const reading = readSseUntil(response, '"externalId":"LATE"');
    await app.runJobs();
    expect(await reading).toMatch(/"kind":"IGNORED"/);
    controller.abort();
  });
});

describe('a customer’s own alerts and risk changes', () => {
  test('Customer.alerts filters by status', async () => {
    const result = await app.graphql(
      `query ($externalId: String!) { customer(ref: { externalId: $externalId }) {
        open: alerts(statuses: [OPEN]) { totalCount } all: alerts { totalCount } } }`,
      { externalId: 'QUIET' },
      reader,
    );
    expect(result.data!.customer.all.totalCount).toBe(1);
    expect(result.data!.customer.open.totalCount).toBe(0);
  });

  test('churnRiskChanged(customerId:) sends only that customer’s changes', async () => {
    const socket = socketClient(app.url, `Bearer ${reader}`);
    await socket.connected;
    const { data } = await app.graphql('{ customer(ref: { externalId: "TALKED" }) { id } }', {}, reader);
    const listening = untilListening(org.id);
    const changes = collect(
      socket.client,
      'subscription ($id: ID) { churnRiskChanged(customerId: $id) { externalId } }',
      {
        id: data!.customer.id,
      },
    );
    await listening;
    const report = `mutation ($externalId: String!) { reportIncident(input: {
      customer: { externalId: $externalId }, title: "Flat tyre", category: PRODUCT, severity: LOW }) { __typename } }`;
    await app.graphql(report, { externalId: 'LATE' }, writer);
    await app.graphql(report, { externalId: 'TALKED' }, writer);
    // One subscription receives in the log's order: LATE's change, stored first, would have come first.
    expect((await changes.next()).data!.churnRiskChanged).toEqual({ externalId: 'TALKED' });
    expect(changes.received.every((event: any) => event.data.churnRiskChanged.externalId === 'TALKED')).toBe(true);
    changes.dispose();
    await socket.client.dispose();
  });
});
