// Webhook endpoints and their deliveries (PRODUCT.md "Webhooks"): what ADMINs and keys with
// `webhooks:manage` do. The worker (webhooks/worker.ts) makes the deliveries; these calls register
// endpoints, rotate secrets, and queue deliveries again.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { FieldErrors, NotFoundError } from '../domain/errors.ts';
import type { PublicEventType } from '../domain/events/event-types.ts';
import { HOUR_MS } from '../domain/time/duration.ts';
import { newWebhookSecret } from '../domain/webhooks/signature.ts';
import { runtime, tenantDb } from '../runtime.ts';
import { refusedAddresses } from '../webhooks/post.ts';
import { fanOut } from '../webhooks/worker.ts';
import { emit } from './event-log.service.ts';
import { outsideRequest, writeTransaction } from './transaction.service.ts';

/** How long the secret before a rotation still signs. */
export const OLD_SECRET_SIGNS_MS = 24 * HOUR_MS;
const MAX_URL = 2000;
const MAX_DESCRIPTION = 500;

export interface CreateWebhookEndpointInput {
  url: string;
  eventTypes: PublicEventType[];
  description?: string | null;
}

export interface UpdateWebhookEndpointInput {
  id: string;
  url?: string | null;
  eventTypes?: PublicEventType[] | null;
  description?: string | null;
  enabled?: boolean | null;
}

/** Whether webhooks may be sent to `raw`: a problem for `problems` at `path`, or the URL as kept. */
async function checkUrl(raw: string, path: string[], problems: FieldErrors): Promise<string> {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    problems.add(path, 'Give the full address, e.g. https://example.com/webhooks/trofast.');
    return text;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.add(path, 'The address must start with https:// or http://.');
  } else if (text.length > MAX_URL) {
    problems.add(path, `The address may be at most ${MAX_URL} characters.`);
  } else if (url.username || url.password) {
    problems.add(path, 'Leave user names and passwords out of the address; every delivery is signed instead.');
  } else if (!runtime().config.webhooks.allowPrivate) {
    try {
      const refused = await refusedAddresses(url);
      if (refused.length > 0) {
        problems.add(
          path,
          `${url.hostname} is an internal address (${refused[0]}); webhooks go only to addresses on the internet.`,
        );
      }
    } catch {
      problems.add(path, `${url.hostname} could not be found; check the address.`);
    }
  }
  return text;
}

function checkDescription(description: string | null | undefined, problems: FieldErrors): string | null {
  const text = description?.trim() ?? '';
  if (text.length > MAX_DESCRIPTION)
    problems.add(['input', 'description'], `A description may be at most ${MAX_DESCRIPTION} characters.`);
  return text === '' ? null : text;
}

function checkEventTypes(eventTypes: PublicEventType[], problems: FieldErrors): string[] {
  if (eventTypes.length === 0) problems.add(['input', 'eventTypes'], 'Choose at least one kind of event.');
  return [...new Set(eventTypes)];
}

export async function createWebhookEndpoint(caller: AuthenticatedCaller, input: CreateWebhookEndpointInput) {
  const problems = new FieldErrors();
  const url = await checkUrl(input.url, ['input', 'url'], problems);
  const eventTypes = checkEventTypes(input.eventTypes, problems);
  const description = checkDescription(input.description, problems);
  problems.throwIfAny();
  const secret = newWebhookSecret();
  const endpoint = await writeTransaction(caller.organizationId, async (tx) => {
    // Deliveries start with the events that happen from now on.
    const sequence = await tx.eventSequence.findUnique({ where: { organizationId: caller.organizationId } });
    return tx.webhookEndpoint.create({
      data: {
        organizationId: caller.organizationId,
        url,
        eventTypes,
        description,
        secret,
        cursor: sequence?.last ?? 0n,
        createdAt: runtime().clock.now(),
      },
    });
  });
  return { endpoint, secret };
}

async function findEndpoint(caller: AuthenticatedCaller, id: string) {
  const endpoint = await tenantDb(caller).webhookEndpoint.findUnique({ where: { id } });
  if (!endpoint) throw new NotFoundError('Webhook endpoint');
  return endpoint;
}

export async function updateWebhookEndpoint(caller: AuthenticatedCaller, input: UpdateWebhookEndpointInput) {
  const endpoint = await findEndpoint(caller, input.id);
  const problems = new FieldErrors();
  const url = input.url == null ? undefined : await checkUrl(input.url, ['input', 'url'], problems);
  const eventTypes = input.eventTypes == null ? undefined : checkEventTypes(input.eventTypes, problems);
  const description = input.description === undefined ? undefined : checkDescription(input.description, problems);
  problems.throwIfAny();
  const now = runtime().clock.now();
  const enabling = input.enabled === true && !endpoint.enabled;
  const disabling = input.enabled === false && endpoint.enabled;
  const updated = await writeTransaction(caller.organizationId, async (tx) => {
    // What waited while the endpoint was disabled is delivered now, its schedule begun again.
    if (enabling) {
      await tx.webhookDelivery.updateMany({
        where: { endpointId: endpoint.id, status: 'PENDING' },
        data: { step: 0, nextAttemptAt: now },
      });
    }
    return tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: {
        url,
        eventTypes,
        description,
        ...(enabling ? { enabled: true, disabledReason: null, failingSince: null, failureStreak: 0 } : {}),
        // A person's disable is no failure: the dashboard's notice is for endpoints that failed.
        ...(disabling
          ? { enabled: false, disabledReason: 'Disabled by a person.', failingSince: null, failureStreak: 0 }
          : {}),
      },
    });
  });
  if (enabling) runtime().webhooks?.wake();
  return updated;
}

export async function rotateWebhookSecret(caller: AuthenticatedCaller, id: string) {
  const endpoint = await findEndpoint(caller, id);
  const secret = newWebhookSecret();
  const updated = await writeTransaction(caller.organizationId, (tx) =>
    tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: {
        secret,
        previousSecret: endpoint.secret,
        previousSecretUntil: new Date(runtime().clock.now().getTime() + OLD_SECRET_SIGNS_MS),
      },
    }),
  );
  return { endpoint: updated, secret };
}

export async function deleteWebhookEndpoint(caller: AuthenticatedCaller, id: string): Promise<string> {
  const endpoint = await findEndpoint(caller, id);
  await writeTransaction(caller.organizationId, (tx) => tx.webhookEndpoint.delete({ where: { id: endpoint.id } }));
  return encodeGlobalID('WebhookEndpoint', endpoint.id);
}

/** Sends a delivery again: the same webhook-id, a new attempt in its log, the schedule begun again. */
export async function redeliverWebhook(caller: AuthenticatedCaller, deliveryId: string) {
  const delivery = await tenantDb(caller).webhookDelivery.findUnique({ where: { id: deliveryId } });
  if (!delivery) throw new NotFoundError('Webhook delivery');
  const queued = await writeTransaction(caller.organizationId, (tx) =>
    tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: { status: 'PENDING', step: 0, nextAttemptAt: runtime().clock.now() },
    }),
  );
  runtime().webhooks?.wake();
  return queued;
}

/** Queues every FAILED delivery of the endpoint since `since` again; how many. */
export async function recoverWebhookDeliveries(caller: AuthenticatedCaller, endpointId: string, since: Date) {
  const { count } = await writeTransaction(caller.organizationId, (tx) =>
    tx.webhookDelivery.updateMany({
      where: { endpointId, status: 'FAILED', createdAt: { gte: since } },
      data: { status: 'PENDING', step: 0, nextAttemptAt: runtime().clock.now() },
    }),
  );
  if (count > 0) runtime().webhooks?.wake();
  return count;
}

/** A `webhook.test` event for this one endpoint, through the log like every other; its delivery. */
export async function sendTestWebhook(caller: AuthenticatedCaller, endpointId: string) {
  const endpoint = await findEndpoint(caller, endpointId);
  const eventId = await writeTransaction(caller.organizationId, async (tx) =>
    emit(tx, 'webhook.test', {
      endpoint: encodeGlobalID('WebhookEndpoint', endpoint.id),
      message: 'A test from Trofast: this endpoint receives and verifies webhooks.',
    }),
  );
  const db = tenantDb(caller);
  // The worker's own fan-out, done now rather than on its next poll: an effect of the event, which
  // the audit entry names, and not audited of itself (as when the worker runs it).
  await outsideRequest(() => fanOut(db, caller.organizationId, endpoint.id, runtime().clock.now()));
  runtime().webhooks?.wake();
  return db.webhookDelivery.findUniqueOrThrow({
    where: { endpointId_eventId: { endpointId: endpoint.id, eventId } },
  });
}
