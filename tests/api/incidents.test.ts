import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { db, runtime } from '../../api/src/runtime.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers, partnerKey } from '../support/partner.ts';
import { onPostgres } from '../support/database.ts';
import { gid } from '../support/operations.ts';

let app: TestApp;
let org: TestOrganization;
/** A support desk: reports incidents and reads them; API keys never expire as the clock moves. */
let desk: string;

const START = new Date('2026-03-02T10:00:00.000Z');
const HOUR = 60 * 60 * 1000;

const FIELDS = `id title status severity source openedAt slaDueAt slaBreached firstResponseAt resolvedAt resolution
  customerSatisfied owner { name } customer { externalId lastPersonalContactAt }`;
const RESULT = (success: string) => `__typename
  ... on ${success} { data { ${FIELDS} } }
  ... on ValidationError { message fieldErrors { path message } }
  ... on NotFoundError { message }`;
const REPORT = `mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { ${RESULT('MutationReportIncidentSuccess')} } }`;
const UPDATE = `mutation ($input: UpdateIncidentInput!) { updateIncident(input: $input) { ${RESULT('MutationUpdateIncidentSuccess')} } }`;
const RESOLVE = `mutation ($input: ResolveIncidentInput!) { resolveIncident(input: $input) { ${RESULT('MutationResolveIncidentSuccess')} } }`;
const READ = `query ($id: ID!) { node(id: $id) { ... on Incident { ${FIELDS} } } }`;

interface Report {
  customer?: string;
  title?: string;
  severity?: string;
  category?: string;
  occurredAt?: string;
  source?: string;
}

async function report(input: Report = {}, token = desk) {
  const { customer = 'K-1', title = 'Chain snapped on day one', severity = 'MEDIUM', category = 'PRODUCT' } = input;
  const result = await app.graphql(
    REPORT,
    { input: { ...input, customer: { externalId: customer }, title, severity, category } },
    token,
  );
  return result.data!.reportIncident;
}

async function reported(input: Report = {}, token = desk) {
  const result = await report(input, token);
  if (result.__typename !== 'MutationReportIncidentSuccess') throw new Error(JSON.stringify(result));
  return result.data;
}

async function update(input: Record<string, unknown>, token = org.tokens.AGENT) {
  return (await app.graphql(UPDATE, { input }, token)).data!.updateIncident;
}

async function resolve(id: string, customerSatisfied = 'YES', token = org.tokens.AGENT) {
  const input = { id, resolution: 'Replaced the chain and checked the gears.', customerSatisfied };
  return (await app.graphql(RESOLVE, { input }, token)).data!.resolveIncident;
}

async function read(id: string) {
  return (await app.graphql(READ, { id }, desk)).data!.node;
}

const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1];
const tenant = () => db().forOrganization(org.id);

beforeAll(async () => {
  app = await startTestApp({ now: START });
  org = await createTestOrganization(app, 'Hændelser');
  desk = await partnerKey(org, ['EVENTS_WRITE', 'CUSTOMERS_READ']);
  await createCustomers(org, 30);
});
beforeEach(() => app.clock.set(START));
afterAll(() => app.stop());

describe('reportIncident', () => {
  test('each severity is due by its SLA target: CRITICAL 4 h, HIGH 24 h, MEDIUM 72 h, LOW 7 days', async () => {
    const due: Record<string, string> = {};
    for (const severity of ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']) {
      const incident = await reported({ customer: 'K-2', severity });
      expect(incident).toMatchObject({ status: 'OPEN', openedAt: '2026-03-02T10:00:00.000Z', slaBreached: false });
      due[severity] = incident.slaDueAt;
    }
    expect(due).toEqual({
      CRITICAL: '2026-03-02T14:00:00.000Z',
      HIGH: '2026-03-03T10:00:00.000Z',
      MEDIUM: '2026-03-05T10:00:00.000Z',
      LOW: '2026-03-09T10:00:00.000Z',
    });
  });

  test("the due time follows the organization's SLA targets and a back-dated opening", async () => {
    const admin = org.tokens.ADMIN;
    await app.graphql(
      'mutation { updateOrganizationSettings(settings: { slaHours: { CRITICAL: 1 } }) { __typename } }',
      {},
      admin,
    );
    const incident = await reported({ customer: 'K-2', severity: 'CRITICAL', occurredAt: '2026-03-02T08:30:00Z' });
    await app.graphql(
      'mutation { updateOrganizationSettings(settings: { slaHours: { CRITICAL: 4 } }) { __typename } }',
      {},
      admin,
    );
    expect(incident).toMatchObject({ openedAt: '2026-03-02T08:30:00.000Z', slaDueAt: '2026-03-02T09:30:00.000Z' });
    expect(incident.slaBreached).toBe(true);
  });

  test('a replay with the same idempotency key opens one incident', async () => {
    const send = () =>
      app.graphql(
        `mutation ($input: ReportIncidentInput!) { reportIncident(input: $input, idempotencyKey: "desk-4711") { ${RESULT('MutationReportIncidentSuccess')} } }`,
        { input: { customer: { externalId: 'K-17' }, title: 'Saddle torn', category: 'PRODUCT', severity: 'LOW' } },
        desk,
      );
    const first = await send();
    expect(await send()).toEqual(first);
    expect(await tenant().incident.count({ where: { customer: { externalId: 'K-17' } } })).toBe(1);
  });

  test("the source is who reported it unless given: the staff member's name or the API key's name", async () => {
    expect((await reported({ customer: 'K-3' }, org.tokens.AGENT)).source).toBe('AGENT of Hændelser');
    expect((await reported({ customer: 'K-3' })).source).toBe('Partner EVENTS_WRITE+CUSTOMERS_READ');
    expect((await reported({ customer: 'K-3', source: ' Customer, by email ' })).source).toBe('Customer, by email');
  });

  test('every reported incident is a bad experience of its customer, whatever its severity', async () => {
    const incident = await reported({ customer: 'K-4', severity: 'LOW', occurredAt: '2026-03-01T08:00:00Z' });
    expect(
      await tenant().experience.findMany({
        where: { incidentId: rawId(incident.id) },
        select: { kind: true, cause: true, occurredAt: true },
      }),
    ).toEqual([{ kind: 'BAD_EXPERIENCE', cause: 'INCIDENT', occurredAt: new Date('2026-03-01T08:00:00Z') }]);
  });

  test('an empty title and a time in the future are a ValidationError with their paths, and nothing is stored', async () => {
    const before = await tenant().incident.count();
    expect(await report({ title: ' ', occurredAt: '2026-03-03T10:00:00Z' })).toEqual({
      __typename: 'ValidationError',
      message:
        'input.title: Give the incident a title of 1 to 200 characters.; input.occurredAt: Must not be in the future.',
      fieldErrors: [
        { path: ['input', 'title'], message: 'Give the incident a title of 1 to 200 characters.' },
        { path: ['input', 'occurredAt'], message: 'Must not be in the future.' },
      ],
    });
    expect(await report({ customer: 'nobody' })).toEqual({
      __typename: 'NotFoundError',
      message: 'Customer was not found.',
    });
    expect(await tenant().incident.count()).toBe(before);
  });
});

describe('the SLA breach, with the clock moving', () => {
  test.each([
    ['CRITICAL', 4 * HOUR],
    ['HIGH', 24 * HOUR],
    ['MEDIUM', 72 * HOUR],
    ['LOW', 168 * HOUR],
  ])('an open %s incident is in time at its due time and breached a millisecond later', async (severity, target) => {
    const { id } = await reported({ customer: 'K-5', severity });
    app.clock.set(new Date(START.getTime() + target));
    expect((await read(id)).slaBreached).toBe(false);
    app.clock.advance(1);
    expect((await read(id)).slaBreached).toBe(true);
  });

  test('an incident resolved in time stays in time; one resolved late stays breached', async () => {
    const inTime = await reported({ customer: 'K-6', severity: 'CRITICAL' });
    const late = await reported({ customer: 'K-6', severity: 'CRITICAL' });
    app.clock.set(new Date(START.getTime() + 4 * HOUR));
    await resolve(inTime.id);
    app.clock.advance(1);
    await resolve(late.id);
    app.clock.advance(30 * 24 * HOUR);
    expect((await read(inTime.id)).slaBreached).toBe(false);
    expect((await read(late.id)).slaBreached).toBe(true);
  });
});

describe('updateIncident', () => {
  test('an incident moves OPEN → IN_PROGRESS → RESOLVED → CLOSED', async () => {
    const { id } = await reported({ customer: 'K-7' });
    expect((await update({ id, status: 'IN_PROGRESS' })).data.status).toBe('IN_PROGRESS');
    app.clock.advance(HOUR);
    expect((await update({ id, status: 'RESOLVED' })).data).toMatchObject({
      status: 'RESOLVED',
      resolvedAt: '2026-03-02T11:00:00.000Z',
      customerSatisfied: 'UNKNOWN',
    });
    expect((await update({ id, status: 'CLOSED' })).data).toMatchObject({
      status: 'CLOSED',
      resolvedAt: '2026-03-02T11:00:00.000Z',
    });
  });

  test('a status change the rules do not allow is a ValidationError saying what is allowed, and nothing changes', async () => {
    const { id } = await reported({ customer: 'K-8' });
    await update({ id, status: 'IN_PROGRESS' });
    expect(await update({ id, status: 'OPEN', severity: 'HIGH' })).toEqual({
      __typename: 'ValidationError',
      message: 'An incident that is IN_PROGRESS can move to RESOLVED, not to OPEN.',
      fieldErrors: [
        { path: ['input', 'status'], message: 'An incident that is IN_PROGRESS can move to RESOLVED, not to OPEN.' },
      ],
    });
    expect(await read(id)).toMatchObject({ status: 'IN_PROGRESS', severity: 'MEDIUM' });
    await update({ id, status: 'RESOLVED' });
    await update({ id, status: 'CLOSED' });
    expect((await update({ id, status: 'OPEN' })).fieldErrors).toEqual([
      { path: ['input', 'status'], message: 'An incident that is CLOSED cannot change status: CLOSED is final.' },
    ]);
  });

  test('reopening a resolved incident undoes its resolution and its recovery; resolving it again recovers anew', async () => {
    const { id } = await reported({ customer: 'K-9' });
    await resolve(id, 'YES');
    const recoveries = () => tenant().experience.count({ where: { incidentId: rawId(id), kind: 'RECOVERY' } });
    expect(await recoveries()).toBe(1);
    app.clock.advance(2 * HOUR);
    expect((await update({ id, status: 'OPEN' })).data).toMatchObject({
      status: 'OPEN',
      resolvedAt: null,
      resolution: null,
      customerSatisfied: 'UNKNOWN',
    });
    expect(await recoveries()).toBe(0);
    app.clock.advance(HOUR);
    expect((await resolve(id, 'YES')).data).toMatchObject({
      status: 'RESOLVED',
      resolvedAt: '2026-03-02T13:00:00.000Z',
      customerSatisfied: 'YES',
    });
    expect(
      await tenant().experience.findMany({
        where: { incidentId: rawId(id), kind: 'RECOVERY' },
        select: { occurredAt: true },
      }),
    ).toEqual([{ occurredAt: new Date('2026-03-02T13:00:00.000Z') }]);
  });

  test('a new severity moves the due time, counted from the opening', async () => {
    const { id } = await reported({ customer: 'K-10', severity: 'LOW' });
    app.clock.advance(2 * HOUR);
    expect((await update({ id, severity: 'CRITICAL' })).data).toMatchObject({
      severity: 'CRITICAL',
      slaDueAt: '2026-03-02T14:00:00.000Z',
    });
  });

  test('the owner is a staff member of the organization; an unknown one is a ValidationError', async () => {
    const { id } = await reported({ customer: 'K-11' });
    const agent = await tenant().user.findFirstOrThrow({ where: { role: 'AGENT' } });
    expect((await update({ id, ownerId: gid('User', agent.id) })).data.owner).toEqual({ name: 'AGENT of Hændelser' });
    expect(await update({ id, ownerId: gid('User', 'someone-else') })).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [
        { path: ['input', 'ownerId'], message: 'No active staff member of your organization has this id.' },
      ],
    });
    expect((await read(id)).owner).toEqual({ name: 'AGENT of Hændelser' });
    expect((await update({ id, ownerId: null })).data.owner).toBeNull();
  });

  test("responded sets firstResponseAt once and is the customer's last personal contact", async () => {
    const { id } = await reported({ customer: 'K-12' });
    app.clock.advance(HOUR);
    expect((await update({ id, responded: true })).data).toMatchObject({
      firstResponseAt: '2026-03-02T11:00:00.000Z',
      customer: { lastPersonalContactAt: '2026-03-02T11:00:00.000Z' },
    });
    app.clock.advance(HOUR);
    expect((await update({ id, responded: true })).data.firstResponseAt).toBe('2026-03-02T11:00:00.000Z');
  });

  test('an unknown incident is a NotFoundError', async () => {
    expect(await update({ id: gid('Incident', 'nothing-here'), status: 'IN_PROGRESS' })).toEqual({
      __typename: 'NotFoundError',
      message: 'Incident was not found.',
    });
  });
});

describe('resolveIncident', () => {
  test('with the customer satisfied it is a recovery at the resolution time; NO and UNKNOWN are not', async () => {
    const satisfied = await reported({ customer: 'K-13' });
    const unhappy = await reported({ customer: 'K-13' });
    const unknown = await reported({ customer: 'K-13' });
    app.clock.advance(3 * HOUR);
    expect((await resolve(satisfied.id, 'YES')).data).toMatchObject({
      status: 'RESOLVED',
      resolvedAt: '2026-03-02T13:00:00.000Z',
      resolution: 'Replaced the chain and checked the gears.',
      customerSatisfied: 'YES',
    });
    await resolve(unhappy.id, 'NO');
    await resolve(unknown.id, 'UNKNOWN');
    const recoveries = await tenant().experience.findMany({
      where: { kind: 'RECOVERY', customer: { externalId: 'K-13' } },
      select: { incidentId: true, occurredAt: true },
    });
    expect(recoveries).toEqual([{ incidentId: rawId(satisfied.id), occurredAt: new Date('2026-03-02T13:00:00.000Z') }]);
  });

  test('a resolved incident is not resolved again', async () => {
    const { id } = await reported({ customer: 'K-14' });
    await resolve(id, 'NO');
    expect(await resolve(id, 'YES')).toEqual({
      __typename: 'ValidationError',
      message: 'An incident that is RESOLVED cannot be resolved: only OPEN or IN_PROGRESS ones can.',
      fieldErrors: [
        {
          path: ['input', 'id'],
          message: 'An incident that is RESOLVED cannot be resolved: only OPEN or IN_PROGRESS ones can.',
        },
      ],
    });
    expect((await read(id)).customerSatisfied).toBe('NO');
  });

  test('an empty resolution is a ValidationError', async () => {
    const { id } = await reported({ customer: 'K-14' });
    const result = await app.graphql(
      RESOLVE,
      { input: { id, resolution: '  ', customerSatisfied: 'YES' } },
      org.tokens.AGENT,
    );
    expect(result.data!.resolveIncident.fieldErrors).toEqual([
      { path: ['input', 'resolution'], message: 'Say how it was resolved, in 1 to 5 000 characters.' },
    ]);
    expect((await read(id)).status).toBe('OPEN');
  });

  test.skipIf(!onPostgres)('resolving twice at once resolves once', async () => {
    const { id } = await reported({ customer: 'K-15' });
    const answers = await Promise.all(Array.from({ length: 10 }, () => resolve(id, 'YES')));
    expect(answers.filter((answer) => answer.__typename === 'MutationResolveIncidentSuccess')).toHaveLength(1);
    expect(answers.filter((answer) => answer.__typename === 'ValidationError')).toHaveLength(9);
    expect(await tenant().experience.count({ where: { incidentId: rawId(id), kind: 'RECOVERY' } })).toBe(1);
  });
});

describe('incidentChanged', () => {
  test('reporting, updating and resolving an incident each publish its id once stored', async () => {
    const events = runtime().pubsub.subscribe('incidentChanged', org.id)[Symbol.asyncIterator]();
    // The subscription starts listening at the first next(): ask before acting.
    const published = async (action: () => Promise<unknown>) => {
      const event = events.next();
      await action();
      return ((await event).value as { incidentId: string }).incidentId;
    };
    let id = '';
    expect(await published(async () => ({ id } = await reported({ customer: 'K-16' })))).toBe(rawId(id));
    expect(await published(() => update({ id, status: 'IN_PROGRESS' }))).toBe(rawId(id));
    expect(await published(() => resolve(id))).toBe(rawId(id));
    await events.return?.();
  });
});

// An organization of its own, so the queue holds exactly these incidents.
describe('the incidents queue', () => {
  let queue: TestOrganization;
  let token: string;
  const titles = (connection: { edges: { node: { title: string } }[] }) =>
    connection.edges.map((edge) => edge.node.title);
  const page = async (variables: Record<string, unknown>) =>
    (
      await app.graphql(
        `query ($first: Int, $after: String, $last: Int, $before: String, $filter: IncidentFilter) {
          incidents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
            totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { title } } } }`,
        variables,
        token,
      )
    ).data!.incidents;

  beforeAll(async () => {
    app.clock.set(START);
    queue = await createTestOrganization(app, 'Kø');
    token = queue.tokens.AGENT;
    await createCustomers(queue, 1);
    const open = async (title: string, severity: string, occurredAt: string) =>
      (await reported({ title, severity, occurredAt }, token)).id as string;
    // Due: C 27 Feb 10:00, B and E 2 Mar 09:00, A 2 Mar 13:00, D 3 Mar 08:00, H 4 Mar 08:00.
    await open('A', 'CRITICAL', '2026-03-02T09:00:00Z');
    await open('B', 'HIGH', '2026-03-01T09:00:00Z');
    const c = await open('C', 'LOW', '2026-02-20T10:00:00Z');
    await open('D', 'HIGH', '2026-03-02T08:00:00Z');
    await open('E', 'MEDIUM', '2026-02-27T09:00:00Z');
    const f = await open('F', 'CRITICAL', '2026-02-25T10:00:00Z');
    const g = await open('G', 'LOW', '2026-02-28T10:00:00Z');
    await open('H', 'MEDIUM', '2026-03-01T08:00:00Z');
    await update({ id: c, status: 'IN_PROGRESS' }, token);
    await resolve(f, 'YES', token);
    await resolve(g, 'NO', token);
    await update({ id: g, status: 'CLOSED' }, token);
  });

  test('is most urgent first: open before done, the longest overdue first, then the earliest due and the more severe, page after page', async () => {
    const first = await page({ first: 3 });
    expect(titles(first)).toEqual(['C', 'B', 'E']);
    expect(first.totalCount).toBe(8);
    const second = await page({ first: 3, after: first.pageInfo.endCursor });
    expect(titles(second)).toEqual(['A', 'D', 'H']);
    const third = await page({ first: 3, after: second.pageInfo.endCursor });
    expect(titles(third)).toEqual(['F', 'G']);
    expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const back = await page({ last: 3, before: third.pageInfo.startCursor });
    expect(titles(back)).toEqual(['A', 'D', 'H']);
  });

  test('a page costs the same SQL statements at any size, customers and owners included', async () => {
    const statementsFor = async (first: number) => {
      const before = db().statements();
      const result = await app.graphql(
        `query ($first: Int) { incidents(first: $first) { edges { node { title slaBreached customer { name } owner { name } } } } }`,
        { first },
        token,
      );
      expect(result.data!.incidents.edges).toHaveLength(first);
      return db().statements() - before;
    };
    expect(await statementsFor(8)).toBe(await statementsFor(2));
  });

  test('filters by statuses and severities', async () => {
    const openHigh = await page({
      first: 10,
      filter: { statuses: ['OPEN', 'IN_PROGRESS'], severities: ['HIGH', 'CRITICAL'] },
    });
    expect(titles(openHigh)).toEqual(['B', 'A', 'D']);
    expect(openHigh.totalCount).toBe(3);
  });

  test("a customer's incidents are listed newest first", async () => {
    const customer = await app.graphql(
      '{ customer(ref: { externalId: "K-1" }) { incidents(first: 3) { totalCount edges { node { title } } } } }',
      {},
      token,
    );
    expect(customer.data!.customer.incidents).toEqual({
      totalCount: 8,
      edges: [{ node: { title: 'A' } }, { node: { title: 'D' } }, { node: { title: 'B' } }],
    });
  });
});
