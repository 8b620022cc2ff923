// The event log (PRODUCT.md "Webhooks"): what changed, stored in the transaction of the change in
// a gap-free order per organization, read by each instance's relay (event-relay.ts), the feed and
// webhooks, and kept 30 days.
import { randomUUID } from 'node:crypto';
import { Prisma } from '../generated/prisma/client.ts';
import type { TenantTx } from '../db/client.ts';
import { bulkInsert } from '../db/bulk-insert.ts';
import type { EventData, EventType } from '../domain/events/event-types.ts';
import { DAY_MS } from '../domain/time/duration.ts';
import { runtime } from '../runtime.ts';

export const KEEP_EVENTS_DAYS = 30;

interface PendingEvent {
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

/** Records an event of this write; it is stored with the write, or not at all. */
export function emit<T extends EventType>(tx: TenantTx, type: T, data: EventData[T]): void {
  const pending = pendingEvents.get(tx);
  if (!pending) throw new Error(`An event (${type}) was emitted outside writeTransaction.`);
  pending.push({ type, data });
}

/** Gives the events their places in the organization's order and stores them: the last statement before commit. */
export async function appendEvents(
  tx: TenantTx,
  organizationId: string,
  events: PendingEvent[],
  now: Date,
): Promise<void> {
  if (events.length === 0) return;
  const [{ last }] = await tx.$queryRaw<{ last: bigint }[]>(Prisma.sql`
    INSERT INTO "EventSequence" ("organizationId", last) VALUES (${organizationId}, ${events.length})
    ON CONFLICT ("organizationId") DO UPDATE SET last = "EventSequence".last + ${events.length}
    RETURNING last`);
  const first = last - BigInt(events.length) + 1n;
  await bulkInsert(
    tx,
    'Event',
    [
      ['id', 'text'],
      ['organizationId', 'text'],
      ['seq', 'bigint'],
      ['type', 'text'],
      ['data', 'jsonb'],
      ['occurredAt', 'timestamp(3)'],
    ],
    events.map((event, index) => ({
      id: randomUUID(),
      organizationId,
      seq: first + BigInt(index),
      type: event.type,
      data: event.data,
      occurredAt: now,
    })),
  );
}

/** Forgets events older than KEEP_EVENTS_DAYS (the job's lease is held). */
export async function forgetOldEvents(now: Date): Promise<number> {
  const { count } = await runtime().db.acrossOrganizations.event.deleteMany({
    where: { occurredAt: { lt: new Date(now.getTime() - KEEP_EVENTS_DAYS * DAY_MS) } },
  });
  return count;
}
