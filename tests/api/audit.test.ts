// The audit log (PRODUCT.md "Data in and out", "Edge cases of the new parts, decided"): every write
// by staff, a partner key or a member leaves one entry in its own transaction — who, which
// operation, which records, when, the request id — readable by ADMIN only, changed by nobody,
// and pruned after 365 days. A write a mutation makes outside its transaction is refused, so the
// whole API suite, which runs every mutation, fails if one does.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { DAY_MS } from '../../api/src/domain/time/duration.ts';
import { WriteOutsideTransaction } from '../../api/src/db/changes.ts';
import { db } from '../../api/src/runtime.ts';
import { createApiKey } from '../../api/src/services/api-key.service.ts';
import { audited } from '../../api/src/services/audit.service.ts';
import { writeTransaction } from '../../api/src/services/transaction.service.ts';
import { importsSettled } from '../../api/src/services/import.service.ts';
import { recordEvent } from '../../api/src/services/events.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers, partnerKey } from '../support/partner.ts';
import { gid } from '../support/operations.ts';

let app: TestApp;
let org: TestOrganization;
let customerId: string;
let rewardId: string;

const ENTRIES = `query ($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id at actorKind actorName operation targets requestId } }
  }
}`;

interface Entry {
  id: string;
  at: string;
  actorKind: string;
  actorName: string;
  operation: string;
  targets: string[];
  requestId: string;
}

let requests = 0;

/** A GraphQL request with a request id of its own, as a proxy in front of the API would send it. */
async function send(token: string, query: string, variables: Record<string, unknown> = {}) {
  const requestId = `audit-test-${++requests}`;
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  return { requestId, body };
}

async function entriesOf(requestId: string): Promise<Entry[]> {
  const result = await app.graphql(ENTRIES, { first: 100 }, org.tokens.ADMIN);
  return result
    .data!.auditLog.edges.map((edge: { node: Entry }) => edge.node)
    .filter((entry: Entry) => entry.requestId === requestId);
}

beforeAll(async () => {
  app = await startTestApp();
  org = await createTestOrganization(app, 'Revision');
  const [customer] = await createCustomers(org, 1, 'R');
  customerId = gid('Customer', customer.id);
  await recordEvent(systemCaller(org.id), {
    purchase: { customer: { externalId: 'R-1' }, amount: { amountMinor: 50_000, currency: 'DKK' } },
  });
  const created = await app.graphql(
    `mutation ($input: CreateRewardInput!) { createReward(input: $input) { ... on MutationCreateRewardSuccess { data { id } } } }`,
    {
      input: {
        name: 'Kaffekop',
        pointsCost: 20,
        kind: 'GIFT',
        unitCost: { amountMinor: 3000, currency: 'DKK' },
        stock: 5,
      },
    },
    org.tokens.MANAGER,
  );
  rewardId = created.data!.createReward.data.id;
});
afterAll(() => app.stop());

describe('every write leaves its entry, in its own transaction', () => {
  test('a redemption names the agent, redeemReward, the redemption, the customer and the reward', async () => {
    const { requestId, body } = await send(
      org.tokens.AGENT,
      `mutation ($reward: ID!) { redeemReward(input: { customer: { externalId: "R-1" }, rewardId: $reward }) {
        __typename ... on MutationRedeemRewardSuccess { data { id } } } }`,
      { reward: rewardId },
    );
    const redemptionId = body.data!.redeemReward.data.id;
    const [entry, ...others] = await entriesOf(requestId);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ actorKind: 'USER', actorName: 'AGENT of Revision', operation: 'redeemReward' });
    expect(entry.targets).toEqual(expect.arrayContaining([redemptionId, customerId, rewardId]));
  });

  test('a settings change names the admin and the organization', async () => {
    const { requestId, body } = await send(
      org.tokens.ADMIN,
      `mutation { updateOrganizationSettings(settings: { contactCap: { max: 5 } }) { __typename } }`,
    );
    expect(body.data!.updateOrganizationSettings.__typename).toBe('MutationUpdateOrganizationSettingsSuccess');
    expect(await entriesOf(requestId)).toEqual([
      expect.objectContaining({
        actorKind: 'USER',
        actorName: 'ADMIN of Revision',
        operation: 'updateOrganizationSettings',
        targets: [gid('Organization', org.id)],
      }),
    ]);
  });

  test("a key's recordEvents names the key and the purchase it stored", async () => {
    const key = await partnerKey(org, ['EVENTS_WRITE']);
    const { requestId, body } = await send(
      key,
      `mutation { recordEvents(input: { events: [{ purchase: { customer: { externalId: "R-1" }, amount: { amountMinor: 12000, currency: "DKK" } } }] }) {
        __typename ... on MutationRecordEventsSuccess { data { results { ok id } } } } }`,
    );
    const [result] = body.data!.recordEvents.data.results;
    expect(result.ok).toBe(true);
    const [entry, ...others] = await entriesOf(requestId);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ actorKind: 'API_KEY', actorName: 'Partner EVENTS_WRITE', operation: 'recordEvents' });
    expect(entry.targets).toEqual(expect.arrayContaining([result.id, customerId]));
  });

  test('an import is audited when analysed and when applied, naming the import', async () => {
    const requestId = 'audit-test-import';
    const form = new FormData();
    form.append(
      'operations',
      JSON.stringify({
        query: `mutation ($input: StartImportInput!) { startImport(input: $input) { __typename ... on MutationStartImportSuccess { data { id } } } }`,
        variables: { input: { kind: 'CUSTOMERS', file: null } },
      }),
    );
    form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
    form.append(
      '0',
      new File(['Kundenummer;Navn\r\nI-1;Ida Holm\r\nI-2;Ole Dam\r\n'], 'kunder.csv', { type: 'text/csv' }),
    );
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${org.tokens.ADMIN}`, 'x-request-id': requestId },
      body: form,
    });
    const importId = ((await response.json()) as any).data.startImport.data.id;
    expect(await entriesOf(requestId)).toEqual([
      expect.objectContaining({ actorKind: 'USER', operation: 'startImport', targets: [importId] }),
    ]);

    const applied = await send(org.tokens.ADMIN, `mutation ($id: ID!) { applyImport(id: $id) { __typename } }`, {
      id: importId,
    });
    await importsSettled();
    // The batches run in the background after the request: its one entry stands for them.
    expect(await entriesOf(applied.requestId)).toEqual([
      expect.objectContaining({
        actorKind: 'USER',
        actorName: 'ADMIN of Revision',
        operation: 'applyImport',
        targets: [importId],
      }),
    ]);
  });

  test('a write that fails leaves no entry', async () => {
    const { requestId, body } = await send(
      org.tokens.AGENT,
      `mutation { adjustPoints(input: { customer: { externalId: "R-1" }, delta: -1000000, reason: "Fejl" }) { __typename } }`,
    );
    expect(body.data!.adjustPoints.__typename).not.toMatch(/Success$/);
    const refused = await send(
      org.tokens.AGENT,
      `mutation ($reward: ID!) { redeemReward(input: { customer: { externalId: "R-1" }, rewardId: $reward }) { __typename } }`,
      { reward: gid('Reward', '00000000-0000-0000-0000-000000000000') },
    );
    expect(refused.body.data!.redeemReward.__typename).toBe('NotFoundError');
    expect(await entriesOf(requestId)).toEqual([]);
    expect(await entriesOf(refused.requestId)).toEqual([]);
  });

  test('reads leave no entry', async () => {
    const { requestId } = await send(org.tokens.ADMIN, `{ customers(first: 5) { totalCount } }`);
    expect(await entriesOf(requestId)).toEqual([]);
  });
});

describe('reading the log', () => {
  test('filters by operation, actor kind and time, newest first, page by page', async () => {
    const byKey = await app.graphql(ENTRIES, { filter: { actorKinds: ['API_KEY'] } }, org.tokens.ADMIN);
    expect(byKey.data!.auditLog.edges.map((edge: { node: Entry }) => edge.node.operation)).toEqual(['recordEvents']);
    const redemptions = await app.graphql(ENTRIES, { filter: { operations: ['redeemReward'] } }, org.tokens.ADMIN);
    expect(redemptions.data!.auditLog.totalCount).toBe(1);
    const future = await app.graphql(
      ENTRIES,
      { filter: { from: new Date(app.clock.now().getTime() + DAY_MS).toISOString() } },
      org.tokens.ADMIN,
    );
    expect(future.data!.auditLog.totalCount).toBe(0);

    const all = (await app.graphql(ENTRIES, { first: 100 }, org.tokens.ADMIN)).data!.auditLog;
    const first = (await app.graphql(ENTRIES, { first: 2 }, org.tokens.ADMIN)).data!.auditLog;
    const second = (await app.graphql(ENTRIES, { first: 2, after: first.pageInfo.endCursor }, org.tokens.ADMIN)).data!
      .auditLog;
    const ids = (page: typeof all) => page.edges.map((edge: { node: Entry }) => edge.node.id);
    expect([...ids(first), ...ids(second)]).toEqual(ids(all).slice(0, 4));
    const times = all.edges.map((edge: { node: Entry }) => edge.node.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  test('a viewer, a manager and a key of every scope cannot read it', async () => {
    const everyScope = (
      await createApiKey(systemCaller(org.id), {
        name: 'Every scope',
        scopes: [
          'CUSTOMERS_READ',
          'CUSTOMERS_WRITE',
          'EVENTS_WRITE',
          'EVENTS_READ',
          'ALERTS_READ',
          'REWARDS_READ',
          'REWARDS_WRITE',
          'REDEMPTIONS_WRITE',
          'WEBHOOKS_MANAGE',
          'IMPORTS_WRITE',
        ],
      })
    ).secret;
    const [entry] = (await app.graphql(ENTRIES, { first: 1 }, org.tokens.ADMIN)).data!.auditLog.edges;
    for (const token of [org.tokens.VIEWER, org.tokens.MANAGER, everyScope]) {
      const list = await app.graphql(ENTRIES, {}, token);
      expect(list.data).toBeNull();
      expect(list.errors![0].message).toMatch(/not allowed/);
      const node = await app.graphql(
        `query ($id: ID!) { node(id: $id) { ... on AuditEntry { operation } } }`,
        { id: entry.node.id },
        token,
      );
      expect(node.data?.node?.operation).toBeUndefined();
      const exported = await fetch(`${app.url}/export/audit.csv`, { headers: { authorization: `Bearer ${token}` } });
      expect(exported.status).toBe(403);
    }
  });

  test('the export holds every entry, for ADMIN', async () => {
    const response = await fetch(`${app.url}/export/audit.csv?lang=da`, {
      headers: { authorization: `Bearer ${org.tokens.ADMIN}` },
    });
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toBe('Tidspunkt,Aktørtype,Aktør,Handling,Poster,Forespørgsels-id');
    const total = (await app.graphql(ENTRIES, {}, org.tokens.ADMIN)).data!.auditLog.totalCount;
    expect(lines).toHaveLength(total + 1);
    expect(lines.some((line) => line.includes(',API_KEY,Partner EVENTS_WRITE,recordEvents,'))).toBe(true);
  });
});

describe('nobody can change it', () => {
  const sql = (statement: string) => db().acrossOrganizations.$executeRawUnsafe(statement);

  test('the database refuses to update, delete or truncate an entry', async () => {
    await expect(sql(`UPDATE "AuditEntry" SET "actorName" = 'Nobody'`)).rejects.toThrow(/never changed/);
    await expect(sql(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/never changed/);
    await expect(sql(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/never changed/);
    const names = await db()
      .forOrganization(org.id)
      .auditEntry.findMany({ select: { actorName: true } });
    expect(names.length).toBeGreaterThan(0);
    expect(names.map((entry) => entry.actorName)).not.toContain('Nobody');
  });

  test('the prune job removes the entries older than 365 days and only those', async () => {
    const now = app.clock.now();
    const writeAt = async (daysAgo: number) => {
      app.clock.set(new Date(now.getTime() - daysAgo * DAY_MS));
      return (
        await send(
          org.tokens.ADMIN,
          `mutation { updateOrganizationSettings(settings: { contactCap: { max: 4 } }) { __typename } }`,
        )
      ).requestId;
    };
    const old = await writeAt(400);
    const young = await writeAt(300);
    app.clock.set(now);
    expect(await entriesOf(old)).toHaveLength(1);
    await app.runJobs();
    expect(await entriesOf(old)).toEqual([]);
    expect(await entriesOf(young)).toHaveLength(1);
  });
});

describe('a write outside its transaction', () => {
  test('is refused before it reaches the database, while the same write in writeTransaction has its entry', async () => {
    const scope = { caller: systemCaller(org.id), operation: 'createTeam', requestId: 'audit-test-outside' };
    const tenant = db().forOrganization(org.id);
    const data = { organizationId: org.id, name: 'Uden revision' };
    await expect(audited(scope, () => tenant.team.create({ data }))).rejects.toThrow(WriteOutsideTransaction);
    await expect(audited(scope, () => tenant.$transaction((tx) => tx.team.create({ data })))).rejects.toThrow(
      WriteOutsideTransaction,
    );
    expect(await tenant.team.count({ where: { name: data.name } })).toBe(0);
    expect(await entriesOf(scope.requestId)).toEqual([]);

    const team = await audited(scope, () => writeTransaction(org.id, (tx) => tx.team.create({ data })));
    expect(await entriesOf(scope.requestId)).toEqual([
      expect.objectContaining({ actorKind: 'SYSTEM', operation: 'createTeam', targets: [gid('Team', team.id)] }),
    ]);
  });
});
