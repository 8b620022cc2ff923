// Never more than their own: with a real member session, every root field of the schema is called
// with another customer's ids (the field list is read from the schema, so a field added later is
// covered without editing this test). Only the member fields and the public ways in answer, and
// nothing of the other customer, their risk, scores or the staff comes back.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getNamedType, isObjectType, type GraphQLNamedType, type GraphQLObjectType } from 'graphql';
import { schema } from '../../api/src/schema/index.ts';
import { ACCESS } from '../../api/src/auth/access.ts';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { db } from '../../api/src/runtime.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { recordEvent } from '../../api/src/services/events.service.ts';
import { reportIncident } from '../../api/src/services/incident.service.ts';
import { createReward } from '../../api/src/services/reward.service.ts';
import { redeemReward } from '../../api/src/services/redemption.service.ts';
import { createMemberLink } from '../../api/src/services/member-access.service.ts';
import { writeTransaction } from '../../api/src/services/transaction.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { gid, NOWHERE, OPERATIONS, type Targets } from '../support/operations.ts';

let app: TestApp;
let shop: TestOrganization;
let memberToken: string;
let otherCustomer: Targets;
let forbidden: string[];

const SLOW_MS = 300_000;

/** A customer with a purchase, a contact, an incident and a redemption. */
async function seedCustomer(externalId: string, name: string, rewardId: string) {
  const caller = systemCaller(shop.id);
  const customer = await upsertCustomer(caller, { externalId, name, email: `${externalId}@example.dk` });
  const purchaseId = await recordEvent(caller, {
    purchase: { customer: { id: customer.id }, amount: { amountMinor: 500_000, currency: 'DKK' } },
  });
  const interactionId = await recordEvent(caller, {
    interaction: {
      customer: { id: customer.id },
      channel: 'PHONE',
      direction: 'OUTBOUND',
      kind: 'CHECK_IN',
      personal: true,
      note: `Private staff note about ${name}`,
    },
  });
  const incidentId = await reportIncident(caller, {
    customer: { id: customer.id },
    title: `Broken bell for ${name}`,
    category: 'PRODUCT',
    severity: 'HIGH',
  });
  const redemption = await redeemReward(caller, { customer: { id: customer.id }, rewardId });
  const entry = await db()
    .forOrganization(shop.id)
    .pointsEntry.findFirstOrThrow({ where: { customerId: customer.id } });
  const alert = await db()
    .forOrganization(shop.id)
    .alert.findFirst({ where: { customerId: customer.id } });
  const user = await db().forOrganization(shop.id).user.findFirstOrThrow();
  return {
    customer,
    targets: {
      // What the member could not name anyway points nowhere.
      ...NOWHERE,
      organizationId: shop.id,
      userId: user.id,
      customerId: customer.id,
      externalId,
      purchaseId,
      interactionId,
      pointsEntryId: entry.id,
      alertId: alert?.id ?? NOWHERE.alertId,
      incidentId,
      rewardId,
      redemptionId: redemption.id,
    } satisfies Targets,
  };
}

beforeAll(async () => {
  app = await startTestApp();
  shop = await createTestOrganization(app, 'Isolation');
  const reward = await createReward(systemCaller(shop.id), {
    name: 'Ringeklokke',
    pointsCost: 100,
    kind: 'GIFT',
    unitCost: { amountMinor: 2000, currency: 'DKK' },
    stock: null,
  });
  const member = await seedCustomer('M-1', 'Mette Member', reward.id);
  const other = await seedCustomer('O-1', 'Ole Other', reward.id);
  otherCustomer = other.targets;
  const link = await writeTransaction(shop.id, (tx) => createMemberLink(tx, member.customer.id, app.clock.now()));
  const started = await app.graphql(
    `mutation ($token: String!) { startMemberSession(linkToken: $token) { ... on MutationStartMemberSessionSuccess { data { token } } } }`,
    { token: link.split('/').at(-1) },
  );
  memberToken = started.data!.startMemberSession.data.token;
  const staff = await db().forOrganization(shop.id).user.findMany();
  forbidden = [
    ...Object.entries(otherCustomer)
      .filter(([key]) => !['organizationId', 'rewardId', 'surveyId', 'apiKeyId', 'eventId', 'feedbackId'].includes(key))
      .flatMap(([key, id]) => [
        id,
        gid(
          key.replace(/Id$/, '').replace(/^./, (c) => c.toUpperCase()),
          id,
        ),
      ]),
    gid('Customer', otherCustomer.customerId),
    gid('PointsEntry', otherCustomer.pointsEntryId),
    'Ole Other',
    'O-1@example.dk',
    'Private staff note',
    ...staff.flatMap((user) => [user.id, user.email, user.name]),
  ];
}, SLOW_MS);
afterAll(() => app?.stop(), SLOW_MS);

const rootFields = (['Query', 'Mutation'] as const).flatMap((kind) =>
  Object.keys((schema.getType(kind) as GraphQLObjectType).getFields()).map((name) => `${kind}.${name}`),
);
const opensToMember = (coordinate: string) => ACCESS[coordinate]?.member === true;
const isPublic = (coordinate: string) => ACCESS[coordinate]?.anonymous === true;

function refused(result: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }): boolean {
  const refusedError = result.errors?.some((error) =>
    ['FORBIDDEN', 'UNAUTHENTICATED'].includes(error.extensions?.code as string),
  );
  return Boolean(refusedError) || JSON.stringify(result.data ?? null).includes('"__typename":"ForbiddenError"');
}

describe('a member session, calling every root field with another customer’s ids', () => {
  // Logging out would end the session the rest of the walk uses: it is called last.
  const walk = [...rootFields.filter((field) => field !== 'Mutation.logout'), 'Mutation.logout'];

  test.each(walk)('%s', async (coordinate) => {
    const operation = OPERATIONS[coordinate];
    expect(operation, `no sample call for ${coordinate}`).toBeDefined();
    const result = await app.graphql(operation.document, operation.variables?.(otherCustomer), memberToken);
    const answer = JSON.stringify(result);
    if (opensToMember(coordinate) || isPublic(coordinate)) expect(refused(result), answer).toBe(false);
    else expect(refused(result), answer).toBe(true);
    for (const identifier of forbidden) expect(answer, `${coordinate} leaks ${identifier}`).not.toContain(identifier);
  });
});

test('after the walk the member reads their own page: their name, their ledger, their incidents', async () => {
  const { data } = await app.graphql(OPERATIONS['Query.member'].document, {}, await freshSession('M-1'));
  expect(data!.member.name).toBe('Mette Member');
  // The walk reported a problem ("Sample") and redeemed the reward once more as the member.
  expect(data!.member.incidents.map((incident: { title: string }) => incident.title).sort()).toEqual([
    'Broken bell for Mette Member',
    'Sample',
  ]);
  expect(
    data!.member.pointsLedger.edges.map((edge: { node: { kind: string; delta: number } }) => edge.node.delta),
  ).toEqual([-100, -100, 500]);
  expect(data!.member.dataExport.customer.externalId).toBe('M-1');
});

async function freshSession(externalId: string) {
  const customer = await db().forOrganization(shop.id).customer.findFirstOrThrow({ where: { externalId } });
  const link = await writeTransaction(shop.id, (tx) => createMemberLink(tx, customer.id, app.clock.now()));
  const started = await app.graphql(
    `mutation ($token: String!) { startMemberSession(linkToken: $token) { ... on MutationStartMemberSessionSuccess { data { token } } } }`,
    { token: link.split('/').at(-1) },
  );
  return started.data!.startMemberSession.data.token as string;
}

test('nothing a member can reach is a staff type, risk, a score or a note', () => {
  const seen = new Set<string>();
  const fields: string[] = [];
  const visit = (type: GraphQLNamedType) => {
    if (seen.has(type.name) || !isObjectType(type)) return;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) {
      fields.push(`${type.name}.${field.name}`);
      visit(getNamedType(field.type));
    }
  };
  for (const coordinate of rootFields.filter(opensToMember)) {
    const [kind, name] = coordinate.split('.');
    const field = (schema.getType(kind) as GraphQLObjectType).getFields()[name];
    const type = getNamedType(field.type);
    if (isObjectType(type)) visit(type);
    else if ('getTypes' in type) for (const member of type.getTypes()) visit(member);
  }
  expect(
    [...seen].filter((type) => ['Customer', 'User', 'Alert', 'Interaction', 'Incident', 'Risk'].includes(type)),
  ).toEqual([]);
  expect(fields.filter((field) => /risk|engagement|satisfaction|note|score/i.test(field))).toEqual([]);
});
