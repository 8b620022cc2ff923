// Every enum of the contract, from the one definition in the Prisma schema.
import * as Enums from '../domain/types.ts';
import { builder } from './builder.ts';

export const RoleEnum = builder.enumType(Enums.Role, {
  name: 'Role',
  description: "A staff member's role; each role may do everything the roles below it may.",
  values: {
    ADMIN: { description: 'Also manages staff, API keys and the organization settings.' },
    MANAGER: {
      description:
        'Also manages rewards, surveys and alerts, adjusts points, and reads the staff list, the event feed and program economics.',
    },
    AGENT: { description: 'Also records events, works incidents and redeems rewards.' },
    VIEWER: { description: 'Reads customers, alerts, incidents, feedback, rewards and settings.' },
  },
});
export const ApiKeyScopeEnum = builder.enumType(Enums.ApiKeyScope, {
  name: 'ApiKeyScope',
  description: 'What a partner key may do; a key may hold several.',
  values: {
    CUSTOMERS_READ: {
      description:
        '`customers:read`: read customers and what hangs on them. Without it a key sees of a customer only `id` and `externalId`.',
    },
    CUSTOMERS_WRITE: { description: '`customers:write`: create and update customers (`upsertCustomer`).' },
    EVENTS_WRITE: {
      description:
        '`events:write`: record purchases, interactions, feedback and incidents, and read back what it recorded.',
    },
    REWARDS_READ: { description: '`rewards:read`: read the rewards catalogue.' },
    REWARDS_WRITE: { description: '`rewards:write`: create and update rewards.' },
    REDEMPTIONS_WRITE: { description: '`redemptions:write`: redeem rewards for customers and cancel redemptions.' },
    ALERTS_READ: { description: '`alerts:read`: read alerts and subscribe to them.' },
    EVENTS_READ: { description: '`events:read`: read the event feed (`events`).' },
    WEBHOOKS_MANAGE: {
      description:
        '`webhooks:manage`: register, change and remove webhook endpoints, and read and resend their deliveries.',
    },
    IMPORTS_WRITE: {
      description: 'Analyse and apply CSV imports (`startImport`, `applyImport`), and read and follow them.',
    },
  },
});
export const CustomerKindEnum = builder.enumType(Enums.CustomerKind, {
  name: 'CustomerKind',
  description: 'Whether the customer is a person or a company.',
  values: {
    PERSON: { description: 'A private person.' },
    COMPANY: { description: 'A business customer.' },
  },
});
export const LocaleEnum = builder.enumType(Enums.Locale, {
  name: 'Locale',
  description: 'A language Trofast speaks: to customers (ledger sentences, messages) and to staff.',
  values: {
    DA: { description: 'Danish.' },
    SV: { description: 'Swedish.' },
    NB: { description: 'Norwegian (Bokmål).' },
    EN: { description: 'English.' },
  },
});
export const TierEnum = builder.enumType(Enums.Tier, {
  name: 'Tier',
  description: "A loyalty tier, by points earned in the last 12 months (thresholds in the organization's settings).",
  values: {
    BRONZE: { description: 'Every customer: from 0 points.' },
    SILVER: { description: 'From 1 000 points earned in 12 months by default.' },
    GOLD: { description: 'From 5 000 points earned in 12 months by default.' },
  },
});
export const RiskLevelEnum = builder.enumType(Enums.RiskLevel, {
  name: 'RiskLevel',
  description: 'The churn-risk score in four bands (default thresholds; editable in settings).',
  values: {
    LOW: { description: 'Score below 30.' },
    MEDIUM: { description: 'Score 30 to 49.' },
    HIGH: { description: 'Score 50 to 69: raises a WARNING CHURN_RISK alert.' },
    CRITICAL: { description: 'Score 70 or more: raises a CRITICAL CHURN_RISK alert.' },
  },
});
export const ChannelEnum = builder.enumType(Enums.Channel, {
  name: 'Channel',
  description: 'How a contact or answer reached or left the customer; consent is kept per channel.',
  values: {
    EMAIL: { description: 'Email.' },
    SMS: { description: 'Text message.' },
    PHONE: { description: 'Phone call.' },
    MEETING: { description: 'A meeting in person or online.' },
    CHAT: { description: 'Chat.' },
    STORE: { description: 'In a shop, face to face.' },
    WEB: { description: 'On a website.' },
    APP: { description: 'In an app.' },
  },
});
export const DirectionEnum = builder.enumType(Enums.Direction, {
  name: 'Direction',
  description: 'Who started the contact.',
  values: {
    INBOUND: { description: 'The customer contacted you.' },
    OUTBOUND: { description: 'You contacted the customer.' },
  },
});
export const InteractionKindEnum = builder.enumType(Enums.InteractionKind, {
  name: 'InteractionKind',
  description: 'What a contact was about; MARKETING and SURVEY_INVITE count against the contact cap.',
  values: {
    SERVICE: { description: 'Help or a reply to the customer; never capped.' },
    CHECK_IN: { description: 'Asking how the customer is doing.' },
    THANK_YOU: { description: 'Thanking the customer; keeps them off "customers to thank" for 180 days.' },
    MARKETING: { description: 'An offer or newsletter: needs consent on the channel and counts against the cap.' },
    SURVEY_INVITE: {
      description: 'An invitation to answer a survey: needs consent on the channel and counts against the cap.',
    },
    OTHER: { description: 'Anything else.' },
  },
});
export const PointsEntryKindEnum = builder.enumType(Enums.PointsEntryKind, {
  name: 'PointsEntryKind',
  description: 'Why points moved.',
  values: {
    EARN_PURCHASE: { description: "Earned with a purchase, at the organization's earn rate for its currency." },
    EARN_FEEDBACK: { description: "A survey's participation points, once per survey and customer." },
    EARN_BONUS: { description: 'Bonus points given to the customer; like earned points, they count toward the tier.' },
    REDEEM: { description: 'Spent on a reward (negative).' },
    REFUND: { description: 'Given back when a redemption is cancelled.' },
    EXPIRE: { description: 'Expired, 24 months after they were earned by default (negative).' },
    ADJUST: { description: 'A correction by a manager (`adjustPoints`), with its reason.' },
  },
});
export const RewardKindEnum = builder.enumType(Enums.RewardKind, {
  name: 'RewardKind',
  description: 'What sort of reward it is.',
  values: {
    DISCOUNT: { description: 'Money off a purchase.' },
    GIFT: { description: 'A thing given to the customer.' },
    EXPERIENCE: { description: 'An event or experience.' },
    SERVICE_UPGRADE: { description: 'Better service, such as free delivery or priority support.' },
    DONATION: { description: 'A donation to a good cause in the customer’s name.' },
  },
});
export const RedemptionStatusEnum = builder.enumType(Enums.RedemptionStatus, {
  name: 'RedemptionStatus',
  description: 'Whether a redemption stands.',
  values: {
    FULFILLED: { description: 'Redeemed: the points are spent.' },
    CANCELLED: { description: 'Cancelled: the points were refunded and the stock returned.' },
  },
});
export const SurveyKindEnum = builder.enumType(Enums.SurveyKind, {
  name: 'SurveyKind',
  description: 'The kind of question a survey asks, which fixes what an answer must be.',
  values: {
    NPS: { description: 'Net Promoter Score: a score 0–10 (0–6 is a bad experience).' },
    CSAT: { description: 'Customer satisfaction: a score 1–5 (1–2 is a bad experience).' },
    POLL: { description: "A choice of one of the survey's options." },
  },
});
export const IncidentCategoryEnum = builder.enumType(Enums.IncidentCategory, {
  name: 'IncidentCategory',
  description: 'What an incident is about.',
  values: {
    DELIVERY: { description: 'Late, lost or damaged delivery.' },
    PRODUCT: { description: 'A fault in what was sold.' },
    BILLING: { description: 'An invoice, payment or refund.' },
    SERVICE: { description: 'How the customer was treated.' },
    OTHER: { description: 'Anything else.' },
  },
});
export const IncidentSeverityEnum = builder.enumType(Enums.IncidentSeverity, {
  name: 'IncidentSeverity',
  description: 'How bad an incident is; it sets the SLA target (the defaults below are editable per organization).',
  values: {
    LOW: { description: 'Due in 7 days.' },
    MEDIUM: { description: 'Due in 72 hours.' },
    HIGH: { description: 'Due in 24 hours; opening one raises a WARNING INCIDENT alert.' },
    CRITICAL: { description: 'Due in 4 hours; opening one raises a CRITICAL INCIDENT alert.' },
  },
});
export const IncidentStatusEnum = builder.enumType(Enums.IncidentStatus, {
  name: 'IncidentStatus',
  description: 'Where an incident stands: OPEN → IN_PROGRESS → RESOLVED → CLOSED.',
  values: {
    OPEN: { description: 'Reported, not yet worked on.' },
    IN_PROGRESS: { description: 'Someone is working on it.' },
    RESOLVED: { description: 'Resolved; it can still be reopened.' },
    CLOSED: { description: 'Done for good.' },
  },
});
export const CustomerSatisfiedEnum = builder.enumType(Enums.CustomerSatisfied, {
  name: 'CustomerSatisfied',
  description: 'Whether the customer was satisfied with how an incident was resolved.',
  values: {
    YES: { description: 'Satisfied: a service recovery, which lowers churn risk (RECOVERED) for 90 days.' },
    NO: { description: 'Not satisfied.' },
    UNKNOWN: { description: 'Not known (yet).' },
  },
});
export const AlertKindEnum = builder.enumType(Enums.AlertKind, {
  name: 'AlertKind',
  description: 'What raised an alert.',
  values: {
    CHURN_RISK: {
      description: "The customer's risk level rose to HIGH or CRITICAL; resolves itself when it falls below HIGH.",
    },
    TWO_STRIKES: {
      description:
        "The customer's second (or later) bad experience within 90 days; stays open until a person resolves it.",
    },
    INCIDENT: {
      description:
        'An incident of severity HIGH or CRITICAL was opened; resolves itself when the incident is resolved.',
    },
    SLA_BREACH: {
      description: 'An open incident passed its SLA due time; resolves itself when the incident is resolved.',
    },
    IGNORED: {
      description:
        'The customer went 90 days without personal contact; resolves itself when a personal contact is recorded.',
    },
    DETRACTOR: { description: 'An NPS answer of 0–6; stays open until a person resolves it.' },
    STAFF_CONCERN: {
      description:
        "A staff member flagged a worry about the customer (`flagConcern`); assigned to the customer's account manager, open until a person resolves it.",
    },
  },
});
export const AlertSeverityEnum = builder.enumType(Enums.AlertSeverity, {
  name: 'AlertSeverity',
  description: 'How urgent an alert is, lowest first.',
  values: {
    INFO: { description: 'Worth knowing.' },
    WARNING: { description: 'Act soon.' },
    CRITICAL: { description: 'Act now.' },
  },
});
export const AlertStatusEnum = builder.enumType(Enums.AlertStatus, {
  name: 'AlertStatus',
  description: 'Where an alert stands.',
  values: {
    OPEN: { description: 'New: nobody has taken it yet.' },
    ACKNOWLEDGED: { description: 'Someone has seen it and is on it; still open.' },
    RESOLVED: { description: 'Dealt with, by a person or because its cause went away.' },
  },
});
export const PulseRoundStatusEnum = builder.enumType(Enums.PulseRoundStatus, {
  name: 'PulseRoundStatus',
  description: 'Whether a pulse round still takes answers.',
  values: {
    OPEN: { description: 'Staff are asked and may answer; only answer counts are shown.' },
    CLOSED: { description: 'No more answers; its figures show for teams at or above the threshold.' },
  },
});
// Named here rather than taken from the stored enum, which holds the staff kinds too.
export const MessageKindEnum = builder.enumType('MessageKind', {
  description: 'What a message to a customer is for.',
  values: {
    SURVEY_INVITE: { description: 'An invitation to answer a survey; capped, needs consent on the channel.' },
    THANK_YOU: { description: 'A thank-you, with optional bonus points; needs consent, not capped.' },
    MEMBER_LINK: { description: "A link to the customer's own page, sent because they asked; never capped." },
    SERVICE: { description: 'A service message; never capped.' },
  },
});
export const StaffMessageKindEnum = builder.enumType('StaffMessageKind', {
  description: 'What an email to a staff member is for.',
  values: {
    WEBHOOK_DISABLED: {
      description: 'To every ADMIN: Trofast disabled a webhook endpoint (410 Gone, or three days of failures).',
    },
    PULSE_INVITE: { description: "A pulse round opened: the staff member's own link to answer it." },
    PULSE_REMINDER: { description: 'The one reminder, half-way through a round, to those who have not answered.' },
  },
});
export const MessageStatusEnum = builder.enumType(Enums.MessageStatus, {
  name: 'MessageStatus',
  description: 'Where a message stands; nothing is dropped silently.',
  values: {
    SCHEDULED: { description: 'Waiting for its time or for the sending worker.' },
    SENT: { description: 'Handed to the mail server, the outbox or the SMS gateway.' },
    SKIPPED: { description: 'Not sent because a care rule said no: see the reasons and `nextAllowedAt`.' },
    CANCELLED: { description: 'No longer to be sent, with the reason (e.g. the incident was reopened).' },
    FAILED: { description: 'The mail server refused it after every retry; the answer is kept.' },
  },
});
export const InvitationStatusEnum = builder.enumType(Enums.InvitationStatus, {
  name: 'InvitationStatus',
  description: 'Where a survey invitation stands.',
  values: {
    SCHEDULED: { description: 'Waiting to be sent.' },
    SENT: { description: 'Sent; the answer link works for 30 days.' },
    SKIPPED: { description: 'Not sent because a care rule said no (consent, cap or cooldown).' },
    ANSWERED: { description: 'The customer answered; they may change it for 14 days.' },
    EXPIRED: { description: 'Not answered within 30 days.' },
    CANCELLED: { description: 'Called off before sending, with the reason.' },
  },
});
export const SatisfactionSourceEnum = builder.enumType(Enums.SatisfactionSource, {
  name: 'SatisfactionSource',
  description: "Who said whether the customer was satisfied with an incident's resolution.",
  values: {
    STAFF: { description: 'A staff member, when resolving.' },
    CUSTOMER: { description: "The customer's own CSAT answer; it overrides staff." },
  },
});
export const ImportKindEnum = builder.enumType(Enums.ImportKind, {
  name: 'ImportKind',
  description: 'What a CSV import brings in.',
  values: {
    CUSTOMERS: { description: 'Customers, matched by their external id.' },
    PURCHASES: { description: "Purchases, earning points by the organization's rules." },
    INTERACTIONS: { description: 'Contacts with customers.' },
    OPENING_BALANCES: { description: 'Points balances carried over from a previous loyalty program.' },
  },
});
export const ImportStatusEnum = builder.enumType(Enums.ImportStatus, {
  name: 'ImportStatus',
  description: 'Where an import stands.',
  values: {
    ANALYZED: { description: 'The dry run is done: every row checked, nothing written yet.' },
    APPLYING: { description: 'Being applied in the background; progress comes through `importChanged`.' },
    APPLIED: { description: 'Every good row is in.' },
    FAILED: { description: 'Applying stopped with an error; rows already applied stay and are skipped next time.' },
  },
});
export const AuditActorKindEnum = builder.enumType(Enums.AuditActorKind, {
  name: 'AuditActorKind',
  description: 'Who made a change the audit log records.',
  values: {
    USER: { description: 'A staff member.' },
    API_KEY: { description: "A partner's API key." },
    MEMBER: { description: 'The customer, on their own page.' },
    SYSTEM: { description: 'Trofast itself (a background job).' },
  },
});
