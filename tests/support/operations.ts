// One sample call for every root field of the schema, used by the authorization-matrix test and
// the two-organization test. A root field without an entry here fails both tests: a new field
// must say how it is called.
import { randomUUID } from 'node:crypto';

/** The records a sample call points at: another organization's in the tenancy test, nothing's in the matrix test. */
export interface Targets {
  organizationId: string;
  userId: string;
  apiKeyId: string;
  customerId: string;
  externalId: string;
  purchaseId: string;
  interactionId: string;
  pointsEntryId: string;
  alertId: string;
  surveyId: string;
  feedbackId: string;
  incidentId: string;
  rewardId: string;
  redemptionId: string;
  eventId: string;
  teamId: string;
  pulseRoundId: string;
  webhookEndpointId: string;
  webhookDeliveryId: string;
  importId: string;
  messageId: string;
  invitationId: string;
  auditEntryId: string;
}

export interface Operation {
  document: string;
  variables?: (targets: Targets) => Record<string, unknown>;
}

/** A Relay global id, as the API encodes it. */
export const gid = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64');

/** Targets that exist nowhere. */
export const NOWHERE: Targets = {
  organizationId: 'nowhere-organization',
  userId: 'nowhere-user',
  apiKeyId: 'nowhere-key',
  customerId: 'nowhere-customer',
  externalId: 'nowhere-external',
  purchaseId: 'nowhere-purchase',
  interactionId: 'nowhere-interaction',
  pointsEntryId: 'nowhere-points-entry',
  alertId: 'nowhere-alert',
  surveyId: 'nowhere-survey',
  feedbackId: 'nowhere-feedback',
  incidentId: 'nowhere-incident',
  rewardId: 'nowhere-reward',
  redemptionId: 'nowhere-redemption',
  eventId: 'nowhere-event',
  teamId: 'nowhere-team',
  pulseRoundId: 'nowhere-pulse-round',
  webhookEndpointId: 'nowhere-webhook-endpoint',
  webhookDeliveryId: 'nowhere-webhook-delivery',
  importId: 'nowhere-import',
  messageId: 'nowhere-message',
  invitationId: 'nowhere-invitation',
  auditEntryId: 'nowhere-audit-entry',
};

const RESULT = '__typename ... on Error { message }';

/** Every type `node(id:)` can answer with, and the target its sample id points at. */
export const NODE_TARGETS: Record<string, keyof Targets> = {
  Organization: 'organizationId',
  User: 'userId',
  ApiKey: 'apiKeyId',
  Customer: 'customerId',
  Purchase: 'purchaseId',
  Interaction: 'interactionId',
  PointsEntry: 'pointsEntryId',
  Alert: 'alertId',
  Survey: 'surveyId',
  Feedback: 'feedbackId',
  Incident: 'incidentId',
  Reward: 'rewardId',
  Redemption: 'redemptionId',
  Event: 'eventId',
  Team: 'teamId',
  PulseRound: 'pulseRoundId',
  WebhookEndpoint: 'webhookEndpointId',
  WebhookDelivery: 'webhookDeliveryId',
  Import: 'importId',
  Message: 'messageId',
  SurveyInvitation: 'invitationId',
  AuditEntry: 'auditEntryId',
};
const NODE_TYPES = Object.keys(NODE_TARGETS);

const CUSTOMER_FIELDS = `id externalId name email tier pointsBalance lastPersonalContactAt purchases { totalCount } interactions { totalCount }
  incidents { totalCount } feedback { totalCount } risk { score level factors { code points explanation } } engagement satisfaction alerts { totalCount }`;
const ALERT_FIELDS =
  'id kind severity status title message customer { id externalId } incident { id title } createdAt updatedAt';

/** A customer both ways a call can name one. */
const byCustomer = (t: Targets) => ({ id: gid('Customer', t.customerId), externalId: t.externalId });

export const OPERATIONS: Record<string, Operation> = {
  'Query.node': {
    document: `query (${NODE_TYPES.map((type) => `$${type}: ID!`).join(', ')}) {
      ${NODE_TYPES.map((type) => `${type}: node(id: $${type}) { __typename id }`).join('\n')}
    }`,
    variables: (t) => Object.fromEntries(NODE_TYPES.map((type) => [type, gid(type, t[NODE_TARGETS[type]])])),
  },
  'Query.customers': {
    document: `query ($search: String) { customers(first: 10, filter: { search: $search }) { totalCount edges { node { ${CUSTOMER_FIELDS} } } } }`,
    variables: (t) => ({ search: t.externalId }),
  },
  'Query.customer': {
    document: `query ($id: ID!, $externalId: String!) {
      byId: customer(ref: { id: $id }) { ${CUSTOMER_FIELDS} }
      byExternalId: customer(ref: { externalId: $externalId }) { ${CUSTOMER_FIELDS} }
    }`,
    variables: byCustomer,
  },
  'Query.surveys': { document: '{ surveys { id question answerCount } }' },
  'Query.feedback': {
    document: `query ($survey: ID!) { feedback(first: 10, filter: { surveyId: $survey }) { totalCount edges { node { id score customer { id } } } } }`,
    variables: (t) => ({ survey: gid('Survey', t.surveyId) }),
  },
  'Query.npsTrend': {
    document: '{ npsTrend(from: "2020-01-01T00:00:00Z", to: "2020-03-01T00:00:00Z") { label answers nps } }',
  },
  'Query.incidents': {
    document: `query ($after: String) { incidents(first: 10, after: $after) { totalCount edges { node { id title customer { id } } } } }`,
    variables: (t) => ({ after: Buffer.from(`GPC:S:${t.incidentId}`).toString('base64') }),
  },
  'Query.me': { document: '{ me { id email } }' },
  'Query.users': { document: '{ users { id email } }' },
  'Query.organization': { document: '{ organization { id name settings { defaultCurrency } } }' },
  'Query.apiKeys': { document: '{ apiKeys { id name prefix } }' },

  'Query.canContact': {
    document: `query ($id: ID!, $externalId: String!) {
      byId: canContact(customer: { id: $id }, channel: EMAIL, kind: MARKETING) { allowed reasons nextAllowedAt }
      byExternalId: canContact(customer: { externalId: $externalId }, channel: SMS, kind: SERVICE) { allowed reasons }
    }`,
    variables: byCustomer,
  },

  'Query.events': {
    document: '{ events(first: 50) { totalCount edges { cursor node { id type occurredAt data } } } }',
  },
  'Query.alerts': { document: `{ alerts(first: 20) { totalCount edges { node { ${ALERT_FIELDS} } } } }` },
  'Query.overview': {
    document: '{ overview { customers openAlerts openIncidents nps riskDistribution { level count } } }',
  },
  'Query.customersToThank': {
    document: `{ customersToThank(first: 20) { totalCount edges { node { ${CUSTOMER_FIELDS} } } } }`,
  },

  'Mutation.login': {
    document: `mutation ($email: String!) { login(input: { email: $email, password: "wrong" }) { ${RESULT} } }`,
    // An email of its own each call: repeated calls meet the sign-in throttle of no account.
    variables: () => ({ email: `nobody-${randomUUID()}@nowhere.example` }),
  },
  'Mutation.logout': { document: 'mutation { logout }' },
  'Mutation.updateMe': { document: `mutation { updateMe(input: {}) { ${RESULT} } }` },
  'Mutation.createUser': {
    document: `mutation { createUser(input: { email: "not-an-email", name: "", role: VIEWER }) { ${RESULT} } }`,
  },
  'Mutation.updateUser': {
    document: `mutation ($id: ID!) { updateUser(input: { id: $id, name: "Renamed" }) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('User', t.userId) }),
  },
  'Mutation.deactivateUser': {
    document: `mutation ($id: ID!) { deactivateUser(id: $id) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('User', t.userId) }),
  },
  'Mutation.updateOrganizationSettings': {
    document: `mutation { updateOrganizationSettings(settings: { contactCap: { max: -1 } }) { ${RESULT} } }`,
  },
  'Mutation.createApiKey': {
    document: `mutation { createApiKey(input: { name: "", scopes: [] }) { ${RESULT} } }`,
  },
  'Mutation.upsertCustomer': {
    document: `mutation { upsertCustomer(input: { externalId: "", name: "" }) { ${RESULT} } }`,
  },
  'Mutation.recordPurchase': {
    document: `mutation ($id: ID!, $externalId: String!) {
      byId: recordPurchase(input: { customer: { id: $id }, amount: { amountMinor: 10000, currency: "DKK" } }) { ${RESULT} }
      byExternalId: recordPurchase(input: { customer: { externalId: $externalId }, amount: { amountMinor: 10000, currency: "DKK" } }) { ${RESULT} }
    }`,
    variables: byCustomer,
  },
  'Mutation.recordInteraction': {
    document: `mutation ($id: ID!, $externalId: String!) {
      byId: recordInteraction(input: { customer: { id: $id }, channel: PHONE, direction: OUTBOUND, kind: CHECK_IN, personal: true }) { ${RESULT} }
      byExternalId: recordInteraction(input: { customer: { externalId: $externalId }, channel: PHONE, direction: OUTBOUND, kind: CHECK_IN, personal: true }) { ${RESULT} }
    }`,
    variables: byCustomer,
  },
  'Mutation.recordEvents': {
    document: `mutation ($id: ID!, $externalId: String!) { recordEvents(input: { events: [
      { purchase: { customer: { id: $id }, amount: { amountMinor: 5000, currency: "DKK" } } },
      { purchase: { customer: { externalId: $externalId }, amount: { amountMinor: 5000, currency: "DKK" } } },
      { interaction: { customer: { id: $id }, channel: EMAIL, direction: INBOUND, kind: SERVICE, personal: true } },
      { interaction: { customer: { externalId: $externalId }, channel: EMAIL, direction: INBOUND, kind: SERVICE, personal: true } },
      { feedback: { customer: { id: $id }, comment: "Quick delivery" } },
      { feedback: { customer: { externalId: $externalId }, comment: "Quick delivery" } },
      { incident: { customer: { id: $id }, title: "Late parcel", category: DELIVERY, severity: LOW } },
      { incident: { customer: { externalId: $externalId }, title: "Late parcel", category: DELIVERY, severity: LOW } }
    ] }) { __typename ... on MutationRecordEventsSuccess { data { applied failed results { index ok errors { __typename message } } } } ... on Error { message } } }`,
    variables: byCustomer,
  },
  'Mutation.acknowledgeAlert': {
    document: `mutation ($id: ID!) { acknowledgeAlert(id: $id) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('Alert', t.alertId) }),
  },
  'Mutation.assignAlert': {
    document: `mutation ($id: ID!) { assignAlert(input: { id: $id }) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('Alert', t.alertId) }),
  },
  'Mutation.resolveAlert': {
    document: `mutation ($id: ID!) { resolveAlert(id: $id) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('Alert', t.alertId) }),
  },
  'Mutation.acknowledgeAlerts': {
    document: `mutation ($ids: [ID!]!) { acknowledgeAlerts(ids: $ids) { ${RESULT} } }`,
    variables: (t) => ({ ids: [gid('Alert', t.alertId)] }),
  },
  'Mutation.assignAlerts': {
    document: `mutation ($ids: [ID!]!) { assignAlerts(input: { ids: $ids }) { ${RESULT} } }`,
    variables: (t) => ({ ids: [gid('Alert', t.alertId)] }),
  },
  'Mutation.resolveAlerts': {
    document: `mutation ($ids: [ID!]!) { resolveAlerts(ids: $ids) { ${RESULT} } }`,
    variables: (t) => ({ ids: [gid('Alert', t.alertId)] }),
  },
  'Subscription.alertRaised': {
    document: `subscription { alertRaised(filter: { minSeverity: INFO }) { ${ALERT_FIELDS} } }`,
  },
  'Subscription.alertUpdated': { document: `subscription { alertUpdated { ${ALERT_FIELDS} } }` },
  'Subscription.incidentChanged': { document: 'subscription { incidentChanged { id status slaDueAt slaBreached } }' },
  'Subscription.churnRiskChanged': {
    document: 'subscription ($id: ID) { churnRiskChanged(customerId: $id) { id risk { level } } }',
    variables: (t) => ({ id: gid('Customer', t.customerId) }),
  },
  'Mutation.createSurvey': {
    document: `mutation { createSurvey(input: { kind: POLL, question: "Tea or coffee?", options: ["Tea"] }) { ${RESULT} } }`,
  },
  'Mutation.updateSurvey': {
    document: `mutation ($id: ID!) { updateSurvey(input: { id: $id, active: false }) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('Survey', t.surveyId) }),
  },
  'Mutation.submitFeedback': {
    document: `mutation ($id: ID!, $externalId: String!, $survey: ID!) {
      byId: submitFeedback(input: { customer: { id: $id }, comment: "Friendly staff" }) { ${RESULT} }
      byExternalId: submitFeedback(input: { customer: { externalId: $externalId }, comment: "Friendly staff" }) { ${RESULT} }
      toSurvey: submitFeedback(input: { customer: { externalId: $externalId }, surveyId: $survey, score: 10 }) { ${RESULT} }
    }`,
    variables: (t) => ({ ...byCustomer(t), survey: gid('Survey', t.surveyId) }),
  },
  'Mutation.reportIncident': {
    document: `mutation ($id: ID!, $externalId: String!) {
      byId: reportIncident(input: { customer: { id: $id }, title: "Broken chain", category: PRODUCT, severity: HIGH }) { ${RESULT} }
      byExternalId: reportIncident(input: { customer: { externalId: $externalId }, title: "Broken chain", category: PRODUCT, severity: HIGH }) { ${RESULT} }
    }`,
    variables: byCustomer,
  },
  'Mutation.updateIncident': {
    document: `mutation ($id: ID!) { updateIncident(input: { id: $id, status: IN_PROGRESS, responded: true }) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('Incident', t.incidentId) }),
  },
  'Mutation.resolveIncident': {
    document: `mutation ($id: ID!) { resolveIncident(input: { id: $id, resolution: "Replaced", customerSatisfied: YES }) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('Incident', t.incidentId) }),
  },
  'Query.rewards': { document: '{ rewards { id name pointsCost unitCost { amountMinor currency } stock active } }' },
  'Query.programEconomics': {
    document: `{ programEconomics(from: "2020-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z") {
      __typename ... on QueryProgramEconomicsSuccess { data { total { redemptions pointsBurned cost { amountMinor } } rewards { reward { id name } } } } ... on Error { message } } }`,
  },
  'Mutation.createReward': {
    document: `mutation { createReward(input: { name: "", pointsCost: 0, kind: GIFT, unitCost: { amountMinor: -1, currency: "DKK" } }) { ${RESULT} } }`,
  },
  'Mutation.updateReward': {
    document: `mutation ($id: ID!) { updateReward(input: { id: $id, pointsCost: 1 }) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('Reward', t.rewardId) }),
  },
  'Mutation.redeemReward': {
    document: `mutation ($id: ID!, $externalId: String!, $reward: ID!) {
      byId: redeemReward(input: { customer: { id: $id }, rewardId: $reward }) { ${RESULT} }
      byExternalId: redeemReward(input: { customer: { externalId: $externalId }, rewardId: $reward }) { ${RESULT} }
    }`,
    variables: (t) => ({ ...byCustomer(t), reward: gid('Reward', t.rewardId) }),
  },
  'Mutation.cancelRedemption': {
    document: `mutation ($id: ID!) { cancelRedemption(input: { id: $id, reason: "Sample" }) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('Redemption', t.redemptionId) }),
  },
  'Query.imports': {
    document: `{ imports(first: 10) { totalCount edges { node { id kind status fileName rows validRows mapping { column field }
      errors(first: 5) { totalCount edges { node { line field message } } } failedRowsCsv } } } }`,
  },
  'Mutation.startImport': {
    document: `mutation ($file: File!) { startImport(input: { kind: CUSTOMERS, file: $file }) { ${RESULT} } }`,
    variables: () => ({ file: new File(['Kundenummer,Navn\nS-1,Sample\n'], 'sample.csv', { type: 'text/csv' }) }),
  },
  'Mutation.applyImport': {
    document: `mutation ($id: ID!) { applyImport(id: $id) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('Import', t.importId) }),
  },
  'Query.auditLog': {
    document: `query ($from: DateTime) { auditLog(first: 10, filter: { operations: ["redeemReward"], actorKinds: [USER, API_KEY], from: $from }) {
      totalCount edges { node { id at actorKind actorName operation targets requestId } } } }`,
    variables: () => ({ from: '2020-01-01T00:00:00Z' }),
  },
  'Subscription.importChanged': {
    document: 'subscription ($id: ID!) { importChanged(id: $id) { id status appliedRows } }',
    variables: (t) => ({ id: gid('Import', t.importId) }),
  },
  'Mutation.adjustPoints': {
    document: `mutation ($id: ID!, $externalId: String!) {
      byId: adjustPoints(input: { customer: { id: $id }, delta: 10, reason: "Sample" }) { ${RESULT} }
      byExternalId: adjustPoints(input: { customer: { externalId: $externalId }, delta: 10, reason: "Sample" }) { ${RESULT} }
    }`,
    variables: byCustomer,
  },
  'Mutation.revokeApiKey': {
    document: `mutation ($id: ID!) { revokeApiKey(id: $id) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('ApiKey', t.apiKeyId) }),
  },
  'Query.teams': { document: '{ teams { id name members { id name } } }' },
  'Query.pulseRounds': { document: '{ pulseRounds { id opensAt closesAt status invited answered } }' },
  'Query.myPendingPulse': { document: '{ myPendingPulse { token questions round { id status } } }' },
  'Query.serviceChain': {
    document: `{ serviceChain { months correlation explanation
      teams { team { id name } customers nps ignoredCustomers slaBreaches recoveries riskDistribution { level count } }
      pulse { team { id } round { id } answers shown enps questions { question average } comments } } }`,
  },
  'Mutation.createTeam': { document: `mutation { createTeam(input: { name: "", memberIds: [] }) { ${RESULT} } }` },
  'Mutation.updateTeam': {
    document: `mutation ($id: ID!) { updateTeam(input: { id: $id, name: "Renamed" }) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('Team', t.teamId) }),
  },
  // The tests run it where a round is open already: a ValidationError, nothing opened.
  'Mutation.openPulseRound': { document: `mutation { openPulseRound { ${RESULT} } }` },
  'Mutation.closePulseRound': {
    document: `mutation ($id: ID!) { closePulseRound(id: $id) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('PulseRound', t.pulseRoundId) }),
  },
  'Mutation.answerPulse': {
    document: `mutation { answerPulse(input: { token: "not-a-token", enps: 8, answers: [4, 4, 4] }) { ${RESULT} } }`,
  },
  'Mutation.flagConcern': {
    document: `mutation ($id: ID!, $externalId: String!) {
      byId: flagConcern(input: { customer: { id: $id }, note: "" }) { ${RESULT} }
      byExternalId: flagConcern(input: { customer: { externalId: $externalId }, note: "" }) { ${RESULT} }
    }`,
    variables: byCustomer,
  },
  // The customer's own page.
  'Query.member': {
    document: `{ member {
      name locale organizationName pointsBalance
      tierProgress { tier pointsEarned12Months nextTier pointsToNextTier pointsToKeepTier keepTierBy explanation }
      expiringPoints { points expiresAt }
      pointsLedger(first: 10) { totalCount edges { cursor node { delta kind explanation balanceAfter createdAt } } }
      rewards { id name availability pointsMissing requiredTier }
      redemptions { id rewardName points status }
      incidents { id title status }
      consents { channel granted updatedAt }
      dataExport
    } }`,
  },
  'Query.messages': { document: 'query { messages(first: 5) { edges { node { id kind status subject } } } }' },
  'Query.staffMessages': {
    document: 'query { staffMessages(first: 5) { edges { node { id kind status subject recipient { id } } } } }',
  },
  'Query.surveyInvitations': {
    document: 'query { surveyInvitations(first: 5) { edges { node { id status } } } }',
  },
  'Query.invitation': { document: 'query { invitation(token: "not-a-token") { status } }' },
  'Mutation.inviteToSurvey': {
    document: `mutation ($id: ID!, $externalId: String!, $survey: ID!) {
      byId: inviteToSurvey(input: { surveyId: $survey, customers: [{ id: $id }], channel: EMAIL }) { ${RESULT} }
      byExternalId: inviteToSurvey(input: { surveyId: $survey, customers: [{ externalId: $externalId }], channel: EMAIL }) { ${RESULT} }
    }`,
    variables: (t) => ({ ...byCustomer(t), survey: gid('Survey', t.surveyId) }),
  },
  'Mutation.thankCustomers': {
    document: `mutation ($id: ID!, $externalId: String!) {
      byId: thankCustomers(input: { customers: [{ id: $id }], channel: EMAIL }) { ${RESULT} }
      byExternalId: thankCustomers(input: { customers: [{ externalId: $externalId }], channel: EMAIL }) { ${RESULT} }
    }`,
    variables: byCustomer,
  },
  'Mutation.answerInvitation': {
    document: `mutation { answerInvitation(input: { token: "not-a-token", score: 5 }) { ${RESULT} } }`,
  },
  'Mutation.requestMemberLink': {
    document: 'mutation { requestMemberLink(input: { organizationSlug: "nowhere", email: "nobody@example.com" }) }',
  },
  'Mutation.sendMemberLink': {
    document: `mutation ($id: ID!, $externalId: String!) {
      byId: sendMemberLink(customer: { id: $id }) { ${RESULT} }
      byExternalId: sendMemberLink(customer: { externalId: $externalId }) { ${RESULT} }
    }`,
    variables: byCustomer,
  },
  'Mutation.startMemberSession': {
    document: `mutation { startMemberSession(linkToken: "not-a-link") { ${RESULT} } }`,
  },
  'Mutation.exchangeCustomerToken': {
    document: `mutation { exchangeCustomerToken(customerToken: "not-a-token") { ${RESULT} } }`,
  },
  'Mutation.memberRedeemReward': {
    document: `mutation ($reward: ID!) { memberRedeemReward(rewardId: $reward) { ${RESULT} ... on MutationMemberRedeemRewardSuccess { data { id rewardName } } } }`,
    variables: (t) => ({ reward: gid('Reward', t.rewardId) }),
  },
  'Mutation.memberUpdateConsents': {
    document: `mutation { memberUpdateConsents(consents: [{ channel: EMAIL, granted: true }]) { ${RESULT} } }`,
  },
  'Mutation.memberReportProblem': {
    document: `mutation { memberReportProblem(input: { title: "Sample" }) { ${RESULT} ... on MutationMemberReportProblemSuccess { data { id title } } } }`,
  },
  'Mutation.createMemberSigningSecret': { document: `mutation { createMemberSigningSecret { ${RESULT} } }` },
  'Query.webhookEndpoints': {
    document:
      '{ webhookEndpoints { id url status eventTypes deliveries(first: 10) { totalCount edges { node { id status attempts { at statusCode } } } } } }',
  },
  'Mutation.createWebhookEndpoint': {
    document: `mutation { createWebhookEndpoint(input: { url: "ftp://example.com", eventTypes: [] }) { ${RESULT} } }`,
  },
  'Mutation.updateWebhookEndpoint': {
    document: `mutation ($id: ID!) { updateWebhookEndpoint(input: { id: $id, enabled: false }) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('WebhookEndpoint', t.webhookEndpointId) }),
  },
  'Mutation.rotateWebhookSecret': {
    document: `mutation ($id: ID!) { rotateWebhookSecret(id: $id) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('WebhookEndpoint', t.webhookEndpointId) }),
  },
  'Mutation.deleteWebhookEndpoint': {
    document: `mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('WebhookEndpoint', t.webhookEndpointId) }),
  },
  'Mutation.redeliverWebhook': {
    document: `mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('WebhookDelivery', t.webhookDeliveryId) }),
  },
  'Mutation.recoverWebhookDeliveries': {
    document: `mutation ($id: ID!) { recoverWebhookDeliveries(endpointId: $id, since: "2020-01-01T00:00:00Z") }`,
    variables: (t) => ({ id: gid('WebhookEndpoint', t.webhookEndpointId) }),
  },
  'Mutation.sendTestWebhook': {
    document: `mutation ($id: ID!) { sendTestWebhook(endpointId: $id) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('WebhookEndpoint', t.webhookEndpointId) }),
  },
};
