// The demo's webhook endpoint: the shop's CRM, with a delivery log of the demo's own latest alerts
// and answers. The demo has no receiver, so the endpoint is disabled (by a person: no notice) and
// its log is the history it had before; enabling it after pointing it at a real receiver delivers
// from then on. Its address is a placeholder that resolves nowhere, which the service would rightly
// refuse, so the row is written here rather than through createWebhookEndpoint.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { newWebhookSecret } from '../domain/webhooks/signature.ts';
import type { PublicEventType } from '../domain/events/event-types.ts';
import { tenantDb } from '../runtime.ts';

export const DEMO_WEBHOOK_URL = 'https://crm.nordlys.example/hooks/trofast';
const EVENT_TYPES: PublicEventType[] = ['alert.raised', 'feedback.received'];
const DELIVERIES = 12;
/** Which of the latest deliveries failed first: a 503, and a receiver that did not answer in time. */
const FAILED_FIRST = new Map([
  [3, { statusCode: 503, durationMs: 41, response: 'Service Unavailable', error: 'The receiver answered 503.' }],
  [8, { statusCode: null, durationMs: 15_000, response: null, error: 'no answer within 15000 ms' }],
]);
/** The first retry comes about 5 s after a failure (the schedule's first step). */
const RETRY_MS = 5_200;

export async function seedDemoWebhooks(caller: AuthenticatedCaller, now: Date): Promise<void> {
  const db = tenantDb(caller);
  const { organizationId } = caller;
  const sequence = await db.eventSequence.findUnique({ where: { organizationId } });
  const endpoint = await db.webhookEndpoint.create({
    data: {
      organizationId,
      url: DEMO_WEBHOOK_URL,
      description:
        'Demo: the shop’s CRM. The demo has no receiver, so this endpoint is disabled and its log is what it received before. Point it at your own receiver and enable it.',
      eventTypes: EVENT_TYPES,
      enabled: false,
      disabledReason: 'Disabled by a person.',
      secret: newWebhookSecret(),
      cursor: sequence?.last ?? 0n,
      createdAt: now,
    },
  });
  const events = (
    await db.event.findMany({
      where: { type: { in: EVENT_TYPES } },
      orderBy: { seq: 'desc' },
      take: DELIVERIES,
      select: { id: true, seq: true, occurredAt: true },
    })
  ).reverse();
  for (const [index, event] of events.entries()) {
    const sent = new Date(event.occurredAt.getTime() + 1_000);
    const failure = FAILED_FIRST.get(index);
    const ok = (at: Date) => ({
      at,
      statusCode: 200,
      durationMs: 35 + index * 3,
      response: '{"ok":true}',
      error: null,
    });
    const attempts = failure ? [{ at: sent, ...failure }, ok(new Date(sent.getTime() + RETRY_MS))] : [ok(sent)];
    await db.webhookDelivery.create({
      data: {
        organizationId,
        endpointId: endpoint.id,
        eventId: event.id,
        seq: event.seq,
        status: 'DELIVERED',
        step: attempts.length - 1,
        createdAt: sent,
        attempts: { create: attempts.map((attempt) => ({ organizationId, ...attempt })) },
      },
    });
  }
}
