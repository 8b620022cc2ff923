// The API's types as the dashboard selects them, derived from its documents (documents.ts) and
// the schema (tada.ts), never written by hand: a document and its type cannot disagree. The
// lists are enums' values in the order the pages offer them; enums.test.ts checks that each
// lists every value of its enum.
import type * as documents from './documents';
import type { ResultOf, SchemaEnum } from './tada';

/** Any connection the documents select: its nodes, the next cursor and the count. */
export interface Connection<T> {
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}
/** A connection's node type. */
export type NodeOf<C extends { edges: { node: unknown }[] }> = C['edges'][number]['node'];
/** A result union's Success data (`Mutation<Field>Success { data }`). */
export type SuccessOf<Payload> = Extract<Payload, { data: unknown }>['data'];
/** One message of a ValidationError (ErrorFields), at the input's path. */
export type FieldError = Extract<
  ResultOf<typeof documents.ERROR_FIELDS>,
  { fieldErrors: unknown }
>['fieldErrors'][number];

export type Role = SchemaEnum<'Role'>;
export type Locale = SchemaEnum<'Locale'>;
export type Tier = SchemaEnum<'Tier'>;
export type RiskLevel = SchemaEnum<'RiskLevel'>;
export type AlertKind = SchemaEnum<'AlertKind'>;
export type AlertSeverity = SchemaEnum<'AlertSeverity'>;
export type AlertStatus = SchemaEnum<'AlertStatus'>;
export type Channel = SchemaEnum<'Channel'>;
export type Direction = SchemaEnum<'Direction'>;
export type InteractionKind = SchemaEnum<'InteractionKind'>;
export type IncidentCategory = SchemaEnum<'IncidentCategory'>;
export type IncidentSeverity = SchemaEnum<'IncidentSeverity'>;
export type IncidentStatus = SchemaEnum<'IncidentStatus'>;
export type CustomerSatisfied = SchemaEnum<'CustomerSatisfied'>;
export type RewardKind = SchemaEnum<'RewardKind'>;
export type SurveyKind = SchemaEnum<'SurveyKind'>;
export type ApiKeyScope = SchemaEnum<'ApiKeyScope'>;
export type CustomerOrderBy = SchemaEnum<'CustomerOrderBy'>;
export type WebhookEventType = SchemaEnum<'WebhookEventType'>;
export type TrendBucket = SchemaEnum<'TrendBucket'>;
export type MessageKind = SchemaEnum<'MessageKind'>;
export type MessageStatus = SchemaEnum<'MessageStatus'>;
export type PulseRoundStatus = SchemaEnum<'PulseRoundStatus'>;
export type AuditActorKind = SchemaEnum<'AuditActorKind'>;
export type ImportKind = SchemaEnum<'ImportKind'>;
export type CustomerKind = SchemaEnum<'CustomerKind'>;

export const ALERT_KINDS = [
  'CHURN_RISK',
  'TWO_STRIKES',
  'INCIDENT',
  'SLA_BREACH',
  'IGNORED',
  'DETRACTOR',
  'STAFF_CONCERN',
] satisfies AlertKind[];
export const ALERT_SEVERITIES = ['CRITICAL', 'WARNING', 'INFO'] satisfies AlertSeverity[];
export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] satisfies RiskLevel[];
export const TIERS = ['BRONZE', 'SILVER', 'GOLD'] satisfies Tier[];
export const ROLES = ['ADMIN', 'MANAGER', 'AGENT', 'VIEWER'] satisfies Role[];
export const LOCALES = ['DA', 'SV', 'NB', 'EN'] satisfies Locale[];
export const CHANNELS = ['EMAIL', 'SMS', 'PHONE', 'MEETING', 'CHAT', 'STORE', 'WEB', 'APP'] satisfies Channel[];
export const DIRECTIONS = ['INBOUND', 'OUTBOUND'] satisfies Direction[];
export const INTERACTION_KINDS = [
  'SERVICE',
  'CHECK_IN',
  'THANK_YOU',
  'MARKETING',
  'SURVEY_INVITE',
  'OTHER',
] satisfies InteractionKind[];
export const INCIDENT_CATEGORIES = ['DELIVERY', 'PRODUCT', 'BILLING', 'SERVICE', 'OTHER'] satisfies IncidentCategory[];
export const INCIDENT_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] satisfies IncidentSeverity[];
export const INCIDENT_STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] satisfies IncidentStatus[];
export const CUSTOMER_SATISFIED = ['YES', 'NO', 'UNKNOWN'] satisfies CustomerSatisfied[];
export const REWARD_KINDS = ['DISCOUNT', 'GIFT', 'EXPERIENCE', 'SERVICE_UPGRADE', 'DONATION'] satisfies RewardKind[];
export const SURVEY_KINDS = ['NPS', 'CSAT', 'POLL'] satisfies SurveyKind[];
export const API_KEY_SCOPES = [
  'CUSTOMERS_READ',
  'CUSTOMERS_WRITE',
  'EVENTS_WRITE',
  'EVENTS_READ',
  'REWARDS_READ',
  'REWARDS_WRITE',
  'REDEMPTIONS_WRITE',
  'ALERTS_READ',
  'WEBHOOKS_MANAGE',
  'IMPORTS_WRITE',
] satisfies ApiKeyScope[];
export const WEBHOOK_EVENT_TYPES = [
  'ALERT_RAISED',
  'ALERT_UPDATED',
  'CUSTOMER_RISK_CHANGED',
  'INCIDENT_CHANGED',
  'FEEDBACK_RECEIVED',
  'REDEMPTION_CHANGED',
  'POINTS_CHANGED',
  'MESSAGE_REQUESTED',
  'INVITATION_ANSWERED',
  'WEBHOOK_TEST',
] satisfies WebhookEventType[];
export const AUDIT_ACTOR_KINDS = ['USER', 'API_KEY', 'MEMBER', 'SYSTEM'] satisfies AuditActorKind[];
export const IMPORT_KINDS = ['CUSTOMERS', 'PURCHASES', 'INTERACTIONS', 'OPENING_BALANCES'] satisfies ImportKind[];
export const CUSTOMER_KINDS = ['PERSON', 'COMPANY'] satisfies CustomerKind[];

// ---------- alerts ----------
export type Alert = ResultOf<typeof documents.ALERT_FIELDS>;
export type UserRef = NonNullable<Alert['assignee']>;

// ---------- customers ----------
export type CustomerListItem = NodeOf<ResultOf<typeof documents.CUSTOMERS>['customers']>;
export type CustomerDetail = NonNullable<ResultOf<typeof documents.CUSTOMER>['customer']>;
export type RiskFactor = CustomerDetail['risk']['factors'][number];
export type ScorePart = ResultOf<typeof documents.SCORE_PART_FIELDS>;
export type PointsEntry = NodeOf<CustomerDetail['pointsLedger']>;
export type Purchase = NodeOf<CustomerDetail['purchases']>;
export type Money = Purchase['amount'];

/** The parts of a customer's timeline that come from their own queries (see documents.ts). */
export interface CustomerActivity {
  incidents?: NonNullable<ResultOf<typeof documents.CUSTOMER_INCIDENTS>['customer']>['incidents'];
  feedback?: NonNullable<ResultOf<typeof documents.CUSTOMER_FEEDBACK>['customer']>['feedback'];
  redemptions?: NonNullable<ResultOf<typeof documents.CUSTOMER_REDEMPTIONS>['customer']>['redemptions'];
  messages?: NonNullable<ResultOf<typeof documents.CUSTOMER_MESSAGES>['customer']>['messages'];
}
export type Redemption = NodeOf<NonNullable<CustomerActivity['redemptions']>>;
export type OutboxMessage = NodeOf<ResultOf<typeof documents.MESSAGES>['messages']>;

// ---------- incidents and feedback ----------
export type Incident = ResultOf<typeof documents.INCIDENT_FIELDS>;
export type Feedback = NodeOf<ResultOf<typeof documents.FEEDBACK>['feedback']>;
export type NpsBucket = ResultOf<typeof documents.NPS_TREND>['npsTrend'][number];

// ---------- rewards and surveys ----------
export type Reward = ResultOf<typeof documents.REWARD_FIELDS>;
export type Survey = ResultOf<typeof documents.SURVEY_FIELDS>;
export type EconomicsFigures = ResultOf<typeof documents.ECONOMICS_FIGURES_FIELDS>;
export type ProgramEconomics = SuccessOf<ResultOf<typeof documents.PROGRAM_ECONOMICS>['programEconomics']>;

// ---------- settings ----------
export type ApiKey = ResultOf<typeof documents.API_KEY_FIELDS>;
export type StaffUser = ResultOf<typeof documents.STAFF_USER_FIELDS>;
export type WebhookEndpoint = ResultOf<typeof documents.WEBHOOK_ENDPOINTS>['webhookEndpoints'][number];
export type OrganizationSettings = ResultOf<typeof documents.SETTINGS_FIELDS>;
export type SurveyTriggers = ResultOf<typeof documents.SURVEY_TRIGGER_FIELDS>;
export type AuditEntry = NodeOf<ResultOf<typeof documents.AUDIT_LOG>['auditLog']>;

/** The risk weights the settings page edits, in its order: every number of `RiskSettings` but the levels. */
export const RISK_WEIGHTS = [
  'twoStrikes',
  'threeStrikes',
  'badExperience',
  'unresolvedIncident',
  'unresolvedIncidentMax',
  'slaBreached',
  'ignored45',
  'ignored90',
  'ignored180',
  'detractor',
  'passive',
  'engagementDrop',
  'recovered',
  'promoter',
  'staffConcern',
] as const satisfies Exclude<keyof OrganizationSettings['risk'], 'levels'>[];
export type RiskWeight = (typeof RISK_WEIGHTS)[number];

export const ENGAGEMENT_PARTS = [
  'inboundInteraction',
  'purchase',
  'feedback',
  'redemption',
] as const satisfies (keyof OrganizationSettings['engagement'])[];
export type EngagementPart = (typeof ENGAGEMENT_PARTS)[number];

// ---------- team pulse ----------
export type Team = ResultOf<typeof documents.TEAM_FIELDS>;
export type PulseRound = ResultOf<typeof documents.PULSE_ROUND_FIELDS>;
export type PulseSettings = ResultOf<typeof documents.PULSE_SETTING_FIELDS>;
export type PendingPulse = NonNullable<ResultOf<typeof documents.MY_PENDING_PULSE>['myPendingPulse']>;
export type ServiceChain = ResultOf<typeof documents.SERVICE_CHAIN>['serviceChain'];
export type TeamPulse = ServiceChain['pulse'][number];

// ---------- imports ----------
export type Import = ResultOf<typeof documents.IMPORT_FIELDS>;
/** A dry run: the import with the rows that would fail. */
export type ImportAnalysis = SuccessOf<ResultOf<typeof documents.START_IMPORT>['startImport']>;
export type RecentImport = NodeOf<ResultOf<typeof documents.RECENT_IMPORTS>['imports']>;
export type ColumnMapping = Import['mapping'][number];
