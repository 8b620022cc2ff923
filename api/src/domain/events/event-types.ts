// The kinds of event the log holds (PRODUCT.md "Webhooks"). Partners read the public ones, by
// their wire names, through the feed and webhooks; `credential.revoked` and `import.changed` only
// travel between API instances, so that a logout closes sockets everywhere and a page watching an
// import hears from whichever instance applies it.
import type { AlertKind, AlertSeverity, AlertStatus, RiskLevel } from '../types.ts';

export const PUBLIC_EVENT_TYPES = [
  'alert.raised',
  'alert.updated',
  'customer.risk_changed',
  'incident.changed',
  'feedback.received',
  'redemption.changed',
  'points.changed',
  'message.requested',
  'invitation.answered',
  'webhook.test',
] as const;

export type PublicEventType = (typeof PUBLIC_EVENT_TYPES)[number];

/** What each event says: thin (global ids, the headline numbers), enough to decide whether to fetch more. */
export interface EventData {
  'alert.raised': AlertEventData;
  'alert.updated': AlertEventData;
  'customer.risk_changed': {
    customer: string;
    externalId: string;
    score: number;
    level: RiskLevel;
    previousLevel: RiskLevel;
  };
  'incident.changed': { incident: string; customer: string; status: string; severity: string };
  'feedback.received': { feedback: string; customer: string; survey: string | null; score: number | null };
  'redemption.changed': { redemption: string; customer: string; reward: string; status: string; points: number };
  'points.changed': { customer: string; delta: number; balance: number; entries: number };
  /** An SMS for the partner's gateway to send: Trofast sends no SMS itself. */
  'message.requested': { message: string; customer: string; kind: string; channel: 'SMS'; to: string; body: string };
  'invitation.answered': {
    invitation: string;
    customer: string;
    survey: string;
    feedback: string;
    score: number | null;
    option: string | null;
    /** true: the customer changed an earlier answer. */
    changed: boolean;
  };
  /** Sent by `sendTestWebhook` to the one endpoint named. */
  'webhook.test': { endpoint: string; message: string };
  'credential.revoked': { sessionId?: string; apiKeyId?: string; userId?: string };
  /** An import's progress, for the page that watches it (importChanged); not a partner's event. */
  'import.changed': { import: string; status: string; appliedRows: number };
}

export interface AlertEventData {
  alert: string;
  customer: string;
  incident: string | null;
  kind: AlertKind;
  severity: AlertSeverity;
  status: AlertStatus;
}

export type EventType = keyof EventData;

export function isPublicEventType(type: string): type is PublicEventType {
  return (PUBLIC_EVENT_TYPES as readonly string[]).includes(type);
}
