// Two organizations with the same names and external ids. Organization B, as each role and as a
// partner key with every scope, calls every root field with organization A's ids (a customer both
// by id and by external id; node(id:) with an id of every type) and subscribes to every
// subscription while A's events happen: nothing of A comes back, nothing of A changes, and each
// answer is the one an id that exists nowhere gets.
import { systemCaller } from '../../api/src/auth/caller.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { GraphQLInterfaceType, GraphQLObjectType } from 'graphql';
import { schema } from '../../api/src/schema/index.ts';
import { db, runtime } from '../../api/src/runtime.ts';
import { TENANT_KEYS } from '../../api/src/db/tenancy.ts';
import { createApiKey } from '../../api/src/services/api-key.service.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { recordEvent } from '../../api/src/services/events.service.ts';
import { noNews, raiseOrEscalate } from '../../api/src/services/alert.service.ts';
import { createSurvey } from '../../api/src/services/survey.service.ts';
import { submitFeedback } from '../../api/src/services/feedback.service.ts';
import { reportIncident } from '../../api/src/services/incident.service.ts';
import { createReward } from '../../api/src/services/reward.service.ts';
import { redeemReward } from '../../api/src/services/redemption.service.ts';
import {
  createWebhookEndpoint,
  sendTestWebhook,
  updateWebhookEndpoint,
} from '../../api/src/services/webhook.service.ts';
import { ApiKeyScope } from '../../api/src/domain/types.ts';
import { openPulseRound } from '../../api/src/services/pulse.service.ts';
import { createTeam } from '../../api/src/services/team.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, ROLES, type TestOrganization } from '../support/fixtures.ts';
import { NODE_TARGETS, NOWHERE, OPERATIONS, gid, type Targets } from '../support/operations.ts';
import { collect, socketClient, untilDelivered, untilListening } from '../support/subscriptions.ts';
import { rowsOf, snapshot } from '../support/snapshot.ts';
import { importsSettled, startImport } from '../../api/src/services/import.service.ts';
import { inviteToSurvey } from '../../api/src/services/invitation.service.ts';

let app: TestApp;
let a: TestOrganization;
let b: TestOrganization;
let targetsInA: Targets;
const callersOfB: { label: string; token: string }[] = [];

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
  // Disabled, so that its delivery waits in the log unchanged while B calls.
  const { endpoint } = await createWebhookEndpoint(caller, {
    url: 'https://93.184.215.14/hooks/trofast',
    eventTypes: ['alert.raised'],
  });
  await updateWebhookEndpoint(caller, { id: endpoint.id, enabled: false });
  const delivery = await sendTestWebhook(caller, endpoint.id);
  const [invitationId] = await inviteToSurvey(caller, {
    surveyId: survey.id,
    customers: [{ id: customer.id }],
    channel: 'EMAIL',
  });
  const { messageId } = await db()
    .forOrganization(organization.id)
    .surveyInvitation.findUniqueOrThrow({ where: { id: invitationId } });
  const analysed = await startImport(caller, {
    kind: 'CUSTOMERS',
    file: new File(['Kundenummer,Navn\nK-1001,Karen Jensen\n'], 'kunder.csv', { type: 'text/csv' }),
  });
  return {
    webhookEndpointId: endpoint.id,
    webhookDeliveryId: delivery.id,
    importId: analysed.id,
    messageId,
    invitationId,
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

/** Organization A's ids, global ids, emails and key prefixes: none may appear in an answer to B. */
async function identifiersOf(organizationId: string): Promise<string[]> {
  const ids = await Promise.all(
    Object.keys(NODE_TARGETS).map(async (typename) =>
      (await rowsOf(organizationId, typename)).flatMap((row) => [row.id, gid(typename, row.id)]),
    ),
  );
  const tenant = db().forOrganization(organizationId);
  const users = await tenant.user.findMany();
  const keys = await tenant.apiKey.findMany();
  return [...ids.flat(), ...users.map((user) => user.email), ...keys.map((key) => key.prefix)];
}

/** The answer with ids and timings taken out, to compare A's answer with the one for nothing. */
function shape(answer: unknown): string {
  return JSON.stringify(answer, (key, value) => (['id', 'errorId', 'locations'].includes(key) ? '…' : value));
}

// Two organizations seeded through the services and hundreds of calls through HTTP: generous
// timeouts, for a machine busy with other work.
const SLOW_MS = 300_000;

beforeAll(async () => {
  app = await startTestApp();
  a = await createTestOrganization(app, 'Tvilling');
  b = await createTestOrganization(app, 'Tvilling');
  const callerA = systemCaller(a.id);
  const keyOfA = await createApiKey(callerA, { name: 'Webshop', scopes: Object.values(ApiKeyScope) });
  const usersOfA = await db()
    .forOrganization(a.id)
    .user.findMany({ where: { role: 'VIEWER' } });
  const seededInA = await seedCustomer(a);
  const [pointsEntryOfA] = await rowsOf(a.id, 'PointsEntry');
  const [eventOfA] = await rowsOf(a.id, 'Event');
  const teamOfA = await createTeam(callerA, { name: 'Butikken', memberIds: [usersOfA[0].id] });
  const roundOfA = await openPulseRound(callerA);
  // What A's admin changes through GraphQL is written in A's audit log.
  const created = await app.graphql(
    `mutation { createSurvey(input: { kind: POLL, question: "Hvilken farve?", options: ["Rød", "Blå"] }) { __typename } }`,
    {},
    a.tokens.ADMIN,
  );
  expect(created.data!.createSurvey.__typename).toBe('MutationCreateSurveySuccess');
  const [auditEntryOfA] = await rowsOf(a.id, 'AuditEntry');
  targetsInA = {
    organizationId: a.id,
    teamId: teamOfA.id,
    pulseRoundId: roundOfA.id,
    eventId: eventOfA.id,
    auditEntryId: auditEntryOfA.id,
    userId: usersOfA[0].id,
    apiKeyId: keyOfA.apiKey.id,
    pointsEntryId: pointsEntryOfA.id,
    ...seededInA,
  };

  const keyOfB = await createApiKey(systemCaller(b.id), { name: 'Webshop', scopes: Object.values(ApiKeyScope) });
  // The same customer, by the same external id and name, in B.
  await seedCustomer(b);
  // B's round is open, so B's sample openPulseRound is refused alike each time it runs.
  await openPulseRound(systemCaller(b.id));
  callersOfB.push(...ROLES.map((role) => ({ label: role, token: b.tokens[role] })));
  callersOfB.push({ label: 'partner key', token: keyOfB.secret });
}, SLOW_MS);
afterAll(() => app.stop(), SLOW_MS);

test('node(id:) is tried with an id of every type it answers with, and each of them lives in a tenant table', () => {
  const nodeTypes = schema
    .getPossibleTypes(schema.getType('Node') as GraphQLInterfaceType)
    .map((type) => type.name)
    .sort();
  expect(Object.keys(NODE_TARGETS).sort()).toEqual(nodeTypes);
  expect(nodeTypes.filter((typename) => !TENANT_KEYS.has(typename))).toEqual([]);
});

const subscriptions = Object.keys((schema.getType('Subscription') as GraphQLObjectType).getFields()).map(
  (name) => `Subscription.${name}`,
);

// Before the root fields: that walk signs B's staff out at its end.
test(
  "organization B's subscriptions deliver nothing of organization A's events, and A's ids subscribe like ids that do not exist",
  async () => {
    const watched: {
      label: string;
      againstA: ReturnType<typeof collect>;
      againstNothing: ReturnType<typeof collect>;
    }[] = [];
    const sockets = [];
    // Each of B's subscriptions below either listens or is refused (a role that may not open it);
    // A's admin opens every one.
    const startedInB = runtime().pubsub.subscribed(b.id);
    const listeningInA = untilListening(a.id, subscriptions.length);
    for (const caller of callersOfB) {
      const socket = socketClient(app.url, `Bearer ${caller.token}`);
      await socket.connected;
      sockets.push(socket);
      for (const field of subscriptions) {
        const operation = OPERATIONS[field];
        expect(operation, `no sample call for ${field}`).toBeDefined();
        watched.push({
          label: `${field} as ${caller.label}`,
          againstA: collect(socket.client, operation.document, operation.variables?.(targetsInA)),
          againstNothing: collect(socket.client, operation.document, operation.variables?.(NOWHERE)),
        });
      }
    }
    // A's own admin hears A's events (imports' progress included): once it has heard each, B's
    // subscribers have had their chance.
    const ownSocket = socketClient(app.url, `Bearer ${a.tokens.ADMIN}`);
    await ownSocket.connected;
    sockets.push(ownSocket);
    const heardInA = subscriptions.map((field) =>
      collect(ownSocket.client, OPERATIONS[field].document, OPERATIONS[field].variables?.(targetsInA)),
    );
    await listeningInA;
    const refused = () =>
      watched
        .flatMap(({ againstA, againstNothing }) => [againstA, againstNothing])
        .filter((subscription) => subscription.failure !== undefined || subscription.received.length > 0).length;
    while (runtime().pubsub.subscribed(b.id) - startedInB + refused() < watched.length * 2)
      await new Promise((resolve) => setTimeout(resolve, 10));

    // An incident raises an alert and the customer's risk; acknowledging an alert updates it.
    const reported = await app.graphql(
      `mutation ($id: ID!) { reportIncident(input: { customer: { id: $id }, title: "Chain snapped", category: PRODUCT, severity: CRITICAL }) { __typename } }`,
      { id: gid('Customer', targetsInA.customerId) },
      a.tokens.AGENT,
    );
    expect(reported.data!.reportIncident.__typename).toBe('MutationReportIncidentSuccess');
    const acknowledged = await app.graphql(
      'mutation ($id: ID!) { acknowledgeAlert(id: $id) { __typename } }',
      { id: gid('Alert', targetsInA.alertId) },
      a.tokens.MANAGER,
    );
    expect(acknowledged.data!.acknowledgeAlert.__typename).toBe('MutationAcknowledgeAlertSuccess');
    const applied = await app.graphql(
      'mutation ($id: ID!) { applyImport(id: $id) { __typename } }',
      { id: gid('Import', targetsInA.importId) },
      a.tokens.ADMIN,
    );
    expect(applied.data?.applyImport.__typename, JSON.stringify(applied)).toBe('MutationApplyImportSuccess');
    await importsSettled();
    for (const heard of heardInA) await heard.next(10_000);
    await untilDelivered(a.id);

    const secretsOfA = await identifiersOf(a.id);
    const leaks: string[] = [];
    const differences: string[] = [];
    for (const { label, againstA, againstNothing } of watched) {
      const text = JSON.stringify([againstA.received, againstA.failure]);
      for (const secret of secretsOfA) if (text.includes(secret)) leaks.push(`${label}: ${secret}`);
      const heardA = shape([againstA.received, againstA.failure]);
      const heardNothing = shape([againstNothing.received, againstNothing.failure]);
      if (heardA !== heardNothing) differences.push(`${label}: ${heardA} ≠ ${heardNothing}`);
    }
    for (const socket of sockets) await socket.client.dispose();
    expect(leaks).toEqual([]);
    expect(differences).toEqual([]);
  },
  SLOW_MS,
);

const fields = (['Query', 'Mutation'] as const)
  .flatMap((kind) =>
    Object.keys((schema.getType(kind) as GraphQLObjectType).getFields()).map((name) => `${kind}.${name}`),
  )
  // Signing out ends the caller's session: it goes last so the other calls keep theirs.
  .sort((x, y) => Number(x === 'Mutation.logout') - Number(y === 'Mutation.logout'));

test(
  "organization B sees and changes nothing of organization A, and A's ids answer like ids that do not exist",
  async () => {
    const before = await snapshot(a.id);
    const secretsOfA = await identifiersOf(a.id);
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
        for (const secret of secretsOfA)
          if (text.includes(secret)) leaks.push(`${field} as ${caller.label}: ${secret}`);
        if (shape(againstA) !== shape(againstNothing)) {
          differences.push(`${field} as ${caller.label}: ${shape(againstA)} ≠ ${shape(againstNothing)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(differences).toEqual([]);
    expect(await snapshot(a.id)).toBe(before);
  },
  SLOW_MS,
);
