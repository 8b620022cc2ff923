// PRODUCT.md "Alerts", end to end over GraphQL as a partner (a support desk) and a manager would.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { createSurvey } from '../../api/src/services/survey.service.ts';
import { db } from '../../api/src/runtime.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, login, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers, partnerKey } from '../support/partner.ts';
import { gid } from '../support/operations.ts';
import { collect, socketClient, untilListening } from '../support/subscriptions.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
let app: TestApp;
let org: TestOrganization;
let desk: string;
let reader: string;
let npsSurvey: string;

const REPORT = `mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) {
  __typename ... on MutationReportIncidentSuccess { data { id slaDueAt } } ... on Error { message } } }`;
const ANSWER = `mutation ($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { __typename ... on Error { message } } }`;
const CUSTOMER = `query ($externalId: String!) { customer(ref: { externalId: $externalId }) {
  risk { score level factors { code points explanation(locale: EN) } }
  alerts(first: 20) { edges { node {
    id kind severity status title(locale: EN) message(locale: EN) incident { title } updatedAt } } }
} }`;

async function customer(externalId: string, token = reader) {
  return (await app.graphql(CUSTOMER, { externalId }, token)).data!.customer;
}
const alertsOf = async (externalId: string, kind?: string, token = reader) =>
  (await customer(externalId, token)).alerts.edges
    .map((edge: any) => edge.node)
    .filter((alert: any) => !kind || alert.kind === kind);
const incident = (externalId: string, severity = 'LOW', title = 'Late delivery') =>
  app.graphql(REPORT, { input: { customer: { externalId }, title, category: 'DELIVERY', severity } }, desk);
const npsAnswer = (externalId: string, score: number) =>
  app.graphql(ANSWER, { input: { customer: { externalId }, surveyId: npsSurvey, score } }, desk);

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-03-02T09:00:00Z') });
  org = await createTestOrganization(app, 'Alarmer');
  desk = await partnerKey(org, ['EVENTS_WRITE']);
  reader = await partnerKey(org, ['CUSTOMERS_READ', 'ALERTS_READ']);
  for (const externalId of ['STRIKES', 'DETRACTOR', 'SEVERE', 'RECOVERY', 'ESCALATE']) {
    await upsertCustomer(systemCaller(org.id), { externalId, name: `Kunde ${externalId}` });
  }
  npsSurvey = gid(
    'Survey',
    (await createSurvey(systemCaller(org.id), { kind: 'NPS', question: 'Would you recommend us?' })).id,
  );
});
afterAll(() => app.stop());

describe('TWO_STRIKES', () => {
  test('one bad experience is BAD_EXPERIENCE +15 and raises no TWO_STRIKES alert', async () => {
    await incident('STRIKES');
    const risk = (await customer('STRIKES')).risk;
    expect(risk.factors.map((factor: any) => [factor.code, factor.points])).toEqual([
      ['BAD_EXPERIENCE', 15],
      ['UNRESOLVED_INCIDENT', 10],
    ]);
    expect(await alertsOf('STRIKES', 'TWO_STRIKES')).toEqual([]);
  });

  test('a second bad experience within 90 days raises exactly one CRITICAL TWO_STRIKES alert and moves the risk', async () => {
    app.clock.advance(24 * HOUR);
    await npsAnswer('STRIKES', 4);
    const { risk } = await customer('STRIKES');
    expect(risk.factors.map((factor: any) => [factor.code, factor.points])).toEqual([
      ['TWO_STRIKES', 40],
      ['UNRESOLVED_INCIDENT', 10],
      ['DETRACTOR', 15],
    ]);
    expect(risk).toMatchObject({ score: 65, level: 'HIGH' });
    expect(risk.factors[0].explanation).toBe(
      'Two bad experiences in the last 90 days: an incident on 2 Mar and an NPS answer of 4 on 3 Mar.',
    );
    const strikes = await alertsOf('STRIKES', 'TWO_STRIKES');
    expect(strikes).toHaveLength(1);
    expect(strikes[0]).toMatchObject({ severity: 'CRITICAL', status: 'OPEN' });
  });

  test('the rise to HIGH raises a CHURN_RISK WARNING', async () => {
    expect(await alertsOf('STRIKES', 'CHURN_RISK')).toMatchObject([{ severity: 'WARNING', status: 'OPEN' }]);
  });

  test('a third bad experience escalates the open TWO_STRIKES alert rather than adding one', async () => {
    app.clock.advance(24 * HOUR);
    await incident('STRIKES', 'MEDIUM', 'Wrong invoice');
    const strikes = await alertsOf('STRIKES', 'TWO_STRIKES');
    expect(strikes).toHaveLength(1);
    expect(strikes[0].message).toMatch(/3|three/i);
    const risk = (await customer('STRIKES')).risk;
    expect(risk.factors[0]).toMatchObject({ code: 'TWO_STRIKES', points: 55 });
  });

  test('the level rising to CRITICAL escalates the CHURN_RISK alert to CRITICAL', async () => {
    const { risk } = await customer('STRIKES');
    expect(risk.level).toBe('CRITICAL');
    expect(await alertsOf('STRIKES', 'CHURN_RISK')).toMatchObject([{ severity: 'CRITICAL', status: 'OPEN' }]);
  });
});

describe('DETRACTOR', () => {
  test('an NPS answer of 0–6 raises a DETRACTOR WARNING; a promoter answer does not', async () => {
    await npsAnswer('DETRACTOR', 2);
    expect(await alertsOf('DETRACTOR', 'DETRACTOR')).toMatchObject([{ severity: 'WARNING', status: 'OPEN' }]);
    await npsAnswer('SEVERE', 10);
    expect(await alertsOf('SEVERE', 'DETRACTOR')).toEqual([]);
  });
});

describe('INCIDENT and SLA_BREACH', () => {
  test('a HIGH incident raises an INCIDENT WARNING, a CRITICAL one an INCIDENT CRITICAL, a LOW one nothing', async () => {
    await incident('SEVERE', 'HIGH', 'Frame cracked');
    await incident('SEVERE', 'CRITICAL', 'Brakes failed');
    const alerts = await alertsOf('SEVERE', 'INCIDENT');
    expect(alerts.map((alert: any) => [alert.severity, alert.incident.title]).sort()).toEqual([
      ['CRITICAL', 'Brakes failed'],
      ['WARNING', 'Frame cracked'],
    ]);
  });

  test('an open incident past its SLA raises SLA_BREACH once, found by the background job', async () => {
    app.clock.advance(4 * HOUR + 60_000);
    await app.runJobs();
    await app.runJobs();
    const breaches = await alertsOf('SEVERE', 'SLA_BREACH');
    expect(breaches).toMatchObject([{ severity: 'WARNING', status: 'OPEN', incident: { title: 'Brakes failed' } }]);
    expect((await customer('SEVERE')).risk.factors.map((factor: any) => factor.code)).toContain('SLA_BREACHED');
  });

  test('resolving the incident resolves its INCIDENT and SLA_BREACH alerts by themselves', async () => {
    const incidents = await app.graphql(
      '{ incidents(first: 10, filter: { statuses: [OPEN] }) { edges { node { id title } } } }',
      {},
      await partnerKeyForStaff(),
    );
    const brakes = incidents.data!.incidents.edges.find((edge: any) => edge.node.title === 'Brakes failed').node;
    await app.graphql(
      'mutation ($id: ID!) { resolveIncident(input: { id: $id, resolution: "New brakes fitted", customerSatisfied: NO }) { __typename } }',
      { id: brakes.id },
      await login(app, org.emails.AGENT),
    );
    const alerts = (await alertsOf('SEVERE')).filter((alert: any) => alert.incident?.title === 'Brakes failed');
    expect(alerts.map((alert: any) => [alert.kind, alert.status]).sort()).toEqual([
      ['INCIDENT', 'RESOLVED'],
      ['SLA_BREACH', 'RESOLVED'],
    ]);
  });
});

describe('service recovery', () => {
  test('an incident resolved with the customer satisfied adds RECOVERED −10', async () => {
    const reported = await incident('RECOVERY', 'MEDIUM', 'Puncture after service');
    const id = reported.data!.reportIncident.data.id;
    await app.graphql(
      'mutation ($id: ID!) { resolveIncident(input: { id: $id, resolution: "Tube replaced for free", customerSatisfied: YES }) { __typename } }',
      { id },
      await login(app, org.emails.AGENT),
    );
    const { risk } = await customer('RECOVERY');
    expect(risk.factors.map((factor: any) => [factor.code, factor.points])).toEqual([
      ['BAD_EXPERIENCE', 15],
      ['RECOVERED', -10],
    ]);
    expect(risk.score).toBe(5);
  });
});

describe('CHURN_RISK resolves by itself', () => {
  test('when the level falls below HIGH, saying why; TWO_STRIKES stays open until a person resolves it', async () => {
    const reported = await incident('ESCALATE', 'LOW', 'Slow reply');
    await npsAnswer('ESCALATE', 5);
    expect(await alertsOf('ESCALATE', 'CHURN_RISK')).toMatchObject([{ status: 'OPEN' }]);
    await app.graphql(
      'mutation ($id: ID!) { resolveIncident(input: { id: $id, resolution: "Answered", customerSatisfied: NO }) { __typename } }',
      { id: reported.data!.reportIncident.data.id },
      await login(app, org.emails.AGENT),
    );
    // The two strikes leave the 90-day window; what remains is below HIGH.
    app.clock.advance(91 * 24 * HOUR);
    await app.runJobs();
    const { risk } = await customer('ESCALATE');
    expect(risk.level).not.toMatch(/HIGH|CRITICAL/);
    expect(await alertsOf('ESCALATE', 'CHURN_RISK')).toMatchObject([{ status: 'RESOLVED' }]);
    expect(await alertsOf('ESCALATE', 'TWO_STRIKES')).toMatchObject([{ status: 'OPEN' }]);
  });
});

async function partnerKeyForStaff(): Promise<string> {
  return partnerKey(org, ['CUSTOMERS_READ']);
}

describe('escalation', () => {
  /** Live alertUpdated events, read until the one about `alertId` arrives. */
  async function followUpdates() {
    const socket = socketClient(app.url, `Bearer ${reader}`);
    await socket.connected;
    const listening = untilListening(org.id);
    const updates = collect(socket.client, 'subscription { alertUpdated { id kind severity updatedAt } }');
    await listening;
    return {
      async about(alertId: string) {
        for (;;) {
          const event = (await updates.next()).data!.alertUpdated;
          if (event.id === alertId) return event;
        }
      },
      async close() {
        updates.dispose();
        await socket.client.dispose();
      },
    };
  }

  test('a rise in level escalates the open CHURN_RISK alert: severity, message and updatedAt change, published as alertUpdated', async () => {
    await upsertCustomer(systemCaller(org.id), { externalId: 'RISING', name: 'Kunde RISING' });
    await incident('RISING');
    await npsAnswer('RISING', 4);
    const [before] = await alertsOf('RISING', 'CHURN_RISK');
    expect(before).toMatchObject({ severity: 'WARNING', status: 'OPEN' });
    const updates = await followUpdates();

    app.clock.advance(HOUR);
    await incident('RISING', 'MEDIUM', 'Wrong invoice');

    const after = await alertsOf('RISING', 'CHURN_RISK');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      id: before.id,
      severity: 'CRITICAL',
      status: 'OPEN',
      updatedAt: app.clock.now().toISOString(),
    });
    expect(before.message).toMatch(/rose to 65 of 100/);
    expect(after[0].message).toMatch(/rose to 90 of 100/);
    expect(await updates.about(before.id)).toEqual({
      id: before.id,
      kind: 'CHURN_RISK',
      severity: 'CRITICAL',
      updatedAt: after[0].updatedAt,
    });
    await updates.close();
  });

  test('a level that falls from CRITICAL to HIGH re-titles the open CHURN_RISK alert: it says where the risk is now, and where it rose to', async () => {
    await upsertCustomer(systemCaller(org.id), { externalId: 'FALLING', name: 'Kunde FALLING' });
    const first = await incident('FALLING');
    await npsAnswer('FALLING', 4);
    app.clock.advance(HOUR);
    const second = await incident('FALLING', 'MEDIUM', 'Wrong invoice');
    const [raised] = await alertsOf('FALLING', 'CHURN_RISK');
    expect(raised).toMatchObject({ severity: 'CRITICAL', title: 'Churn risk critical: Kunde FALLING' });

    // Both incidents end well: the risk falls, but stays HIGH, so the alert stays open.
    const agent = await login(app, org.emails.AGENT);
    for (const reported of [first, second]) {
      await app.graphql(
        'mutation ($id: ID!) { resolveIncident(input: { id: $id, resolution: "Refunded", customerSatisfied: YES }) { __typename } }',
        { id: reported.data!.reportIncident.data.id },
        agent,
      );
    }
    const { risk } = await customer('FALLING');
    expect(risk.level).toBe('HIGH');
    const [now] = await alertsOf('FALLING', 'CHURN_RISK');
    expect(now).toMatchObject({ id: raised.id, status: 'OPEN', title: 'Churn risk high: Kunde FALLING' });
    expect(now.message).toBe(
      `The churn risk of Kunde FALLING is ${risk.score} of 100 (high) now; it rose to 90 (critical) when this alert was raised. Read the reasons on the customer page and reach out personally this week.`,
    );
  });

  test('raising an incident from HIGH to CRITICAL escalates its INCIDENT alert rather than adding one', async () => {
    await upsertCustomer(systemCaller(org.id), { externalId: 'UPGRADED', name: 'Kunde UPGRADED' });
    const reported = await incident('UPGRADED', 'HIGH', 'Wheel buckled');
    const [before] = await alertsOf('UPGRADED', 'INCIDENT');
    expect(before).toMatchObject({ severity: 'WARNING', title: 'Incident (high): Kunde UPGRADED' });
    const updates = await followUpdates();

    app.clock.advance(HOUR);
    const updated = await app.graphql(
      'mutation ($id: ID!) { updateIncident(input: { id: $id, severity: CRITICAL }) { __typename } }',
      { id: reported.data!.reportIncident.data.id },
      await login(app, org.emails.AGENT),
    );
    expect(updated.data!.updateIncident.__typename).toBe('MutationUpdateIncidentSuccess');

    const after = await alertsOf('UPGRADED', 'INCIDENT');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      id: before.id,
      severity: 'CRITICAL',
      status: 'OPEN',
      title: 'Incident (critical): Kunde UPGRADED',
      updatedAt: app.clock.now().toISOString(),
    });
    // The due time moved with the severity: 4 hours from the opening instead of 24.
    expect(after[0].message).not.toBe(before.message);
    expect(await updates.about(before.id)).toEqual({
      id: before.id,
      kind: 'INCIDENT',
      severity: 'CRITICAL',
      updatedAt: after[0].updatedAt,
    });
    await updates.close();
  });
});

describe('IGNORED severity: the top 10% of the organization by 12-month spend', () => {
  let quiet: TestOrganization;
  let quietReader: string;
  let stampedAt: string;

  beforeAll(async () => {
    // 20 customers, of whom 3 bought something: the top 10% are the 2 biggest spenders.
    quiet = await createTestOrganization(app, 'Stille');
    quietReader = await partnerKey(quiet, ['CUSTOMERS_READ', 'ALERTS_READ']);
    const shop = await partnerKey(quiet, ['EVENTS_WRITE']);
    await createCustomers(quiet, 17, 'NONE');
    for (const [externalId, amountMinor] of [
      ['FIRST', 500_000],
      ['SECOND', 100_000],
      ['THIRD', 10_000],
    ] as const) {
      await upsertCustomer(systemCaller(quiet.id), { externalId, name: `Kunde ${externalId}` });
      await app.graphql(
        `mutation ($input: RecordPurchaseInput!) { recordPurchase(input: $input) { __typename } }`,
        { input: { customer: { externalId }, amount: { amountMinor, currency: 'DKK' } } },
        shop,
      );
    }
    app.clock.advance(91 * DAY);
    await app.runJobs();
  });

  test('crossing 90 days raises IGNORED as WARNING for a top spender, counting customers who bought nothing', async () => {
    expect(await alertsOf('FIRST', 'IGNORED', quietReader)).toMatchObject([{ severity: 'WARNING', status: 'OPEN' }]);
    expect(await alertsOf('SECOND', 'IGNORED', quietReader)).toMatchObject([{ severity: 'WARNING', status: 'OPEN' }]);
  });

  test('crossing 90 days raises IGNORED as INFO for a customer outside the top 10%', async () => {
    expect(await alertsOf('THIRD', 'IGNORED', quietReader)).toMatchObject([{ severity: 'INFO', status: 'OPEN' }]);
    expect(await alertsOf('NONE-1', 'IGNORED', quietReader)).toMatchObject([{ severity: 'INFO', status: 'OPEN' }]);
  });

  test('every alert says whether its customer is a top spender, the stakes the board orders by, read for a whole page at once', async () => {
    const { alerts } = (
      await app.graphql(
        '{ alerts(first: 100) { edges { node { topSpender customer { externalId } } } } }',
        {},
        quietReader,
      )
    ).data!;
    const topSpenders = alerts.edges
      .filter((edge: any) => edge.node.topSpender)
      .map((edge: any) => edge.node.customer.externalId);
    expect(topSpenders.sort()).toEqual(['FIRST', 'SECOND']);
    expect(alerts.edges).toHaveLength(20);
  });

  describe('catching up with alerts(since:)', () => {
    const SINCE = `query ($since: DateTime) { alerts(first: 100, since: $since) {
      totalCount edges { node { customer { externalId } status } } } }`;
    const since = async (time: string) => (await app.graphql(SINCE, { since: time }, quietReader)).data!.alerts;

    test('returns every alert stamped exactly at `since`: a client passing the updatedAt of the last alert it saw misses none of its batch', async () => {
      [{ updatedAt: stampedAt }] = await alertsOf('FIRST', 'IGNORED', quietReader);
      expect((await since(stampedAt)).totalCount).toBe(20);
      expect((await since(new Date(Date.parse(stampedAt) + 1).toISOString())).totalCount).toBe(0);
    });

    test('returns an alert raised before `since` and changed after it', async () => {
      app.clock.advance(60_000);
      const [first] = await alertsOf('FIRST', 'IGNORED', quietReader);
      await app.graphql(
        'mutation ($id: ID!) { acknowledgeAlert(id: $id) { __typename } }',
        { id: first.id },
        await login(app, quiet.emails.MANAGER),
      );
      const changed = await since(new Date(Date.parse(stampedAt) + 1).toISOString());
      expect(changed.edges.map((edge: any) => edge.node)).toEqual([
        { customer: { externalId: 'FIRST' }, status: 'ACKNOWLEDGED' },
      ]);
    });
  });
});

describe('IGNORED whatever the risk weights', () => {
  const UPDATE_SETTINGS = `mutation ($settings: OrganizationSettingsInput!) {
    updateOrganizationSettings(settings: $settings) { __typename } }`;

  /** An organization with these IGNORED weights and one customer, created now; its reader key. */
  async function organizationWeighing(risk: Record<string, number>, externalId: string): Promise<string> {
    const organization = await createTestOrganization(app, 'Vægte');
    const result = await app.graphql(UPDATE_SETTINGS, { settings: { risk } }, organization.tokens.ADMIN);
    expect(result.data!.updateOrganizationSettings.__typename).toBe('MutationUpdateOrganizationSettingsSuccess');
    await upsertCustomer(systemCaller(organization.id), { externalId, name: `Kunde ${externalId}` });
    return partnerKey(organization, ['CUSTOMERS_READ', 'ALERTS_READ']);
  }

  test('with the IGNORED factor weighed 0, crossing 90 days still raises the alert', async () => {
    const key = await organizationWeighing({ ignored45: 0, ignored90: 0, ignored180: 0 }, 'WEIGHTLESS');
    app.clock.advance(90 * DAY);
    await app.runJobs();
    expect((await customer('WEIGHTLESS', key)).risk.factors).toEqual([]);
    expect(await alertsOf('WEIGHTLESS', 'IGNORED', key)).toMatchObject([{ severity: 'INFO', status: 'OPEN' }]);
  });

  test('with the same weight at 45 and 90 days, the job still wakes at the 90-day crossing to raise it', async () => {
    const key = await organizationWeighing({ ignored45: 10, ignored90: 10 }, 'FLAT');
    app.clock.advance(45 * DAY);
    await app.runJobs();
    expect((await customer('FLAT', key)).risk.factors.map((factor: any) => [factor.code, factor.points])).toEqual([
      ['IGNORED', 10],
    ]);
    expect(await alertsOf('FLAT', 'IGNORED', key)).toEqual([]);
    app.clock.advance(45 * DAY);
    await app.runJobs();
    expect(await alertsOf('FLAT', 'IGNORED', key)).toMatchObject([{ severity: 'INFO', status: 'OPEN' }]);
  });
});

describe('texts that are true', () => {
  const TEXTS = `query ($externalId: String!, $zone: String) { customer(ref: { externalId: $externalId }) {
    alerts(first: 5) { edges { node { kind createdAt title(locale: EN) message(locale: EN, timeZone: $zone) } } } } }`;
  const textsOf = async (externalId: string, zone?: string) =>
    (await app.graphql(TEXTS, { externalId, zone }, reader)).data!.customer.alerts.edges.map((edge: any) => edge.node);

  test('the raised time is when the alert was raised; the cause’s date is said as the day it happened', async () => {
    await upsertCustomer(systemCaller(org.id), { externalId: 'BACKDATED', name: 'Kunde BACKDATED' });
    const now = app.clock.now();
    // Reported today, about a delivery that went wrong 40 days ago; then a detractor answer today.
    const occurredAt = new Date(now.getTime() - 40 * DAY);
    await app.graphql(
      REPORT,
      {
        input: {
          customer: { externalId: 'BACKDATED' },
          title: 'Parcel lost',
          category: 'DELIVERY',
          severity: 'LOW',
          occurredAt: occurredAt.toISOString(),
        },
      },
      desk,
    );
    await npsAnswer('BACKDATED', 3);
    const [strikes] = (await textsOf('BACKDATED')).filter((alert: any) => alert.kind === 'TWO_STRIKES');
    expect(strikes.createdAt).toBe(now.toISOString());
    const causeDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      occurredAt,
    );
    const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(now);
    expect(strikes.message).toContain(`an incident on ${causeDay} and an NPS answer of 3 on ${today}`);
  });

  test('times in an alert’s text read in the reader’s zone when asked, and in UTC, named, when not', async () => {
    await upsertCustomer(systemCaller(org.id), { externalId: 'ZONE', name: 'Kunde ZONE' });
    const reported = await incident('ZONE', 'CRITICAL', 'Frame cracked');
    const dueAt = new Date(reported.data!.reportIncident.data.slaDueAt);
    const written = (timeZone: string) =>
      new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone,
      })
        .format(dueAt)
        .replace(/\u202f|\u00a0/g, ' ');
    const [inUtc] = (await textsOf('ZONE')).filter((alert: any) => alert.kind === 'INCIDENT');
    expect(inUtc.message).toContain(`before ${written('UTC')} UTC (the SLA)`);
    const [inOslo] = (await textsOf('ZONE', 'Europe/Oslo')).filter((alert: any) => alert.kind === 'INCIDENT');
    expect(inOslo.message).toContain(`before ${written('Europe/Oslo')} (the SLA)`);
    expect(written('Europe/Oslo')).not.toBe(written('UTC'));
    const [unknown] = (await textsOf('ZONE', 'Mars/Olympus')).filter((alert: any) => alert.kind === 'INCIDENT');
    expect(unknown.message).toBe(inUtc.message);
  });
});

describe('the top 10 % by 12-month spend is ranked by a background job; a write compares with what it stored', () => {
  const PURCHASE = `mutation ($input: RecordPurchaseInput!) { recordPurchase(input: $input) { __typename } }`;
  let ranked: TestOrganization;
  let rankedReader: string;
  let shop: string;
  const buy = (externalId: string, amountMinor: number, token = shop) =>
    app.graphql(PURCHASE, { input: { customer: { externalId }, amount: { amountMinor, currency: 'DKK' } } }, token);
  const topSpenders = async () =>
    (
      await app.graphql(
        '{ alerts(first: 100) { edges { node { topSpender customer { externalId } } } } }',
        {},
        rankedReader,
      )
    )
      .data!.alerts.edges.filter((edge: any) => edge.node.topSpender)
      .map((edge: any) => edge.node.customer.externalId)
      .sort();

  beforeAll(async () => {
    // 20 customers: the top 10 % are the 2 biggest spenders, BIG (500.00) and MID (100.00).
    ranked = await createTestOrganization(app, 'Rangordnet');
    rankedReader = await partnerKey(ranked, ['CUSTOMERS_READ', 'ALERTS_READ']);
    shop = await partnerKey(ranked, ['EVENTS_WRITE']);
    await createCustomers(ranked, 18, 'R');
    for (const externalId of ['BIG', 'MID']) {
      await upsertCustomer(systemCaller(ranked.id), { externalId, name: `Kunde ${externalId}` });
    }
    await buy('BIG', 50_000);
    await buy('MID', 10_000);
    await buy('R-1', 1_000);
    await app.runJobs();
  });

  test('a purchase that makes a customer quiet for 90 days an IGNORED alert weighs the stakes with the stored threshold, reading only that customer’s purchases', async () => {
    app.clock.advance(91 * DAY);
    const statements: string[] = [];
    // The client logs its queries as events (api/src/db/client.ts); its type does not say so.
    const logging = db().acrossOrganizations as unknown as {
      $on(event: 'query', listener: (event: { query: string }) => void): void;
    };
    let capturing = true;
    logging.$on('query', (event) => {
      if (capturing) statements.push(event.query);
    });
    expect(await buy('MID', 1_000)).toMatchObject({
      data: { recordPurchase: { __typename: 'MutationRecordPurchaseSuccess' } },
    });
    capturing = false;
    expect(await alertsOf('MID', 'IGNORED', rankedReader)).toMatchObject([{ severity: 'WARNING', status: 'OPEN' }]);
    const purchaseReads = statements.filter((statement) => /FROM "(public"\.")?Purchase"/.test(statement));
    expect(purchaseReads.length).toBeGreaterThan(0);
    // Every read of purchases names its customers or its rows: no ranking of the organization's year.
    expect(purchaseReads.filter((statement) => !/"(customerId|id)"\s*(=|IN)/.test(statement))).toEqual([]);
  });

  test('the board’s stakes follow the stored threshold until the job ranks the year again', async () => {
    await app.runJobs();
    expect(await topSpenders()).toEqual(['BIG', 'MID']);
    // R-1 now spends 300.00: BIG and R-1 are the top 2, but until the job runs MID still is too.
    await buy('R-1', 29_900);
    expect(await topSpenders()).toEqual(['BIG', 'MID', 'R-1']);
    await app.runJobs();
    expect(await topSpenders()).toEqual(['BIG', 'R-1']);
  });

  test('a write that finds no threshold stored ranks the year once and stores it, as the job would', async () => {
    const fresh = await createTestOrganization(app, 'Ny butik');
    const freshShop = await partnerKey(fresh, ['EVENTS_WRITE']);
    await createCustomers(fresh, 9, 'N');
    await upsertCustomer(systemCaller(fresh.id), { externalId: 'QUIET', name: 'Kunde QUIET' });
    await buy('QUIET', 40_000, freshShop);
    await buy('N-1', 2_000, freshShop);
    expect(
      await db()
        .forOrganization(fresh.id)
        .topSpendThreshold.findUnique({ where: { organizationId: fresh.id } }),
    ).toBeNull();
    // 91 quiet days: the next purchase raises IGNORED, whose severity needs the threshold.
    app.clock.advance(91 * DAY);
    await buy('QUIET', 1_000, freshShop);
    expect(await alertsOf('QUIET', 'IGNORED', await partnerKey(fresh, ['CUSTOMERS_READ', 'ALERTS_READ']))).toHaveLength(
      1,
    );
    expect(
      await db()
        .forOrganization(fresh.id)
        .topSpendThreshold.findUnique({ where: { organizationId: fresh.id } }),
    ).toMatchObject({ currency: 'DKK', thresholdMinor: 41_000n, computedAt: app.clock.now() });
  });
});
