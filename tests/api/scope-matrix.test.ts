// Read access follows the reader on every path (PRODUCT.md "Scopes on every path"): for each key
// scope, every type reachable from the root fields that scope may call is walked, and every field
// of a kind of object the scope may not read must be guarded; then the paths the audit took (a
// mutation's payload, an alert's customer, an incident's customer) are called for real.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  execute,
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  parse,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from 'graphql';
import { schema } from '../../api/src/schema/index.ts';
import { ACCESS, permits, READ_ACCESS, readGuard } from '../../api/src/auth/access.ts';
import type { Caller } from '../../api/src/auth/caller.ts';
import { ApiKeyScope } from '../../api/src/domain/types.ts';
import { ForbiddenError } from '../../api/src/domain/errors.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers } from '../support/partner.ts';

const SCOPES = Object.values(ApiKeyScope);
const keyWith = (scope: ApiKeyScope, organizationId = 'o'): Caller => ({
  kind: 'apiKey',
  organizationId,
  apiKeyId: 'none',
  scopes: [scope],
});

/** Every object type a caller reaches from the root fields it may call, through any field. */
function reachableTypes(caller: Caller): Set<string> {
  const seen = new Set<string>();
  const visit = (type: GraphQLNamedType) => {
    if (seen.has(type.name)) return;
    if (isUnionType(type)) return type.getTypes().forEach(visit);
    if (isInterfaceType(type)) return schema.getPossibleTypes(type).forEach(visit);
    if (!isObjectType(type)) return;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
  };
  for (const kind of ['Query', 'Mutation', 'Subscription'] as const) {
    for (const field of Object.values(
      schema.getType(kind) ? (schema.getType(kind) as GraphQLObjectType).getFields() : {},
    ))
      if (permits(caller, ACCESS[`${kind}.${field.name}`])) visit(getNamedType(field.type));
  }
  return seen;
}

/** The fields of other scopes' data that a key with `scope` can reach. */
function foreignFields(scope: ApiKeyScope): string[] {
  const caller = keyWith(scope);
  return [...reachableTypes(caller)]
    .filter((type) => type in READ_ACCESS && !permits(caller, READ_ACCESS[type]))
    .flatMap((type) =>
      Object.keys((schema.getType(type) as GraphQLObjectType).getFields())
        .filter((field) => readGuard(type, field))
        .map((field) => `${type}.${field}`),
    );
}

describe.each(SCOPES)('a key with %s', (scope) => {
  test('is refused every field of another scope’s data it can reach: each is guarded by that data’s readers', () => {
    for (const coordinate of foreignFields(scope)) {
      const [type, field] = coordinate.split('.');
      const guard = (schema.getType(type) as GraphQLObjectType).getFields()[field].extensions?.pothosOptions as {
        authScopes?: unknown;
      };
      expect(guard.authScopes, coordinate).toEqual({ read: type });
    }
  });

  test.skipIf(scope === 'CUSTOMERS_READ')('reads of a customer nothing but id and externalId', () => {
    const customerFields = Object.keys((schema.getType('Customer') as GraphQLObjectType).getFields());
    const reached = reachableTypes(keyWith(scope)).has('Customer');
    const open = customerFields.filter((field) => !readGuard('Customer', field));
    expect(open).toEqual(['id', 'externalId']);
    if (reached)
      expect(foreignFields(scope)).toEqual(expect.arrayContaining(customerFields.slice(2).map((f) => `Customer.${f}`)));
  });
});

test('the walk reaches customers from every scope that writes or reads around them', () => {
  const reaching = SCOPES.filter((scope) => reachableTypes(keyWith(scope)).has('Customer'));
  expect(reaching).toEqual(
    expect.arrayContaining(['CUSTOMERS_WRITE', 'EVENTS_WRITE', 'ALERTS_READ', 'REDEMPTIONS_WRITE']),
  );
});

describe('the paths the audit took, called for real', () => {
  let app: TestApp;
  let org: TestOrganization;
  const customerFields = Object.values((schema.getType('Customer') as GraphQLObjectType).getFields()).map((field) =>
    isObjectType(getNamedType(field.type)) ? `${field.name} { __typename }` : field.name,
  );

  beforeAll(async () => {
    app = await startTestApp({ now: new Date('2026-03-02T10:00:00Z') });
    org = await createTestOrganization(app, 'Omfang');
    await createCustomers(org, 1, 'S');
    // A HIGH incident raises an INCIDENT alert on its customer: an alert board has something to read.
    const reported = await app.graphql(
      `mutation { reportIncident(input: { customer: { externalId: "S-1" }, title: "Frame cracked", category: PRODUCT, severity: HIGH }) { __typename } }`,
      {},
      org.tokens.AGENT,
    );
    expect(reported.data!.reportIncident.__typename).toBe('MutationReportIncidentSuccess');
  });
  afterAll(() => app.stop());

  /** What each field of the customer at the end of `path` answers: 'read' or the refusal's code. */
  async function customerFieldsThrough(scope: ApiKeyScope, path: (selection: string) => string) {
    const answers: Record<string, string> = {};
    for (const selection of customerFields) {
      const result = await execute({
        schema,
        document: parse(path(selection)),
        contextValue: { caller: keyWith(scope, org.id), requestId: 'scope-matrix' },
      });
      const name = selection.split(' ')[0];
      const error = result.errors?.[0];
      answers[name] = !error ? 'read' : error.originalError instanceof ForbiddenError ? 'FORBIDDEN' : error.message;
    }
    return answers;
  }

  const onlyIdentity = () =>
    Object.fromEntries(
      customerFields.map((selection) => {
        const name = selection.split(' ')[0];
        return [name, ['id', 'externalId'].includes(name) ? 'read' : 'FORBIDDEN'];
      }),
    );

  test('an events:write key reads of the customer in recordPurchase’s payload only id and externalId', async () => {
    const answers = await customerFieldsThrough(
      'EVENTS_WRITE',
      (selection) =>
        `mutation { recordPurchase(input: { customer: { externalId: "S-1" }, amount: { amountMinor: 100, currency: "DKK" } }) { ... on MutationRecordPurchaseSuccess { data { pointsEarned customer { ${selection} } } } } }`,
    );
    expect(answers).toEqual(onlyIdentity());
  });

  test('a customers:write key reads of the customer it upserted only id and externalId', async () => {
    const answers = await customerFieldsThrough(
      'CUSTOMERS_WRITE',
      (selection) =>
        `mutation { upsertCustomer(input: { externalId: "S-1", name: "Kunde S-1" }) { ... on MutationUpsertCustomerSuccess { data { ${selection} } } } }`,
    );
    expect(answers).toEqual(onlyIdentity());
  });

  test('an alerts:read key reads the alert, and of its customer only id and externalId', async () => {
    const answers = await customerFieldsThrough(
      'ALERTS_READ',
      (selection) => `{ alerts { edges { node { kind title customer { ${selection} } } } } }`,
    );
    expect(answers).toEqual(onlyIdentity());
  });

  test('an alerts:read key reads of an alert’s incident’s customer only id and externalId', async () => {
    const answers = await customerFieldsThrough(
      'ALERTS_READ',
      (selection) => `{ alerts { edges { node { incident { title customer { ${selection} } } } } } }`,
    );
    expect(answers).toEqual(onlyIdentity());
  });

  test('a customers:read key reads every field of the same customer', async () => {
    const answers = await customerFieldsThrough(
      'CUSTOMERS_READ',
      (selection) => `{ customer(ref: { externalId: "S-1" }) { ${selection} } }`,
    );
    expect(Object.values(answers).every((answer) => answer === 'read')).toBe(true);
  });
});
