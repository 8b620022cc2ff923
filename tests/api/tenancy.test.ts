// Two organizations with the same names and external ids. Organization B, as each role and as a
// partner key with every scope, calls every root field with organization A's ids: nothing of A
// comes back, nothing of A changes, and each answer is the one an id that exists nowhere gets.
import { systemCaller } from '../../api/src/auth/caller.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { GraphQLObjectType } from 'graphql';
import { schema } from '../../api/src/schema/index.ts';
import { db } from '../../api/src/runtime.ts';
import { TENANT_MODELS } from '../../api/src/db/tenancy.ts';
import { createApiKey } from '../../api/src/services/api-key.service.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { recordEvent } from '../../api/src/services/events.service.ts';
import { noNews, raiseOrEscalate } from '../../api/src/services/alert.service.ts';
import { createSurvey } from '../../api/src/services/survey.service.ts';
import { submitFeedback } from '../../api/src/services/feedback.service.ts';
import { reportIncident } from '../../api/src/services/incident.service.ts';
import { createReward } from '../../api/src/services/reward.service.ts';
import { redeemReward } from '../../api/src/services/redemption.service.ts';
import { ApiKeyScope } from '../../api/src/domain/types.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, ROLES, type TestOrganization } from '../support/fixtures.ts';
import { NOWHERE, OPERATIONS, gid, type Targets } from '../support/operations.ts';

let app: TestApp;
let a: TestOrganization;
let b: TestOrganization;
let targetsInA: Targets;
let secretsOfA: string[];
const callersOfB: { label: string; token: string }[] = [];

/** Every row of every tenant table of one organization, to prove nothing changed. */
async function snapshot(organizationId: string): Promise<string> {
  const tenant = db().forOrganization(organizationId) as unknown as Record<
    string,
    { findMany(args: object): Promise<unknown[]> }
  >;
  const tables: Record<string, unknown[]> = {};
  for (const model of [...TENANT_MODELS].sort()) {
    const delegate = tenant[model[0].toLowerCase() + model.slice(1)];
    tables[model] = await delegate.findMany({ orderBy: { id: 'asc' } });
  }
  return JSON.stringify(tables, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
}

/** A customer with a purchase, a contact, an answer and an incident, the same in every organization but for the ids. */
async function seedCustomer(organization: TestOrganization) {
  const caller = systemCaller(organization.id);
  const customer = await upsertCustomer(caller, {
    externalId: 'K-1001',
    name: 'Karen Jensen',
    email: 'karen@example.dk',
  });
  const purchaseId = await recordEvent(caller, {
    purchase: { customer: { id: customer.id }, amount: { amountMinor: 120000, currency: 'DKK' }, externalRef: 'ORD-1' },
  });
  const interactionId = await recordEvent(caller, {
    interaction: {
      customer: { id: customer.id },
      channel: 'PHONE',
      direction: 'OUTBOUND',
      kind: 'CHECK_IN',
      personal: true,
    },
  });
  const now = new Date();
  const news = noNews();
  await db()
    .forOrganization(organization.id)
    .$transaction((tx) =>
      raiseOrEscalate(
        tx,
        organization.id,
        {
          kind: 'IGNORED',
          customerId: customer.id,
          severity: 'INFO',
          causedAt: now,
          reason: { code: 'IGNORED', params: { customerName: customer.name, days: 91, neverContacted: false } },
        },
        undefined,
        now,
        news,
      ),
    );
  const survey = await createSurvey(caller, {
    kind: 'NPS',
    question: 'Would you recommend us?',
    participationPoints: 10,
  });
  const feedbackId = await submitFeedback(caller, { customer: { id: customer.id }, surveyId: survey.id, score: 3 });
  const incidentId = await reportIncident(caller, {
    customer: { id: customer.id },
    title: 'Wrong size delivered',
    category: 'DELIVERY',
    severity: 'MEDIUM',
  });
  const reward = await createReward(caller, {
    name: 'Drikkedunk',
    pointsCost: 50,
    kind: 'GIFT',
    unitCost: { amountMinor: 4000, currency: 'DKK' },
    stock: 10,
  });
  const redemption = await redeemReward(caller, { customer: { id: customer.id }, rewardId: reward.id });
  return {
    customerId: customer.id,
    externalId: customer.externalId,
    purchaseId,
    interactionId,
    alertId: news.raised[0].alertId,
    surveyId: survey.id,
    feedbackId,
    incidentId,
    rewardId: reward.id,
    redemptionId: redemption.id,
  };
}

/** Organization A's ids and emails: none may appear in an answer to B. */
async function identifiersOf(organizationId: string): Promise<string[]> {
  const tenant = db().forOrganization(organizationId);
  const rows = async (model: string) =>
    (tenant as unknown as Record<string, { findMany(): Promise<{ id: string }[]> }>)[model].findMany();
  const ids = (
    await Promise.all(
      [
        ['user', 'User'],
        ['apiKey', 'ApiKey'],
        ['customer', 'Customer'],
        ['purchase', 'Purchase'],
        ['interaction', 'Interaction'],
        ['alert', 'Alert'],
        ['survey', 'Survey'],
        ['feedback', 'Feedback'],
        ['incident', 'Incident'],
        ['pointsEntry', 'PointsEntry'],
        ['reward', 'Reward'],
        ['redemption', 'Redemption'],
      ].map(async ([model, typename]) => (await rows(model)).flatMap((row) => [row.id, gid(typename, row.id)])),
    )
  ).flat();
  const users = await tenant.user.findMany();
  const keys = await tenant.apiKey.findMany();
  return [
    organizationId,
    gid('Organization', organizationId),
    ...ids,
    ...users.map((user) => user.email),
    ...keys.map((key) => key.prefix),
  ];
}

/** The answer with ids and timings taken out, to compare A's answer with the one for nothing. */
function shape(answer: unknown): string {
  return JSON.stringify(answer, (key, value) => (['id', 'errorId', 'locations'].includes(key) ? '…' : value));
}

beforeAll(async () => {
  app = await startTestApp();
  a = await createTestOrganization(app, 'Tvilling');
  b = await createTestOrganization(app, 'Tvilling');
  const callerA = systemCaller(a.id);
  const keyOfA = await createApiKey(callerA, { name: 'Webshop', scopes: Object.values(ApiKeyScope) });
  const usersOfA = await db()
    .forOrganization(a.id)
    .user.findMany({ where: { role: 'VIEWER' } });
  targetsInA = { userId: usersOfA[0].id, apiKeyId: keyOfA.apiKey.id, ...(await seedCustomer(a)) };
  secretsOfA = await identifiersOf(a.id);

  const keyOfB = await createApiKey(systemCaller(b.id), { name: 'Webshop', scopes: Object.values(ApiKeyScope) });
  // The same customer, by the same external id and name, in B.
  await seedCustomer(b);
  callersOfB.push(...ROLES.map((role) => ({ label: role, token: b.tokens[role] })));
  callersOfB.push({ label: 'partner key', token: keyOfB.secret });
});
afterAll(() => app.stop());

const fields = (['Query', 'Mutation'] as const)
  .flatMap((kind) =>
    Object.keys((schema.getType(kind) as GraphQLObjectType).getFields()).map((name) => `${kind}.${name}`),
  )
  // Signing out ends the caller's session: it goes last so the other calls keep theirs.
  .sort((x, y) => Number(x === 'Mutation.logout') - Number(y === 'Mutation.logout'));

test("organization B sees and changes nothing of organization A, and A's ids answer like ids that do not exist", async () => {
  const before = await snapshot(a.id);
  const leaks: string[] = [];
  const differences: string[] = [];
  for (const field of fields) {
    const operation = OPERATIONS[field];
    expect(operation, `no sample call for ${field}`).toBeDefined();
    for (const caller of callersOfB) {
      if (field === 'Mutation.logout') {
        await app.graphql(operation.document, {}, caller.token);
        continue;
      }
      const againstA = await app.graphql(operation.document, operation.variables?.(targetsInA), caller.token);
      // External ids are the partner's own: the same one in B names B's customer, as it should.
      const nowhere = { ...NOWHERE, externalId: targetsInA.externalId };
      const againstNothing = await app.graphql(operation.document, operation.variables?.(nowhere), caller.token);
      const text = JSON.stringify(againstA);
      for (const secret of secretsOfA) if (text.includes(secret)) leaks.push(`${field} as ${caller.label}: ${secret}`);
      if (shape(againstA) !== shape(againstNothing)) {
        differences.push(`${field} as ${caller.label}: ${shape(againstA)} ≠ ${shape(againstNothing)}`);
      }
    }
  }
  expect(leaks).toEqual([]);
  expect(differences).toEqual([]);
  expect(await snapshot(a.id)).toBe(before);
});
