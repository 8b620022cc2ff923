// Typed events between the services that store and the subscriptions that send. Events carry ids
// only: a subscription re-reads what it sends from the database, confined to its organization.
// Topics are per organization, so a subscriber never even receives another tenant's event.
// With REDIS_URL, events cross API instances through Redis; otherwise they stay in process.
import { createPubSub } from 'graphql-yoga';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { setMaxListeners } from 'node:events';
import { Redis } from 'ioredis';
import type { AlertKind, AlertSeverity, RiskLevel } from './domain/types.ts';

/** An alert event carries its kind and severity too, so subscribers filter before reading. */
export interface AlertEvent {
  alertId: string;
  kind: AlertKind;
  severity: AlertSeverity;
  /** Unique per publication: the subscribers of one event share one read of it. */
  eventId: string;
}

export type PubSubEvents = {
  alertRaised: [organizationId: string, payload: AlertEvent];
  alertUpdated: [organizationId: string, payload: AlertEvent];
  churnRiskChanged: [organizationId: string, payload: { customerId: string; level: RiskLevel; eventId: string }];
  incidentChanged: [organizationId: string, payload: { incidentId: string; eventId: string }];
  /** A session ended (logout, expiry, deactivation) or a key was revoked: its open sockets and streams close. */
  credentialRevoked: [payload: { sessionId?: string; apiKeyId?: string; userId?: string }];
};

const MAX_SUBSCRIBERS = 100_000;

export type PubSub = ReturnType<typeof createPubSub<PubSubEvents>>;

export interface PubSubHandle {
  pubsub: PubSub;
  close(): Promise<void>;
}

export function openPubSub(redisUrl: string | undefined): PubSubHandle {
  if (!redisUrl) {
    const eventTarget = new EventTarget();
    // A board per staff member and partner: many listeners per topic are expected, not a leak.
    setMaxListeners(MAX_SUBSCRIBERS, eventTarget);
    return { pubsub: createPubSub<PubSubEvents>({ eventTarget }), close: async () => {} };
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  return {
    pubsub: createPubSub<PubSubEvents>({
      eventTarget: createRedisEventTarget({ publishClient, subscribeClient }),
    }),
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
