// The authorization matrix (PRODUCT.md "Access"), in one place: for every root field, the least
// role of staff that may call it and the partner scopes that may. Pothos scope-auth enforces it
// for every Query, Mutation and Subscription field; a field missing here is refused to everyone.
import type { Caller } from './caller.ts';
import type { ApiKeyScope, Role } from '../domain/types.ts';

export interface Access {
  /** Callable without signing in (login, health). */
  anonymous?: true;
  /** The least staff role; higher roles may too. Absent: no staff member. */
  role?: Role;
  /** Partner keys holding any of these scopes. */
  scopes?: ApiKeyScope[];
  /** A member session: the customer's own page. */
  member?: true;
}

const RANK: Record<Role, number> = { VIEWER: 0, AGENT: 1, MANAGER: 2, ADMIN: 3 };

const staff = (role: Role, ...scopes: ApiKeyScope[]): Access => ({ role, scopes });

export const ACCESS: Record<string, Access> = {
  'Query.me': staff('VIEWER'),
  'Query.node': staff('VIEWER', 'CUSTOMERS_READ', 'REWARDS_READ', 'ALERTS_READ', 'EVENTS_READ', 'WEBHOOKS_MANAGE'),

  // Managers assign alerts and incidents to staff, so they read the staff list; ADMINs manage it.
  'Query.users': staff('MANAGER'),
  'Query.organization': staff('VIEWER'),
  'Query.apiKeys': staff('ADMIN'),
  'Query.customers': staff('VIEWER', 'CUSTOMERS_READ'),
  'Query.customer': staff('VIEWER', 'CUSTOMERS_READ'),
  'Query.alerts': staff('VIEWER', 'ALERTS_READ'),
  'Query.overview': staff('VIEWER', 'ALERTS_READ', 'CUSTOMERS_READ'),
  'Query.customersToThank': staff('VIEWER', 'CUSTOMERS_READ'),
  'Query.canContact': staff('VIEWER', 'CUSTOMERS_READ', 'EVENTS_WRITE'),
  // Partners that send answers read the surveys they answer.
  'Query.surveys': staff('VIEWER', 'CUSTOMERS_READ', 'EVENTS_WRITE'),
  'Query.feedback': staff('VIEWER', 'CUSTOMERS_READ'),
  'Query.npsTrend': staff('VIEWER', 'CUSTOMERS_READ'),
  'Query.incidents': staff('VIEWER', 'CUSTOMERS_READ'),
  'Query.events': staff('MANAGER', 'EVENTS_READ'),

  'Mutation.login': { anonymous: true },
  'Mutation.logout': { ...staff('VIEWER'), member: true },
  'Mutation.updateMe': staff('VIEWER'),
  'Mutation.createUser': staff('ADMIN'),
  'Mutation.updateUser': staff('ADMIN'),
  'Mutation.deactivateUser': staff('ADMIN'),
  'Mutation.updateOrganizationSettings': staff('ADMIN'),
  'Mutation.createApiKey': staff('ADMIN'),
  'Mutation.revokeApiKey': staff('ADMIN'),
  'Mutation.acknowledgeAlert': staff('MANAGER'),
  'Mutation.assignAlert': staff('MANAGER'),
  'Mutation.resolveAlert': staff('MANAGER'),
  'Mutation.acknowledgeAlerts': staff('MANAGER'),
  'Mutation.assignAlerts': staff('MANAGER'),
  'Mutation.resolveAlerts': staff('MANAGER'),
  'Mutation.upsertCustomer': staff('AGENT', 'CUSTOMERS_WRITE'),
  'Mutation.recordPurchase': staff('AGENT', 'EVENTS_WRITE'),
  'Mutation.recordInteraction': staff('AGENT', 'EVENTS_WRITE'),
  'Mutation.recordEvents': staff('AGENT', 'EVENTS_WRITE'),

  'Subscription.alertRaised': staff('VIEWER', 'ALERTS_READ'),
  'Subscription.alertUpdated': staff('VIEWER', 'ALERTS_READ'),
  'Subscription.churnRiskChanged': staff('VIEWER', 'ALERTS_READ', 'CUSTOMERS_READ'),
  'Subscription.incidentChanged': staff('VIEWER', 'ALERTS_READ', 'CUSTOMERS_READ'),
  'Mutation.createSurvey': staff('MANAGER'),
  'Mutation.updateSurvey': staff('MANAGER'),
  'Mutation.submitFeedback': staff('AGENT', 'EVENTS_WRITE'),
  'Mutation.reportIncident': staff('AGENT', 'EVENTS_WRITE'),
  'Mutation.updateIncident': staff('AGENT'),
  'Mutation.resolveIncident': staff('AGENT'),
  'Query.rewards': staff('VIEWER', 'REWARDS_READ'),
  // What rewards cost against the retention they buy is the business's own: no partner scope.
  'Query.programEconomics': staff('MANAGER'),
  'Mutation.createReward': staff('MANAGER', 'REWARDS_WRITE'),
  'Mutation.updateReward': staff('MANAGER', 'REWARDS_WRITE'),
  // Redeeming at the counter is an agent's work, like recording a purchase; so is undoing a mistaken one.
  'Mutation.redeemReward': staff('AGENT', 'REDEMPTIONS_WRITE'),
  'Mutation.cancelRedemption': staff('AGENT', 'REDEMPTIONS_WRITE'),
  // Points out of nothing: a manager's decision, never a partner's.
  'Mutation.adjustPoints': staff('MANAGER'),

  // Team pulse: ADMINs keep the teams and the rounds, MANAGERs read the results, every staff
  // member answers (never a partner: an answer is a person's), and anyone may voice a worry.
  'Query.teams': staff('MANAGER'),
  'Query.pulseRounds': staff('MANAGER'),
  'Query.myPendingPulse': staff('VIEWER'),
  'Query.serviceChain': staff('MANAGER'),
  'Mutation.createTeam': staff('ADMIN'),
  'Mutation.updateTeam': staff('ADMIN'),
  'Mutation.openPulseRound': staff('ADMIN'),
  'Mutation.closePulseRound': staff('ADMIN'),
  'Mutation.answerPulse': staff('VIEWER'),
  'Mutation.flagConcern': staff('VIEWER', 'EVENTS_WRITE'),
  // Reaching the customer: staff read the outbox; agents ask and thank; partners invite with events:write.
  'Query.messages': staff('VIEWER'),
  // Emails to staff: a pulse reminder says who had not answered yet, so only ADMINs read them.
  'Query.staffMessages': staff('ADMIN'),
  'Query.surveyInvitations': staff('VIEWER', 'CUSTOMERS_READ'),
  'Mutation.inviteToSurvey': staff('AGENT', 'EVENTS_WRITE'),
  'Mutation.thankCustomers': staff('AGENT'),
  // The answer page: the link's token is the credential.
  'Query.invitation': { anonymous: true },
  'Mutation.answerInvitation': { anonymous: true },
  // The customer's own page: public ways in, then the member's own data and nothing else.
  'Mutation.requestMemberLink': { anonymous: true },
  'Mutation.sendMemberLink': staff('AGENT'),
  'Mutation.startMemberSession': { anonymous: true },
  'Mutation.exchangeCustomerToken': { anonymous: true },
  'Query.member': { anonymous: true, member: true },
  'Mutation.memberRedeemReward': { member: true },
  'Mutation.memberUpdateConsents': { member: true },
  'Mutation.memberReportProblem': { member: true },
  'Mutation.createMemberSigningSecret': staff('ADMIN'),
  'Query.webhookEndpoints': staff('ADMIN', 'WEBHOOKS_MANAGE'),
  'Mutation.createWebhookEndpoint': staff('ADMIN', 'WEBHOOKS_MANAGE'),
  'Mutation.updateWebhookEndpoint': staff('ADMIN', 'WEBHOOKS_MANAGE'),
  'Mutation.rotateWebhookSecret': staff('ADMIN', 'WEBHOOKS_MANAGE'),
  'Mutation.deleteWebhookEndpoint': staff('ADMIN', 'WEBHOOKS_MANAGE'),
  'Mutation.redeliverWebhook': staff('ADMIN', 'WEBHOOKS_MANAGE'),
  'Mutation.recoverWebhookDeliveries': staff('ADMIN', 'WEBHOOKS_MANAGE'),
  'Mutation.sendTestWebhook': staff('ADMIN', 'WEBHOOKS_MANAGE'),
  // Imports are ADMIN's to run; managers see them (PRODUCT.md "Access").
  'Query.imports': staff('MANAGER', 'IMPORTS_WRITE'),
  'Mutation.startImport': staff('ADMIN', 'IMPORTS_WRITE'),
  'Mutation.applyImport': staff('ADMIN', 'IMPORTS_WRITE'),
  'Subscription.importChanged': staff('MANAGER', 'IMPORTS_WRITE'),
  // No partner scope reads it: the log of what keys did is the organization's check on them.
  'Query.auditLog': staff('ADMIN'),
};

/** Who may export each kind of data (GET /export/<kind>.csv): whoever may read it. */
export const EXPORT_ACCESS: Record<string, Access> = {
  customers: staff('VIEWER', 'CUSTOMERS_READ'),
  ledger: staff('VIEWER', 'CUSTOMERS_READ'),
  feedback: staff('VIEWER', 'CUSTOMERS_READ'),
  incidents: staff('VIEWER', 'CUSTOMERS_READ'),
  alerts: staff('VIEWER', 'ALERTS_READ'),
  audit: staff('ADMIN'),
};

/**
 * Who reads each kind of object, whatever path reached it: `node(id:)`, a query, a mutation's
 * payload, another object's field (an alert's customer), a subscription. Staff always; partners
 * with the scope that reads that kind of object, or writes it (a purchase recorded is the
 * recorder's to read back, its customer is not). Every field but the identity fields below is
 * refused to anyone else; a type missing here reads as not found through `node(id:)`.
 */
export const READ_ACCESS: Record<string, Access> = {
  // Signing in answers with the session's own staff member, before the caller holds the session.
  User: { anonymous: true, role: 'VIEWER' },
  ApiKey: staff('ADMIN'),
  Organization: staff('VIEWER'),
  Customer: staff('VIEWER', 'CUSTOMERS_READ'),
  Purchase: staff('VIEWER', 'CUSTOMERS_READ', 'EVENTS_WRITE'),
  Interaction: staff('VIEWER', 'CUSTOMERS_READ', 'EVENTS_WRITE'),
  PointsEntry: staff('VIEWER', 'CUSTOMERS_READ'),
  Alert: staff('VIEWER', 'ALERTS_READ'),
  Survey: staff('VIEWER', 'CUSTOMERS_READ', 'EVENTS_WRITE'),
  Feedback: staff('VIEWER', 'CUSTOMERS_READ', 'EVENTS_WRITE'),
  // Incidents come to alert boards live (incidentChanged), like the alerts they raise.
  Incident: staff('VIEWER', 'CUSTOMERS_READ', 'ALERTS_READ', 'EVENTS_WRITE'),
  Reward: staff('VIEWER', 'REWARDS_READ', 'REWARDS_WRITE'),
  Redemption: staff('VIEWER', 'CUSTOMERS_READ', 'REDEMPTIONS_WRITE'),
  // The log's events, as the feed lists them and webhook deliveries carry them.
  Event: staff('MANAGER', 'EVENTS_READ', 'WEBHOOKS_MANAGE'),
  Team: staff('MANAGER'),
  // A staff member reads the round they are asked in (myPendingPulse, answerPulse).
  PulseRound: staff('VIEWER'),
  Message: staff('VIEWER'),
  StaffMessage: staff('ADMIN'),
  SurveyInvitation: staff('VIEWER', 'CUSTOMERS_READ', 'EVENTS_WRITE'),
  WebhookEndpoint: staff('ADMIN', 'WEBHOOKS_MANAGE'),
  WebhookDelivery: staff('ADMIN', 'WEBHOOKS_MANAGE'),
  WebhookAttempt: staff('ADMIN', 'WEBHOOKS_MANAGE'),
  Import: staff('MANAGER', 'IMPORTS_WRITE'),
  AuditEntry: staff('ADMIN'),
};

/**
 * What anyone who reached an object may read of it: what names it, nothing about it. A partner
 * without `customers:read` still matches a customer in a payload to its own records.
 */
const IDENTITY_FIELDS = new Set(['id', 'Customer.externalId']);

/** The type whose READ_ACCESS guards this field, or null for an identity field or an unguarded type. */
export function readGuard(type: string, field: string): string | null {
  if (!(type in READ_ACCESS) || IDENTITY_FIELDS.has(field) || IDENTITY_FIELDS.has(`${type}.${field}`)) return null;
  return type;
}

export function hasRole(role: Role, least: Role): boolean {
  return RANK[role] >= RANK[least];
}

export function permits(caller: Caller, access: Access | undefined): boolean {
  if (!access) return false;
  switch (caller.kind) {
    case 'anonymous':
      return access.anonymous === true;
    case 'user':
      return access.anonymous === true || (access.role !== undefined && hasRole(caller.role, access.role));
    case 'apiKey':
      return access.anonymous === true || (access.scopes ?? []).some((scope) => caller.scopes.includes(scope));
    case 'member':
      return access.anonymous === true || access.member === true;
    case 'system':
      return false;
  }
}
