// Each API instance follows the event log and hands every new event to its own subscribers, in
// the log's order, once. After a commit the writing instance wakes itself at once and, through
// Redis when REDIS_URL is set, the others; every instance also polls the log's sequences every
// POLL_MS, so a lost wake-up (Redis away, a message dropped) costs a moment, never an event.
// Redis is optional at every moment: its errors are logged once per outage and never thrown.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { Redis } from 'ioredis';
import type { Database } from './db/client.ts';
import type { EventData, EventType } from './domain/events/event-types.ts';
import type { Logger } from './log.ts';
import type { PubSub } from './pubsub.ts';

const POLL_MS = 1000;
const PAGE = 1000;
const CHANNEL = 'trofast:events';

export interface EventRelay {
  /** Called after a commit that appended events: this instance reads them now, and the others are told. */
  wake(organizationId: string): void;
  /** The log's position this instance has delivered up to, per organization (tests wait on it). */
  delivered(organizationId: string): bigint;
  stop(): Promise<void>;
}

interface LoggedEvent {
  id: string;
  seq: bigint;
  type: string;
  data: unknown;
}

const raw = (globalId: string) => decodeGlobalID(globalId).id;

/** What a log event means to this instance's subscriptions. */
function deliver(pubsub: PubSub, organizationId: string, event: LoggedEvent): void {
  const type = event.type as EventType;
  const eventId = event.id;
  switch (type) {
    case 'alert.raised':
    case 'alert.updated': {
      const data = event.data as EventData['alert.raised'];
      pubsub.publish(type === 'alert.raised' ? 'alertRaised' : 'alertUpdated', organizationId, {
        alertId: raw(data.alert),
        kind: data.kind,
        severity: data.severity,
        eventId,
      });
      return;
    }
    case 'customer.risk_changed': {
      const data = event.data as EventData['customer.risk_changed'];
      pubsub.publish('churnRiskChanged', organizationId, {
        customerId: raw(data.customer),
        level: data.level,
        eventId,
      });
      return;
    }
    case 'incident.changed': {
      const data = event.data as EventData['incident.changed'];
      pubsub.publish('incidentChanged', organizationId, { incidentId: raw(data.incident), eventId });
      return;
    }
    case 'import.changed': {
      const data = event.data as EventData['import.changed'];
      pubsub.publish('importChanged', organizationId, { importId: raw(data.import), eventId });
      return;
    }
    case 'credential.revoked':
      pubsub.publish('credentialRevoked', event.data as EventData['credential.revoked']);
      return;
    default:
      // Partners' events (feedback, points, redemptions…): read by the feed and webhooks, not here.
      return;
  }
}

export async function startEventRelay(options: {
  db: Database;
  pubsub: PubSub;
  redisUrl: string | undefined;
  log: Logger;
  /** Told after new events of the organization were read (the webhook worker). */
  onEvents?: (organizationId: string) => void;
}): Promise<EventRelay> {
  const { db, pubsub, log } = options;
  const positions = new Map<string, bigint>();
  const dirty = new Set<string>();
  let draining: Promise<void> | undefined;
  let stopped = false;

  // Only what is written from now on is news.
  for (const row of await db.acrossOrganizations.eventSequence.findMany()) positions.set(row.organizationId, row.last);

  async function readNew(organizationId: string): Promise<void> {
    const after = positions.get(organizationId) ?? 0n;
    const events = await db.forOrganization(organizationId).event.findMany({
      where: { seq: { gt: after } },
      orderBy: { seq: 'asc' },
      take: PAGE,
      select: { id: true, seq: true, type: true, data: true },
    });
    for (const event of events) {
      positions.set(organizationId, event.seq);
      try {
        deliver(pubsub, organizationId, event);
      } catch (error) {
        log.error('an event could not be handed to subscribers', { organizationId, eventId: event.id, error });
      }
    }
    if (events.length > 0) options.onEvents?.(organizationId);
    if (events.length === PAGE) dirty.add(organizationId);
  }

  function drain(): void {
    if (draining || stopped) return;
    draining = (async () => {
      while (dirty.size > 0 && !stopped) {
        const [organizationId] = dirty;
        dirty.delete(organizationId);
        try {
          await readNew(organizationId);
        } catch (error) {
          // The database is away: the next poll tries again from the same position.
          log.warn('reading the event log failed; retrying at the next poll', { organizationId, error });
        }
      }
    })().finally(() => {
      draining = undefined;
      if (dirty.size > 0) drain();
    });
  }

  function mark(organizationId: string): void {
    dirty.add(organizationId);
    drain();
  }

  let polling = false;
  const poll = setInterval(() => {
    if (polling) return;
    polling = true;
    db.acrossOrganizations.eventSequence
      .findMany()
      .then((rows) => {
        for (const row of rows) if (row.last > (positions.get(row.organizationId) ?? 0n)) mark(row.organizationId);
      })
      .catch(() => {}) // the database is away; readiness says so
      .finally(() => (polling = false));
  }, POLL_MS);

  const redis = options.redisUrl ? connectRedis(options.redisUrl, log, mark) : undefined;

  return {
    wake(organizationId) {
      mark(organizationId);
      redis?.publish(organizationId);
    },
    delivered: (organizationId) => positions.get(organizationId) ?? 0n,
    async stop() {
      stopped = true;
      clearInterval(poll);
      await draining;
      redis?.close();
    },
  };
}

/** Wake-ups between instances. Every error is handled: without Redis the poll carries the events. */
function connectRedis(url: string, log: Logger, onWake: (organizationId: string) => void) {
  const options = {
    // Fail at once while disconnected instead of queueing: the poll covers a lost wake-up.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, { ...options, enableOfflineQueue: true, maxRetriesPerRequest: null });
  let away = false;
  const onError = (error: Error) => {
    if (away) return;
    away = true;
    log.warn('Redis does not answer: events reach the other instances by polling the log until it is back', {
      error: error.message,
    });
  };
  publisher.on('error', onError);
  subscriber.on('error', onError);
  subscriber.on('ready', () => {
    if (!away) return;
    away = false;
    log.info('Redis answers again');
  });
  subscriber.subscribe(CHANNEL).catch(onError);
  subscriber.on('message', (_channel: string, organizationId: string) => onWake(organizationId));
  return {
    publish(organizationId: string) {
      if (publisher.status !== 'ready') return;
      publisher.publish(CHANNEL, organizationId).catch(onError);
    },
    close() {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

/** A process without subscribers (the command line): the API instances find its events at their next poll. */
export const NO_SUBSCRIBERS: EventRelay = {
  wake() {},
  delivered: () => 0n,
  stop: async () => {},
};
