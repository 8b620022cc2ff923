// The event log (PRODUCT.md "Webhooks"): what changed, stored in the transaction of the change in
// a gap-free order per organization, read by each instance's relay (event-relay.ts), the feed and
// webhooks, and kept 30 days.
import { randomUUID } from 'node:crypto';
import { Prisma } from '../generated/prisma/client.ts';
import type { TenantTx } from '../db/client.ts';
import type { EventData, EventType } from '../domain/events/event-types.ts';
import { DAY_MS } from '../domain/time/duration.ts';
import { runtime } from '../runtime.ts';

export const KEEP_EVENTS_DAYS = 30;

interface PendingEvent {
  id: string;
  type: EventType;
  data: object;
}

const pendingEvents = new WeakMap<object, PendingEvent[]>();

/** The events `tx` will store (writeTransaction opens the list and appends it before commit). */
export function collectEvents(tx: TenantTx): PendingEvent[] {
  const pending: PendingEvent[] = [];
  pendingEvents.set(tx, pending);
  return pending;
}

/** Records an event of this write; it is stored with the write, or not at all. Returns its id. */
export function emit<T extends EventType>(tx: TenantTx, type: T, data: EventData[T]): string {
  const pending = pendingEvents.get(tx);
  if (!pending) throw new Error(`An event (${type}) was emitted outside writeTransaction.`);
  const id = randomUUID();
  pending.push({ id, type, data });
  return id;
}

/** How many events `tx` has recorded so far: a savepoint's mark (see forgetEventsAfter). */
export function eventsRecorded(tx: TenantTx): number {
  return pendingEvents.get(tx)?.length ?? 0;
}

/** Forgets the events recorded after `mark`: their changes were rolled back to a savepoint. */
export function forgetEventsAfter(tx: TenantTx, mark: number): void {
  pendingEvents.get(tx)?.splice(mark);
}

/**
 * Gives the events their places in the organization's order and stores them: the last statement
 * before commit. One statement, because the sequence row it takes is every writer's of the
 * organization until commit: each round trip made while holding it is one that all of them wait.
 */
export async function appendEvents(
  tx: TenantTx,
  organizationId: string,
  events: PendingEvent[],
  now: Date,
): Promise<void> {
  if (events.length === 0) return;
  const count = events.length;
  await tx.$executeRaw(Prisma.sql`
    WITH sequence AS (
      INSERT INTO "EventSequence" ("organizationId", last) VALUES (${organizationId}, ${count})
      ON CONFLICT ("organizationId") DO UPDATE SET last = "EventSequence".last + ${count}
      RETURNING last)
    INSERT INTO "Event" (id, "organizationId", seq, type, data, "occurredAt")
    SELECT event.id, ${organizationId}::text, sequence.last - ${count} + event.place, event.type, event.data,
           ${now.toISOString()}::timestamp(3)
    FROM sequence, unnest(
      ${events.map((event) => event.id)}::text[],
      ${events.map((event) => event.type)}::text[],
      ${events.map((event) => JSON.stringify(event.data))}::jsonb[]
    ) WITH ORDINALITY AS event(id, type, data, place)`);
}

/** Forgets events older than KEEP_EVENTS_DAYS (the job's lease is held). */
export async function forgetOldEvents(now: Date): Promise<number> {
  const { count } = await runtime().db.acrossOrganizations.event.deleteMany({
    where: { occurredAt: { lt: new Date(now.getTime() - KEEP_EVENTS_DAYS * DAY_MS) } },
  });
  return count;
}
