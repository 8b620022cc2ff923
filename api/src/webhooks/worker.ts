// The webhook worker: delivers the event log to the partners' endpoints (PRODUCT.md "Webhooks").
// - Each endpoint is served under a lease on its row, taken with SKIP LOCKED and timed by the
//   database's clock, so with several instances one at a time delivers to it; an instance that
//   dies mid-attempt leaves the delivery PENDING, and whoever takes the lease next sends it again
//   with the same webhook-id.
// - Endpoints are served side by side, each in a loop of its own: a slow or dead receiver holds up
//   only its own deliveries.
// - It wakes when the event relay reads new events (after a commit here, or through Redis) and
//   polls every POLL_MS for retries that fall due.
import { AsyncResource } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Clock } from '../clock.ts';
import type { WebhookConfig } from '../config.ts';
import { WORKER_MARK, type Database, type TenantDb } from '../db/client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import type { WebhookDelivery, WebhookEndpoint } from '../generated/prisma/client.ts';
import { DISABLE_AFTER_FAILING_MS, nextRetryDelay, parseRetryAfter } from '../domain/webhooks/retry.ts';
import { webhookSignature } from '../domain/webhooks/signature.ts';
import type { Logger } from '../log.ts';
import { queueEndpointDisabled } from '../services/staff-message.service.ts';
import { postWebhook, type PostResult } from './post.ts';
import type { WritesInFlight } from '../writes-in-flight.ts';

const POLL_MS = 1000;
/** Deliveries attempted per round of one endpoint. */
const BATCH = 100;
/** Events read per step of an endpoint's fan-out. */
const FAN_OUT_PAGE = 1000;
/** Endpoints one instance takes per claim. */
const CLAIM = 50;
/** Requests open at once to one endpoint: a receiver is not flooded by a backlog. */
const PARALLEL = 16;
/** A round starts no attempt after this, so that every attempt ends well within the lease. */
const ROUND_STARTS_MS = 5_000;
/**
 * The longest a round waits for this instance's mutations to pause (writes-in-flight.ts): a
 * partner's few seconds of batches go first; under writes that never pause an endpoint still gets
 * a round this often.
 */
const YIELDS_TO_WRITES_MS = 3_000;
const DB_NOW = Prisma.sql`(clock_timestamp() AT TIME ZONE 'UTC')`;

export interface WebhookWorker {
  /** Looks for work now (new events, a redelivery, an endpoint enabled again). */
  wake(): void;
  stop(): Promise<void>;
}

interface LoggedEvent {
  id: string;
  type: string;
  data: unknown;
  occurredAt: Date;
}

type DueDelivery = WebhookDelivery & { event: LoggedEvent };

interface Outcome {
  delivery: WebhookDelivery;
  result: PostResult;
}

const succeeded = (result: PostResult) =>
  result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;

/** The secrets that sign now: the current one, and the one before a rotation for 24 h after it. */
export function signingSecrets(
  endpoint: Pick<WebhookEndpoint, 'secret' | 'previousSecret' | 'previousSecretUntil'>,
  now: Date,
) {
  return endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now
    ? [endpoint.secret, endpoint.previousSecret]
    : [endpoint.secret];
}

/** The body partners receive: `{ type, timestamp, data }`. */
export function webhookBody(event: LoggedEvent): string {
  return JSON.stringify({ type: event.type, timestamp: event.occurredAt.toISOString(), data: event.data });
}

/**
 * Turns the endpoint's share of the log after its cursor into deliveries and moves the cursor,
 * under the endpoint's row lock: the worker and `sendTestWebhook` may both do it, never twice.
 */
export async function fanOut(db: TenantDb, organizationId: string, endpointId: string, now: Date): Promise<void> {
  const testFor = encodeGlobalID('WebhookEndpoint', endpointId);
  for (;;) {
    const full = await db.$transaction(async (tx) => {
      const [endpoint] = await tx.$queryRaw<{ cursor: bigint; eventTypes: string[] }[]>`
        SELECT cursor, "eventTypes" FROM "WebhookEndpoint"
        WHERE id = ${endpointId} AND "organizationId" = ${organizationId} FOR UPDATE`;
      if (!endpoint) return false;
      const events = await tx.event.findMany({
        where: { seq: { gt: endpoint.cursor } },
        orderBy: { seq: 'asc' },
        take: FAN_OUT_PAGE,
        select: { id: true, seq: true, type: true, data: true },
      });
      if (events.length === 0) return false;
      // A test event goes to the endpoint it was sent to, whatever that one subscribes to.
      const wanted = events.filter((event) =>
        event.type === 'webhook.test'
          ? (event.data as { endpoint?: string }).endpoint === testFor
          : endpoint.eventTypes.includes(event.type),
      );
      if (wanted.length > 0) {
        await tx.webhookDelivery.createMany({
          data: wanted.map((event) => ({
            organizationId,
            endpointId,
            eventId: event.id,
            seq: event.seq,
            nextAttemptAt: now,
            createdAt: now,
          })),
          skipDuplicates: true,
        });
      }
      await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { cursor: events.at(-1)!.seq } });
      return events.length === FAN_OUT_PAGE;
    });
    if (!full) return;
  }
}

export function startWebhookWorker(options: {
  db: Database;
  config: WebhookConfig;
  clock: Clock;
  log: Logger;
  /** This instance's mutations, which a round lets finish first. */
  writes: WritesInFlight;
}): WebhookWorker {
  const { db, config, clock, log, writes } = options;
  // Longer than a round: its last attempt starts within ROUND_STARTS_MS and ends within the timeout.
  const leaseMs = config.timeoutMs + 2 * ROUND_STARTS_MS;
  const running = new Map<string, Promise<void>>();
  const inFlight = new Set<AbortController>();
  let stopped = false;
  let claiming: Promise<void> | undefined;
  let again = false;

  async function claim(): Promise<{ id: string; organizationId: string; token: string }[]> {
    const token = randomUUID();
    const now = clock.now().toISOString();
    const rows = await db.acrossOrganizations.$queryRaw<
      { id: string; organizationId: string }[]
    >`${Prisma.raw(WORKER_MARK)}
      UPDATE "WebhookEndpoint" AS e
      SET "leasedUntil" = ${DB_NOW} + ${leaseMs} * interval '1 millisecond', "leaseToken" = ${token}
      WHERE e.id IN (
        SELECT c.id FROM "WebhookEndpoint" c
        WHERE c.enabled
          AND (c."leasedUntil" IS NULL OR c."leasedUntil" < ${DB_NOW})
          AND NOT (c.id = ANY(${[...running.keys()]}::text[]))
          AND (c.cursor < COALESCE((SELECT s.last FROM "EventSequence" s WHERE s."organizationId" = c."organizationId"), 0)
            OR EXISTS (SELECT 1 FROM "WebhookDelivery" d
                       WHERE d."endpointId" = c.id AND d.status = 'PENDING' AND d."nextAttemptAt" <= ${now}::timestamp(3)))
        LIMIT ${CLAIM}
        FOR UPDATE SKIP LOCKED)
      RETURNING e.id, e."organizationId"`;
    return rows.map((row) => ({ ...row, token }));
  }

  /** Extends the lease and reads the endpoint; null when the lease was lost or the endpoint disabled. */
  async function renew(tenant: TenantDb, id: string, token: string): Promise<WebhookEndpoint | null> {
    const renewed = await tenant.$executeRaw`
      UPDATE "WebhookEndpoint" SET "leasedUntil" = ${DB_NOW} + ${leaseMs} * interval '1 millisecond'
      WHERE id = ${id} AND "leaseToken" = ${token} AND enabled`;
    return renewed === 1 ? tenant.webhookEndpoint.findUnique({ where: { id } }) : null;
  }

  async function attempt(endpoint: WebhookEndpoint, secrets: string[], event: LoggedEvent): Promise<PostResult | null> {
    const id = encodeGlobalID('Event', event.id);
    const timestamp = Math.floor(Date.now() / 1000);
    const body = webhookBody(event);
    const abort = new AbortController();
    inFlight.add(abort);
    try {
      const result = await postWebhook({
        url: endpoint.url,
        headers: {
          'user-agent': 'Trofast-Webhooks/1',
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': webhookSignature(secrets, id, timestamp, body),
        },
        body,
        timeoutMs: config.timeoutMs,
        allowPrivate: config.allowPrivate,
        signal: abort.signal,
      });
      // Stopping cut the attempt short: it is not the receiver's failure, and the next instance sends it again.
      return abort.signal.aborted ? null : result;
    } finally {
      inFlight.delete(abort);
    }
  }

  /** One round: the due deliveries, in the log's order per customer, customers side by side. */
  async function deliver(endpoint: WebhookEndpoint, due: DueDelivery[]): Promise<Outcome[]> {
    const secrets = signingSecrets(endpoint, clock.now());
    const lastStart = performance.now() + ROUND_STARTS_MS;
    const byCustomer = new Map<string, DueDelivery[]>();
    for (const delivery of due) {
      const key = (delivery.event.data as { customer?: string }).customer ?? delivery.id;
      byCustomer.set(key, [...(byCustomer.get(key) ?? []), delivery]);
    }
    const queue = [...byCustomer.values()];
    const outcomes: Outcome[] = [];
    const lane = async () => {
      for (let deliveries = queue.shift(); deliveries; deliveries = queue.shift()) {
        for (const delivery of deliveries) {
          if (stopped || performance.now() > lastStart) return;
          const result = await attempt(endpoint, secrets, delivery.event);
          if (!result) return;
          outcomes.push({ delivery, result });
          // A later event of the same customer waits for the earlier one.
          if (!succeeded(result)) break;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, lane));
    return outcomes;
  }

  async function record(tenant: TenantDb, endpoint: WebhookEndpoint, outcomes: Outcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    const now = clock.now();
    const delivered = outcomes.filter((outcome) => succeeded(outcome.result));
    const failed = outcomes.filter((outcome) => !succeeded(outcome.result));
    const failingSince = failed.length === 0 ? null : delivered.length > 0 ? now : (endpoint.failingSince ?? now);
    const gone = failed.some((outcome) => outcome.result.statusCode === 410);
    const failedTooLong = failingSince !== null && now.getTime() - failingSince.getTime() >= DISABLE_AFTER_FAILING_MS;
    const disabledReason = gone
      ? 'The receiver answered 410 Gone.'
      : failedTooLong
        ? 'Every attempt failed for three days.'
        : null;
    await tenant.$transaction(async (tx) => {
      await tx.webhookAttempt.createMany({
        data: outcomes.map(({ delivery, result }) => ({
          organizationId: endpoint.organizationId,
          deliveryId: delivery.id,
          at: result.at,
          statusCode: result.statusCode,
          durationMs: result.durationMs,
          response: result.response,
          error: result.error ?? (succeeded(result) ? null : `The receiver answered ${result.statusCode}.`),
        })),
      });
      if (delivered.length > 0) {
        await tx.webhookDelivery.updateMany({
          where: { id: { in: delivered.map((outcome) => outcome.delivery.id) } },
          data: { status: 'DELIVERED', nextAttemptAt: null },
        });
      }
      if (failed.length > 0) {
        // One statement for the round's failures, not one per attempt: a dead receiver fails 16 at a time.
        const retries = failed.map(({ delivery, result }) => {
          const wait = nextRetryDelay({
            step: delivery.step,
            schedule: config.retryScheduleMs,
            retryAfterMs: parseRetryAfter(result.retryAfter, now),
            random: Math.random(),
          });
          return wait === null
            ? { id: delivery.id, status: 'FAILED', step: delivery.step, at: null }
            : { id: delivery.id, status: 'PENDING', step: delivery.step + 1, at: new Date(now.getTime() + wait) };
        });
        await tx.$executeRaw`
          UPDATE "WebhookDelivery" AS d
          SET status = v.status::"WebhookDeliveryStatus", step = v.step, "nextAttemptAt" = v.at
          FROM (SELECT unnest(${retries.map((retry) => retry.id)}::text[]) AS id,
                       unnest(${retries.map((retry) => retry.status)}::text[]) AS status,
                       unnest(${retries.map((retry) => retry.step)}::int[]) AS step,
                       unnest(${retries.map((retry) => retry.at?.toISOString() ?? null)}::timestamp(3)[]) AS at) AS v
          WHERE d.id = v.id AND d."organizationId" = ${endpoint.organizationId}`;
      }
      await tx.webhookEndpoint.update({
        where: { id: endpoint.id },
        data: {
          failingSince,
          failureStreak: delivered.length > 0 ? failed.length : endpoint.failureStreak + failed.length,
          ...(disabledReason ? { enabled: false, disabledReason } : {}),
        },
      });
      if (disabledReason) await queueEndpointDisabled(tx, endpoint, gone ? 'GONE' : 'FAILING', now);
    });
    if (disabledReason) {
      log.warn('a webhook endpoint was disabled', {
        organizationId: endpoint.organizationId,
        endpointId: endpoint.id,
        url: endpoint.url,
        reason: disabledReason,
      });
    }
  }

  async function serve(organizationId: string, id: string, token: string): Promise<void> {
    const tenant = db.forOrganization(organizationId);
    try {
      while (!stopped) {
        await writes.quiet(YIELDS_TO_WRITES_MS);
        const endpoint = await renew(tenant, id, token);
        if (!endpoint) return;
        const now = clock.now();
        await fanOut(tenant, organizationId, id, now);
        const due = await tenant.webhookDelivery.findMany({
          where: { endpointId: id, status: 'PENDING', nextAttemptAt: { lte: now } },
          orderBy: { seq: 'asc' },
          take: BATCH,
          include: { event: { select: { id: true, type: true, data: true, occurredAt: true } } },
        });
        if (due.length === 0) return;
        const outcomes = await deliver(endpoint, due);
        await record(tenant, endpoint, outcomes);
      }
    } finally {
      await tenant.$executeRaw`
        UPDATE "WebhookEndpoint" SET "leasedUntil" = NULL, "leaseToken" = NULL WHERE id = ${id} AND "leaseToken" = ${token}`;
    }
  }

  function tick(): void {
    if (stopped) return;
    if (claiming) {
      again = true;
      return;
    }
    claiming = claim()
      .then((claimed) => {
        for (const { id, organizationId, token } of claimed) {
          const served = serve(organizationId, id, token)
            .catch((error) => {
              // The database is away or the endpoint was deleted: the lease runs out and the poll tries again.
              if (!stopped)
                log.warn('delivering webhooks failed; retrying at the next poll', { endpointId: id, error });
            })
            .finally(() => {
              running.delete(id);
              tick();
            });
          running.set(id, served);
        }
      })
      .catch(() => {}) // the database is away; readiness says so, and the next poll tries again
      .finally(() => {
        claiming = undefined;
        if (again) {
          again = false;
          tick();
        }
      });
  }

  const poll = setInterval(tick, POLL_MS);
  tick();

  return {
    // A wake-up comes from a request that wrote: bound to the worker's start, the rounds it
    // starts do not carry that request's audit scope or idempotency key into their own writes.
    wake: AsyncResource.bind(tick),
    async stop() {
      stopped = true;
      clearInterval(poll);
      for (const abort of inFlight) abort.abort();
      await claiming;
      await Promise.all(running.values());
    },
  };
}
