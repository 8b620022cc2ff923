// The API's types as the dashboard selects them (../shared/contract.graphql, api/schema.graphql).
// Hand-written: each page's documents in documents.ts select these fields.
export type Role = 'ADMIN' | 'MANAGER' | 'AGENT' | 'VIEWER';
export type Locale = 'DA' | 'SV' | 'NB' | 'EN';
export type Tier = 'BRONZE' | 'SILVER' | 'GOLD';
export type RiskLevel = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
export type AlertKind =
  'CHURN_RISK' | 'TWO_STRIKES' | 'INCIDENT' | 'SLA_BREACH' | 'IGNORED' | 'DETRACTOR' | 'STAFF_CONCERN';
export type AlertSeverity = 'INFO' | 'WARNING' | 'CRITICAL';
export type AlertStatus = 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';
export type Channel = 'EMAIL' | 'SMS' | 'PHONE' | 'MEETING' | 'CHAT' | 'STORE' | 'WEB' | 'APP';
export type Direction = 'INBOUND' | 'OUTBOUND';
export type InteractionKind = 'SERVICE' | 'CHECK_IN' | 'THANK_YOU' | 'MARKETING' | 'SURVEY_INVITE' | 'OTHER';
export type IncidentCategory = 'DELIVERY' | 'PRODUCT' | 'BILLING' | 'SERVICE' | 'OTHER';
export type IncidentSeverity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
export type IncidentStatus = 'OPEN' | 'IN_PROGRESS' | 'RESOLVED' | 'CLOSED';
export type CustomerSatisfied = 'YES' | 'NO' | 'UNKNOWN';
export type RewardKind = 'DISCOUNT' | 'GIFT' | 'EXPERIENCE' | 'SERVICE_UPGRADE' | 'DONATION';
export type SurveyKind = 'NPS' | 'CSAT' | 'POLL';
export type PointsEntryKind =
  'EARN_PURCHASE' | 'EARN_FEEDBACK' | 'EARN_BONUS' | 'REDEEM' | 'REFUND' | 'EXPIRE' | 'ADJUST';
export type ApiKeyScope =
  | 'CUSTOMERS_READ'
  | 'CUSTOMERS_WRITE'
  | 'EVENTS_WRITE'
  | 'REWARDS_READ'
  | 'REWARDS_WRITE'
  | 'REDEMPTIONS_WRITE'
  | 'ALERTS_READ'
  | 'WEBHOOKS_MANAGE';
export type CustomerOrderBy = 'RISK_DESC' | 'NAME_ASC' | 'CREATED_DESC' | 'LAST_PERSONAL_CONTACT_ASC';

export const ALERT_KINDS: AlertKind[] = [
  'CHURN_RISK',
  'TWO_STRIKES',
  'INCIDENT',
  'SLA_BREACH',
  'IGNORED',
  'DETRACTOR',
  'STAFF_CONCERN',
];
export const ALERT_SEVERITIES: AlertSeverity[] = ['CRITICAL', 'WARNING', 'INFO'];
export const RISK_LEVELS: RiskLevel[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
export const TIERS: Tier[] = ['BRONZE', 'SILVER', 'GOLD'];
export const ROLES: Role[] = ['ADMIN', 'MANAGER', 'AGENT', 'VIEWER'];
export const LOCALES: Locale[] = ['DA', 'SV', 'NB', 'EN'];
export const CHANNELS: Channel[] = ['EMAIL', 'SMS', 'PHONE', 'MEETING', 'CHAT', 'STORE', 'WEB', 'APP'];
export const DIRECTIONS: Direction[] = ['INBOUND', 'OUTBOUND'];
export const INTERACTION_KINDS: InteractionKind[] = [
  'SERVICE',
  'CHECK_IN',
  'THANK_YOU',
  'MARKETING',
  'SURVEY_INVITE',
  'OTHER',
];
export const INCIDENT_CATEGORIES: IncidentCategory[] = ['DELIVERY', 'PRODUCT', 'BILLING', 'SERVICE', 'OTHER'];
export const INCIDENT_SEVERITIES: IncidentSeverity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
export const INCIDENT_STATUSES: IncidentStatus[] = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'];
export const CUSTOMER_SATISFIED: CustomerSatisfied[] = ['YES', 'NO', 'UNKNOWN'];
export const REWARD_KINDS: RewardKind[] = ['DISCOUNT', 'GIFT', 'EXPERIENCE', 'SERVICE_UPGRADE', 'DONATION'];
export const SURVEY_KINDS: SurveyKind[] = ['NPS', 'CSAT', 'POLL'];
export const API_KEY_SCOPES: ApiKeyScope[] = [
  'CUSTOMERS_READ',
  'CUSTOMERS_WRITE',
  'EVENTS_WRITE',
  'REWARDS_READ',
  'REWARDS_WRITE',
  'REDEMPTIONS_WRITE',
  'ALERTS_READ',
  'WEBHOOKS_MANAGE',
];

export type WebhookEventType =
  | 'ALERT_RAISED'
  | 'ALERT_UPDATED'
  | 'CUSTOMER_RISK_CHANGED'
  | 'INCIDENT_CHANGED'
  | 'FEEDBACK_RECEIVED'
  | 'REDEMPTION_CHANGED'
  | 'POINTS_CHANGED'
  | 'MESSAGE_REQUESTED'
  | 'INVITATION_ANSWERED'
  | 'WEBHOOK_TEST';
export const WEBHOOK_EVENT_TYPES: WebhookEventType[] = [
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
];
export type WebhookDeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

export interface WebhookAttempt {
  at: string;
  statusCode: number | null;
  durationMs: number;
  response: string | null;
  error: string | null;
}

export interface WebhookDelivery {
  id: string;
  status: WebhookDeliveryStatus;
  nextAttemptAt: string | null;
  event: { id: string; type: string; occurredAt: string };
  attempts: WebhookAttempt[];
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  eventTypes: WebhookEventType[];
  status: 'ACTIVE' | 'DISABLED';
  disabledReason: string | null;
  failureStreak: number;
  failingSince: string | null;
  createdAt: string;
  deliveries: { totalCount: number; edges: { node: WebhookDelivery }[] };
}

export interface UserRef {
  id: string;
  name: string;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

export interface Money {
  amountMinor: number;
  currency: string;
}

export interface Alert {
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  status: AlertStatus;
  /** The stakes: the customer is in the top 10% by 12-month spend. */
  topSpender: boolean;
  title: string;
  message: string;
  createdAt: string;
  updatedAt: string;
  customer: { id: string; name: string };
  /** The incident an INCIDENT or SLA_BREACH alert is about. */
  incident: { id: string; title: string } | null;
  assignee: UserRef | null;
  acknowledgedBy: UserRef | null;
  acknowledgedAt: string | null;
}

export interface RiskFactor {
  code: string;
  points: number;
  explanation: string;
}

/** One explained part of the engagement or satisfaction score. */
export interface ScorePart {
  code: string;
  points: number | null;
  count: number | null;
  explanation: string;
}

export interface CustomerListItem {
  id: string;
  externalId: string;
  name: string;
  email: string | null;
  tier: Tier;
  pointsBalance: number;
  lastPersonalContactAt: string | null;
  risk: { score: number; level: RiskLevel; factors: Pick<RiskFactor, 'code' | 'points'>[] };
}

export interface Purchase {
  id: string;
  amount: Money;
  occurredAt: string;
  pointsEarned: number;
}

export interface Interaction {
  id: string;
  channel: Channel;
  direction: Direction;
  kind: InteractionKind;
  personal: boolean;
  occurredAt: string;
  note: string | null;
}

export interface Incident {
  id: string;
  title: string;
  description: string | null;
  category: IncidentCategory;
  severity: IncidentSeverity;
  status: IncidentStatus;
  /** Where it came from: the partner's system, or who reported it. */
  source: string | null;
  owner: UserRef | null;
  openedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  slaDueAt: string;
  slaBreached: boolean;
  resolution: string | null;
  customerSatisfied: CustomerSatisfied;
  customer: { id: string; name: string };
}

export interface Feedback {
  id: string;
  score: number | null;
  option: string | null;
  comment: string | null;
  channel: Channel | null;
  /** When the customer answered. */
  occurredAt: string;
  survey: { id: string; kind: SurveyKind; question: string } | null;
  customer: { id: string; name: string };
}

export interface Redemption {
  id: string;
  points: number;
  status: 'FULFILLED' | 'CANCELLED';
  createdAt: string;
  cancelledAt: string | null;
  reward: { id: string; name: string };
}

export interface PointsEntry {
  id: string;
  delta: number;
  kind: PointsEntryKind;
  explanation: string;
  balanceAfter: number;
  expiresAt: string | null;
  /** When the movement happened (a back-dated purchase's own date); createdAt is when it was recorded. */
  occurredAt: string;
  createdAt: string;
}

export interface CustomerAlert {
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  status: AlertStatus;
  title: string;
  createdAt: string;
}

export interface CustomerDetail {
  id: string;
  externalId: string;
  name: string;
  email: string | null;
  phone: string | null;
  kind: 'PERSON' | 'COMPANY';
  locale: Locale;
  tier: Tier;
  pointsBalance: number;
  lastPersonalContactAt: string | null;
  /** When the customer last used their own page; null: never. */
  memberPageLastUsedAt: string | null;
  createdAt: string;
  engagement: number;
  engagementParts: ScorePart[];
  satisfaction: number;
  /** False when there is no signal yet: the score is then the neutral 50. */
  satisfactionKnown: boolean;
  satisfactionParts: ScorePart[];
  accountManager: UserRef | null;
  consents: { channel: Channel; granted: boolean }[];
  risk: { score: number; level: RiskLevel; computedAt: string; factors: RiskFactor[] };
  alerts: Connection<CustomerAlert>;
  pointsLedger: Connection<PointsEntry>;
  purchases: Connection<Purchase>;
  interactions: Connection<Interaction>;
}

export type CustomerIncident = Pick<
  Incident,
  | 'id'
  | 'title'
  | 'category'
  | 'severity'
  | 'status'
  | 'openedAt'
  | 'resolvedAt'
  | 'slaDueAt'
  | 'slaBreached'
  | 'customerSatisfied'
>;
export type CustomerFeedback = Omit<Feedback, 'customer'>;

/** The parts of a customer's timeline that come from their own queries (see documents.ts). */
export type MessageKind = 'SURVEY_INVITE' | 'THANK_YOU' | 'MEMBER_LINK' | 'SERVICE';
export type MessageStatus = 'SCHEDULED' | 'SENT' | 'SKIPPED' | 'CANCELLED' | 'FAILED';

/** One message to a customer, as the outbox keeps it. */
export interface CustomerMessage {
  id: string;
  kind: MessageKind;
  channel: Channel;
  status: MessageStatus;
  scheduledFor: string;
  sentAt: string | null;
  subject: string | null;
  body: string;
  reasons: string[];
  nextAllowedAt: string | null;
}

export interface OutboxMessage extends CustomerMessage {
  customer: { id: string; name: string };
}

export interface CustomerActivity {
  messages?: Connection<CustomerMessage>;
  incidents?: Connection<CustomerIncident>;
  feedback?: Connection<CustomerFeedback>;
  redemptions?: Connection<Redemption>;
}

export interface Reward {
  id: string;
  name: string;
  description: string | null;
  pointsCost: number;
  kind: RewardKind;
  unitCost: Money;
  stock: number | null;
  minimumTier: Tier;
  active: boolean;
}

export interface Survey {
  id: string;
  kind: SurveyKind;
  question: string;
  options: string[];
  participationPoints: number;
  active: boolean;
  answerCount: number;
  invitationStats: {
    sent: number;
    skipped: number;
    answered: number;
    responseRate: number | null;
    topSkipReasons: { reason: string; count: number }[];
  };
}

export type TrendBucket = 'WEEK' | 'MONTH';

export interface NpsBucket {
  start: string;
  end: string;
  label: string;
  answers: number;
  /** −100 to 100; null without answers. */
  nps: number | null;
}

export interface ApiKey {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
  prefix: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  active: boolean;
}

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
] as const;
export type RiskWeight = (typeof RISK_WEIGHTS)[number];

export const ENGAGEMENT_PARTS = ['inboundInteraction', 'purchase', 'feedback', 'redemption'] as const;
export type EngagementPart = (typeof ENGAGEMENT_PARTS)[number];

export interface OrganizationSettings {
  defaultLocale: Locale;
  defaultCurrency: string;
  loyalty: {
    earnRates: { currency: string; points: number; per: number }[];
    pointsExpiryMonths: number;
    tierThresholds: { SILVER: number; GOLD: number };
  };
  risk: Record<RiskWeight, number> & { levels: { MEDIUM: number; HIGH: number; CRITICAL: number } };
  engagement: Record<EngagementPart, { each: number; max: number }>;
  satisfactionHalfLifeDays: number;
  slaHours: Record<IncidentSeverity, number>;
  contactCap: { max: number; days: number };
}

/** What rewards cost in a period and the retention they bought (`EconomicsFigures`). */
export interface EconomicsFigures {
  redemptions: number;
  cancelled: number;
  pointsBurned: number;
  cost: Money;
  retention: {
    redeemers: number;
    redeemersRetained: number;
    /** 0–1; null with no redeemer compared. */
    redeemerRate: number | null;
    baselineRate: number | null;
    extraRetained: number;
    uncompared: number;
  };
  costPerExtraRetained: Money | null;
}

export interface ProgramEconomics {
  from: string;
  to: string;
  currency: string;
  method: string;
  total: EconomicsFigures;
  rewards: (EconomicsFigures & { reward: { id: string; name: string } })[];
}

export interface FieldError {
  path: string[];
  message: string;
}

/** A mutation's result: its success type or one of the contract's errors (errors as data). */
export type MutationResult<T> =
  | { __typename: `Mutation${string}Success`; data: T }
  | { __typename: 'ValidationError'; message: string; fieldErrors: FieldError[] }
  | { __typename: 'InsufficientPointsError'; message: string; balance: number; required: number }
  | { __typename: 'TierTooLowError'; message: string; requiredTier: Tier; customerTier: Tier }
  | { __typename: 'NotFoundError' | 'ForbiddenError' | 'OutOfStockError'; message: string };

// ---------- team pulse ----------
export interface Team {
  id: string;
  name: string;
  members: { id: string; name: string }[];
}

export type PulseRoundStatus = 'OPEN' | 'CLOSED';
export interface PulseRound {
  id: string;
  opensAt: string;
  closesAt: string;
  status: PulseRoundStatus;
  invited: number;
  answered: number;
}

export interface PendingPulse {
  token: string;
  round: { id: string; closesAt: string };
  questions: string[];
}

export interface TeamPulse {
  team: { id: string };
  round: { id: string; opensAt: string; status: PulseRoundStatus };
  answers: number;
  shown: boolean;
  enps: number | null;
  questions: { question: string; average: number }[];
  comments: string[];
}

export interface TeamOutcomes {
  team: { id: string; name: string };
  customers: number;
  riskDistribution: { level: RiskLevel; count: number }[];
  nps: number | null;
  ignoredCustomers: number;
  slaBreaches: number;
  recoveries: number;
  byMonth: { month: string; nps: number | null; slaBreaches: number; recoveries: number }[];
}

export interface ServiceChain {
  months: number;
  teams: TeamOutcomes[];
  pulse: TeamPulse[];
  correlation: number | null;
  explanation: string;
}

export interface PulseSettings {
  monthly: boolean;
  openDays: number;
  threshold: number;
}

export interface SurveyTriggers {
  csatAfterResolveSurveyId: string | null;
  csatDelayMinutes: number;
  npsSurveyId: string | null;
  npsEveryMonths: number;
  surveyCooldownDays: number;
}

export type AuditActorKind = 'USER' | 'API_KEY' | 'MEMBER' | 'SYSTEM';
export const AUDIT_ACTOR_KINDS: AuditActorKind[] = ['USER', 'API_KEY', 'MEMBER', 'SYSTEM'];

export interface AuditEntry {
  id: string;
  at: string;
  actorKind: AuditActorKind;
  actorName: string;
  operation: string;
  targets: string[];
  requestId: string;
}

// ---------- imports ----------
export type ImportKind = 'CUSTOMERS' | 'PURCHASES' | 'INTERACTIONS' | 'OPENING_BALANCES';
export const IMPORT_KINDS: ImportKind[] = ['CUSTOMERS', 'PURCHASES', 'INTERACTIONS', 'OPENING_BALANCES'];
export type ImportStatus = 'ANALYZED' | 'APPLYING' | 'APPLIED' | 'FAILED';
export type CustomerKind = 'PERSON' | 'COMPANY';
export const CUSTOMER_KINDS: CustomerKind[] = ['PERSON', 'COMPANY'];

export interface ColumnMapping {
  column: string;
  field: string | null;
}

export interface ImportRowError {
  line: number;
  field: string | null;
  message: string;
}

export interface Import {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  fileName: string;
  rows: number;
  validRows: number;
  invalidRows: number;
  appliedRows: number;
  alreadyImportedRows: number;
  columns: string[];
  mapping: ColumnMapping[];
  errors?: { totalCount: number; edges: { node: ImportRowError }[] };
  createdAt?: string;
}
