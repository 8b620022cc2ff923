// Settings → Webhooks (ADMIN): endpoints, their secrets, and sending deliveries again.
import type { Client } from '@urql/core';
import { mutate, type Outcome } from '$lib/graphql/mutate';
import {
  CREATE_WEBHOOK_ENDPOINT,
  DELETE_WEBHOOK_ENDPOINT,
  RECOVER_WEBHOOK_DELIVERIES,
  REDELIVER_WEBHOOK,
  ROTATE_WEBHOOK_SECRET,
  SEND_TEST_WEBHOOK,
  UPDATE_WEBHOOK_ENDPOINT,
} from '$lib/graphql/documents';
import type { WebhookEventType } from '$lib/graphql/types';

type Created = { secret: string; endpoint: { id: string } };

export function handleCreateWebhookEndpoint(
  client: Client,
  input: { url: string; description: string; eventTypes: WebhookEventType[] },
): Promise<Outcome<Created>> {
  return mutate(client, CREATE_WEBHOOK_ENDPOINT, { input }, 'createWebhookEndpoint');
}

export function handleSetWebhookEnabled(client: Client, id: string, enabled: boolean): Promise<Outcome<unknown>> {
  return mutate(client, UPDATE_WEBHOOK_ENDPOINT, { input: { id, enabled } }, 'updateWebhookEndpoint');
}

export function handleRotateWebhookSecret(client: Client, id: string): Promise<Outcome<Created>> {
  return mutate(client, ROTATE_WEBHOOK_SECRET, { id }, 'rotateWebhookSecret');
}

export function handleDeleteWebhookEndpoint(client: Client, id: string): Promise<Outcome<string>> {
  return mutate(client, DELETE_WEBHOOK_ENDPOINT, { id }, 'deleteWebhookEndpoint');
}

export function handleSendTestWebhook(client: Client, endpointId: string): Promise<Outcome<unknown>> {
  return mutate(client, SEND_TEST_WEBHOOK, { endpointId }, 'sendTestWebhook');
}

export function handleRedeliverWebhook(client: Client, deliveryId: string): Promise<Outcome<unknown>> {
  return mutate(client, REDELIVER_WEBHOOK, { deliveryId }, 'redeliverWebhook');
}

/** How many failed deliveries since `since` were queued again; null when the call failed. */
export async function handleRecoverWebhookDeliveries(
  client: Client,
  endpointId: string,
  since: Date,
): Promise<number | null> {
  const result = await client
    .mutation(RECOVER_WEBHOOK_DELIVERIES, {
      endpointId,
      since: since.toISOString(),
    })
    .toPromise();
  return result.data?.recoverWebhookDeliveries ?? null;
}

/** What a receiver in Node runs to check a delivery, with the official package. */
export function verificationSnippet(secret: string): string {
  return `import { Webhook } from 'standardwebhooks';

const webhook = new Webhook('${secret}');
// body: the raw request body as a string; headers: the request's headers.
const { type, timestamp, data } = webhook.verify(body, headers);`;
}

/** The wire name partners see in `type`: ALERT_RAISED is "alert.raised". */
export function wireName(type: WebhookEventType): string {
  return type.toLowerCase().replace('_', '.');
}
