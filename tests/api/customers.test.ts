import { systemCaller } from '../../api/src/auth/caller.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { db } from '../../api/src/runtime.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';

let app: TestApp;
let org: TestOrganization;

const UPSERT = `mutation ($input: UpsertCustomerInput!) {
  upsertCustomer(input: $input) {
    __typename
    ... on MutationUpsertCustomerSuccess { data { id externalId name email phone kind locale tier pointsBalance consents { channel granted } } }
    ... on ValidationError { fieldErrors { path message } }
  }
}`;

async function upsert(input: Record<string, unknown>, token = org.tokens.AGENT) {
  return (await app.graphql(UPSERT, { input }, token)).data!.upsertCustomer;
}

beforeAll(async () => {
  app = await startTestApp();
  org = await createTestOrganization(app, 'Kunder');
});
afterAll(() => app.stop());

describe('upsertCustomer', () => {
  test('creates a customer by externalId with the organization’s default locale, then updates only what is given', async () => {
    const created = await upsert({ externalId: 'C-1', name: 'Karen Jensen', email: 'karen@example.dk' });
    expect(created.data).toMatchObject({
      externalId: 'C-1',
      name: 'Karen Jensen',
      email: 'karen@example.dk',
      phone: null,
      kind: 'PERSON',
      locale: 'DA',
      tier: 'BRONZE',
      pointsBalance: 0,
    });
    const updated = await upsert({ externalId: 'C-1', name: 'Karen M. Jensen', locale: 'SV', kind: 'COMPANY' });
    expect(updated.data).toMatchObject({
      id: created.data.id,
      name: 'Karen M. Jensen',
      email: 'karen@example.dk',
      locale: 'SV',
      kind: 'COMPANY',
    });
  });

  test('keeps consent per channel; channels never asked are not granted', async () => {
    const customer = await upsert({
      externalId: 'C-2',
      name: 'Lars',
      consents: [
        { channel: 'EMAIL', granted: true },
        { channel: 'SMS', granted: false },
      ],
    });
    const consents = Object.fromEntries(
      customer.data.consents.map((c: { channel: string; granted: boolean }) => [c.channel, c.granted]),
    );
    expect(consents).toEqual({
      EMAIL: true,
      SMS: false,
      PHONE: false,
      MEETING: false,
      CHAT: false,
      STORE: false,
      WEB: false,
      APP: false,
    });
  });

  test('a malformed email and an empty name are refused with their paths, and nothing is stored', async () => {
    const result = await upsert({ externalId: 'C-bad', name: ' ', email: 'not-an-email' });
    expect(result).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [
        { path: ['input', 'name'], message: 'Must not be empty.' },
        { path: ['input', 'email'], message: '"not-an-email" is not an email address.' },
      ],
    });
    const found = await app.graphql('{ customer(ref: { externalId: "C-bad" }) { id } }', {}, org.tokens.VIEWER);
    expect(found.data!.customer).toBeNull();
  });

  test('an unknown account manager is refused', async () => {
    const result = await upsert({
      externalId: 'C-3',
      name: 'Mette',
      accountManagerId: Buffer.from('User:nobody').toString('base64'),
    });
    expect(result.fieldErrors).toEqual([
      { path: ['input', 'accountManagerId'], message: 'No active staff member has this id.' },
    ]);
  });
});

describe('finding customers', () => {
  beforeAll(async () => {
    await upsert({ externalId: 'F-1', name: 'Anders Holm', email: 'anders@holm.dk' });
    await upsert({ externalId: 'F-2', name: 'Birgitte Dahl', email: 'bd@firma.se' });
    await upsert({ externalId: 'HOLM-3', name: 'Cecilie Berg' });
    const tenant = db().forOrganization(org.id);
    await tenant.customer.update({
      where: { organizationId_externalId: { organizationId: org.id, externalId: 'F-2' } },
      data: { riskScore: 72, riskLevel: 'CRITICAL', tier: 'GOLD' },
    });
    await tenant.customer.update({
      where: { organizationId_externalId: { organizationId: org.id, externalId: 'HOLM-3' } },
      data: { riskScore: 41, riskLevel: 'MEDIUM', lastPersonalContactAt: new Date('2026-01-01T00:00:00Z') },
    });
    await tenant.customer.update({
      where: { organizationId_externalId: { organizationId: org.id, externalId: 'F-1' } },
      data: { lastPersonalContactAt: new Date('2026-06-01T00:00:00Z') },
    });
  });

  const list = async (args: string) =>
    (await app.graphql(`{ customers(${args}) { totalCount edges { node { externalId } } } }`, {}, org.tokens.VIEWER))
      .data!.customers;

  test('by CustomerRef: our global id or the partner’s externalId', async () => {
    const byExternal = await app.graphql('{ customer(ref: { externalId: "F-1" }) { id name } }', {}, org.tokens.VIEWER);
    const byId = await app.graphql(
      'query ($id: ID!) { customer(ref: { id: $id }) { externalId } }',
      { id: byExternal.data!.customer.id },
      org.tokens.VIEWER,
    );
    expect(byExternal.data!.customer.name).toBe('Anders Holm');
    expect(byId.data!.customer.externalId).toBe('F-1');
  });

  test('a CustomerRef with both id and externalId is refused', async () => {
    const result = await app.graphql('{ customer(ref: { id: "x", externalId: "F-1" }) { id } }', {}, org.tokens.VIEWER);
    expect(result.errors?.[0].message).toMatch(/CustomerRef/);
    expect(result.data?.customer ?? null).toBeNull();
  });

  test('search is case-insensitive over name, email and externalId', async () => {
    const found = await list('filter: { search: "holm" }, orderBy: NAME_ASC');
    expect(found.edges.map((edge: { node: { externalId: string } }) => edge.node.externalId)).toEqual([
      'F-1',
      'HOLM-3',
    ]);
    expect((await list('filter: { search: "FIRMA.SE" }')).totalCount).toBe(1);
  });

  test('search finds a fragment inside a word', async () => {
    const found = await list('filter: { search: "IRGIT" }');
    expect(found.edges.map((edge: { node: { externalId: string } }) => edge.node.externalId)).toEqual(['F-2']);
    expect(found.totalCount).toBe(1);
  });

  test('a search of one or two characters, too short for the trigram index, still finds its matches', async () => {
    const twoCharacters = await list('filter: { search: "hL" }');
    expect(twoCharacters.edges.map((edge: { node: { externalId: string } }) => edge.node.externalId)).toEqual(['F-2']);
    expect(twoCharacters.totalCount).toBe(1);
    const oneCharacter = await list('filter: { search: "3" }');
    expect(oneCharacter.edges.map((edge: { node: { externalId: string } }) => edge.node.externalId)).toEqual([
      'HOLM-3',
    ]);
    expect(oneCharacter.totalCount).toBe(1);
  });

  test('search takes %, _ and \\ as the characters they are, not as wildcards', async () => {
    await upsert({ externalId: 'W_1', name: 'Wilde 100% Kunde' });
    await upsert({ externalId: 'W-2', name: 'Back\\slash' });
    const found = async (search: string) =>
      (
        await app.graphql(
          'query ($search: String) { customers(filter: { search: $search }) { edges { node { externalId } } } }',
          { search },
          org.tokens.VIEWER,
        )
      ).data!.customers.edges.map((edge: { node: { externalId: string } }) => edge.node.externalId);
    expect(await found('0%')).toEqual(['W_1']);
    expect(await found('_')).toEqual(['W_1']);
    expect(await found('k\\s')).toEqual(['W-2']);
    expect(await found('e 1__%')).toEqual([]);
  });

  test('search never finds another organization’s customers', async () => {
    const other = await createTestOrganization(app, 'Andre Kunder');
    await upsert({ externalId: 'F-1', name: 'Anders Holmgren', email: 'anders@holm.dk' }, other.tokens.AGENT);
    const found = await list('filter: { search: "holm" }, orderBy: NAME_ASC');
    expect(found.edges.map((edge: { node: { externalId: string } }) => edge.node.externalId)).toEqual([
      'F-1',
      'HOLM-3',
    ]);
    expect(found.totalCount).toBe(2);
    const theirs = await app.graphql(
      '{ customers(filter: { search: "holm" }) { totalCount edges { node { name } } } }',
      {},
      other.tokens.VIEWER,
    );
    expect(theirs.data!.customers).toEqual({ totalCount: 1, edges: [{ node: { name: 'Anders Holmgren' } }] });
  });

  test('filters by risk level and tier', async () => {
    expect(
      (await list('filter: { riskLevels: [MEDIUM, CRITICAL] }, orderBy: RISK_DESC')).edges.map(
        (e: any) => e.node.externalId,
      ),
    ).toEqual(['F-2', 'HOLM-3']);
    expect((await list('filter: { tiers: [GOLD] }')).edges.map((e: any) => e.node.externalId)).toEqual(['F-2']);
  });

  test('orders by risk, highest first', async () => {
    const ordered = (await list('first: 3, orderBy: RISK_DESC')).edges.map((e: any) => e.node.externalId);
    expect(ordered.slice(0, 2)).toEqual(['F-2', 'HOLM-3']);
  });

  test('orders by last personal contact, longest ago first, never contacted before all', async () => {
    const ordered = (await list('first: 100, filter: { search: "F-" }, orderBy: LAST_PERSONAL_CONTACT_ASC')).edges.map(
      (e: any) => e.node.externalId,
    );
    expect(ordered).toEqual(['F-2', 'F-1']);
    const all = (await list('first: 100, orderBy: LAST_PERSONAL_CONTACT_ASC')).edges.map((e: any) => e.node.externalId);
    expect(all.indexOf('HOLM-3')).toBeLessThan(all.indexOf('F-1'));
  });

  test('pages with first and after, and counts them all', async () => {
    const first = await app.graphql(
      '{ customers(first: 2, orderBy: NAME_ASC) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }',
      {},
      org.tokens.VIEWER,
    );
    const page = first.data!.customers;
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await app.graphql(
      'query ($after: String) { customers(first: 2, after: $after, orderBy: NAME_ASC) { edges { node { name } } } }',
      { after: page.pageInfo.endCursor },
      org.tokens.VIEWER,
    );
    const names = [...page.edges, ...next.data!.customers.edges].map(
      (edge: { node: { name: string } }) => edge.node.name,
    );
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y)));
    expect(new Set(names).size).toBe(names.length);
    expect(page.totalCount).toBeGreaterThanOrEqual(4);
  });

  test('a page of 50 costs the same number of SQL statements as a page of 5 (no N+1)', async () => {
    const tenantCaller = systemCaller(org.id);
    const { upsertCustomer } = await import('../../api/src/services/customer.service.ts');
    const { recordEvents } = await import('../../api/src/services/events.service.ts');
    for (let i = 0; i < 50; i++)
      await upsertCustomer(tenantCaller, { externalId: `N-${i}`, name: `Kunde ${i}`, accountManagerId: null });
    // A purchase 100½ days ago (100 whole days): points to show, and a risk factor to explain.
    const occurredAt = new Date(Date.now() - 100.5 * 24 * 60 * 60 * 1000);
    await recordEvents(
      tenantCaller,
      Array.from({ length: 50 }, (_, i) => ({
        purchase: { customer: { externalId: `N-${i}` }, amount: { amountMinor: 10000, currency: 'DKK' }, occurredAt },
      })),
    );
    const query = `query ($first: Int!) { customers(first: $first) { totalCount edges { node {
      id externalId name tier pointsBalance lastPersonalContactAt accountManager { name } consents { channel granted }
      risk { score level factors { code points explanation } computedAt }
      purchases(first: 3) { totalCount edges { node { amount { amountMinor currency } } } } } } } }`;
    const count = async (first: number) => {
      const before = db().statements();
      const result = await app.graphql(query, { first }, org.tokens.VIEWER);
      const statements = db().statements() - before;
      expect(result.errors).toBeUndefined();
      expect(result.data!.customers.edges).toHaveLength(first);
      return { statements, nodes: result.data!.customers.edges.map((edge: { node: any }) => edge.node) };
    };
    const five = await count(5);
    const fifty = await count(50);
    expect(fifty.statements).toBe(five.statements);
    const quiet = fifty.nodes.filter((node: { externalId: string }) => node.externalId.startsWith('N-'));
    expect(quiet).toHaveLength(48);
    for (const node of quiet)
      expect(node).toMatchObject({
        tier: 'BRONZE',
        pointsBalance: 10,
        lastPersonalContactAt: null,
        risk: {
          score: 20,
          level: 'LOW',
          factors: [
            { code: 'IGNORED', points: 20, explanation: 'Never contacted personally, in 100 days as a customer.' },
          ],
          computedAt: expect.any(String),
        },
      });
  });

  test('first over 100 is refused, not cut silently', async () => {
    const result = await app.graphql('{ customers(first: 101) { totalCount } }', {}, org.tokens.VIEWER);
    expect(result.errors?.[0].message).toBe(
      'A page holds at most 100 items: `first: 101` is too many; page with `after`.',
    );
  });
});
