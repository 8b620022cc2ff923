// Typed events between the event log and the subscriptions of this instance. The relay
// (event-relay.ts) reads every new event of the log and publishes it here; events carry ids only:
// a subscription re-reads what it sends from the database, confined to its organization. Topics
// are per organization, so a subscriber never even receives another tenant's event.
import { createPubSub } from 'graphql-yoga';
import { setMaxListeners } from 'node:events';
import type { AlertKind, AlertSeverity, RiskLevel } from './domain/types.ts';

/** An alert event carries its kind and severity too, so subscribers filter before reading. */
export interface AlertEvent {
  alertId: string;
  kind: AlertKind;
  severity: AlertSeverity;
  /** The log event's id: the subscribers of one event share one read of it. */
  eventId: string;
}

export type PubSubEvents = {
  alertRaised: [organizationId: string, payload: AlertEvent];
  alertUpdated: [organizationId: string, payload: AlertEvent];
  churnRiskChanged: [organizationId: string, payload: { customerId: string; level: RiskLevel; eventId: string }];
  incidentChanged: [organizationId: string, payload: { incidentId: string; eventId: string }];
  importChanged: [organizationId: string, payload: { importId: string; eventId: string }];
  /** A session ended (logout, expiry, deactivation) or a key was revoked: its open sockets and streams close. */
  credentialRevoked: [payload: { sessionId?: string; apiKeyId?: string; userId?: string }];
};

const MAX_SUBSCRIBERS = 100_000;

export type PubSub = ReturnType<typeof createPubSub<PubSubEvents>> & {
  /** How many subscriptions of this instance have started listening to the organization's events. */
  subscribed(organizationId: string): number;
};

/** Counts the listeners ever added per organization: a count that closing subscriptions never lowers. */
class CountingTarget extends EventTarget {
  readonly added = new Map<string, number>();
  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    // Yoga names a routed topic "<topic>:<organization id>".
    const organizationId = args[0].split(':')[1];
    if (organizationId) this.added.set(organizationId, (this.added.get(organizationId) ?? 0) + 1);
    super.addEventListener(...args);
  }
}

export function openPubSub(): PubSub {
  const eventTarget = new CountingTarget();
  // A board per staff member and partner: many listeners per topic are expected, not a leak.
  setMaxListeners(MAX_SUBSCRIBERS, eventTarget);
  return Object.assign(createPubSub<PubSubEvents>({ eventTarget }), {
    subscribed: (organizationId: string) => eventTarget.added.get(organizationId) ?? 0,
  });
}

/**
 * `first`, then `events`: for a subscriber that must also learn of a change made before its
 * subscription reached the server (an import may be applied before its page's subscription
 * listens). Listening starts before `first` is sent, so no change falls between the two.
 */
export async function* startingWith<T>(first: T, events: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = events[Symbol.asyncIterator]();
  // A pubsub iterator adds its listener on its first next().
  const upcoming = iterator.next();
  try {
    yield first;
    for (let result = await upcoming; !result.done; result = await iterator.next()) yield result.value;
  } finally {
    await iterator.return?.();
  }
}
