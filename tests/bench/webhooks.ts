// Webhooks: deliveries per second to a local receiver that answers at once, against a bare loop
// of fetch POSTs of the same bodies in the same run (goal ≥ 50 % of it and ≥ 200/s); and
// recordEvents of 1 000 purchases while 3 endpoints subscribed to every type are delivered to,
// against the same with none (goal ≤ 1.15×). And isolation: a live endpoint's deliveries beside a
// dead one (a receiver that never answers) against the same endpoint alone (goal ≈ 1×).
import { randomUUID } from 'node:crypto';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { PUBLIC_EVENT_TYPES } from '../../api/src/domain/events/event-types.ts';
import { createApiKey } from '../../api/src/services/api-key.service.ts';
import { createOrganization } from '../../api/src/services/organization.service.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { createWebhookEndpoint, updateWebhookEndpoint } from '../../api/src/services/webhook.service.ts';
import { db } from '../../api/src/runtime.ts';
import { startReceiver } from '../support/receiver.ts';
import { benchApp, median, timed } from './support.ts';
import type { BenchTarget } from './run.ts';

const CUSTOMERS = 200;
const DELIVERIES = 1000;
const PURCHASES = 1000;
const ROUNDS = 5;
const ISOLATION = 200;

export async function webhooksBenchmark(target: BenchTarget): Promise<void> {
  const app = await benchApp(target, { env: { TROFAST_WEBHOOKS_ALLOW_PRIVATE: '1' } });
  const receivers = await Promise.all([startReceiver(), startReceiver(), startReceiver(), startReceiver()]);
  const dead = await startReceiver(() => 'never');
  try {
    const organization = await createOrganization('Bench', [
      { email: `bench-${randomUUID()}@bench.example`, name: 'Bench', role: 'ADMIN', password: 'benchmark-password' },
    ]);
    const caller = systemCaller(organization.id);
    const { secret } = await createApiKey(caller, { name: 'Bench', scopes: ['EVENTS_WRITE'] });
    for (let i = 0; i < CUSTOMERS; i++) await upsertCustomer(caller, { externalId: `H-${i}`, name: `Bench ${i}` });

    const recordEvents = async (round: string, count: number) => {
      const events = Array.from({ length: count }, (_, i) => ({
        purchase: {
          customer: { externalId: `H-${i % CUSTOMERS}` },
          amount: { amountMinor: 10_000 + i, currency: 'DKK' },
          externalRef: `${round}-${i}`,
        },
      }));
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({
          query:
            'mutation ($events: [EventInput!]!) { recordEvents(input: { events: $events }) { ... on MutationRecordEventsSuccess { data { applied } } } }',
          variables: { events },
        }),
      });
      const result = (await response.json()) as { data?: { recordEvents?: { data?: { applied: number } } } };
      if (result.data?.recordEvents?.data?.applied !== count)
        throw new Error(`recordEvents: ${JSON.stringify(result)}`);
    };

    // Deliveries: the events wait while the endpoint is disabled, then go out at once.
    const [inbox, ...others] = receivers;
    const { endpoint } = await createWebhookEndpoint(caller, { url: inbox.url, eventTypes: ['points.changed'] });
    await updateWebhookEndpoint(caller, { id: endpoint.id, enabled: false });
    for (let round = 0; round < DELIVERIES / CUSTOMERS; round++) await recordEvents(`waiting-${round}`, CUSTOMERS);
    const deliveryMs = await timed(async () => {
      await updateWebhookEndpoint(caller, { id: endpoint.id, enabled: true });
      await inbox.until(DELIVERIES);
      // Delivered means recorded too.
      while (
        (await db()
          .forOrganization(organization.id)
          .webhookDelivery.count({ where: { endpointId: endpoint.id, status: 'PENDING' } })) > 0
      )
        await new Promise((resolve) => setTimeout(resolve, 5));
    });
    const bodies = inbox.received.map((request) => ({ headers: request.headers, body: request.body }));
    const fetchMs = await timed(async () => {
      for (const { headers, body } of bodies) {
        const response = await fetch(others[0].url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'webhook-id': String(headers['webhook-id']),
            'webhook-timestamp': String(headers['webhook-timestamp']),
            'webhook-signature': String(headers['webhook-signature']),
          },
          body,
        });
        await response.arrayBuffer();
      }
    });
    const deliveryRate = (DELIVERIES / deliveryMs) * 1000;
    const fetchRate = (DELIVERIES / fetchMs) * 1000;
    await updateWebhookEndpoint(caller, { id: endpoint.id, enabled: false });

    // Isolation: the same number of events to a live endpoint, alone and then beside a dead one.
    const liveDelivery = async (label: string, beside?: string) => {
      const live = await startReceiver();
      try {
        const ids: string[] = [];
        for (const url of [live.url, ...(beside ? [beside] : [])]) {
          const { endpoint: made } = await createWebhookEndpoint(caller, { url, eventTypes: ['points.changed'] });
          await updateWebhookEndpoint(caller, { id: made.id, enabled: false });
          ids.push(made.id);
        }
        await recordEvents(label, ISOLATION);
        const ms = await timed(async () => {
          await Promise.all(ids.map((id) => updateWebhookEndpoint(caller, { id, enabled: true })));
          await live.until(ISOLATION);
        });
        for (const id of ids) await updateWebhookEndpoint(caller, { id, enabled: false });
        return ms;
      } finally {
        await live.close();
      }
    };
    const alone = await liveDelivery('alone');
    const besideDead = await liveDelivery('beside-dead', dead.url);

    // The write path: recordEvents with no endpoint, then with three subscribed to everything.
    const writes = async (label: string) => {
      const times: number[] = [];
      for (let round = 0; round < ROUNDS; round++)
        times.push(await timed(() => recordEvents(`${label}-${round}`, PURCHASES)));
      return median(times);
    };
    await recordEvents('warm', PURCHASES);
    const without = await writes('none');
    for (const receiver of others) {
      await createWebhookEndpoint(caller, { url: receiver.url, eventTypes: [...PUBLIC_EVENT_TYPES] });
    }
    const withEndpoints = await writes('three');

    console.log(`\n[${target.label}] webhooks`);
    console.log(`  bare fetch loop:      ${Math.round(fetchRate).toLocaleString('en')} POSTs/s`);
    console.log(
      `  webhook deliveries:   ${Math.round(deliveryRate).toLocaleString('en')} deliveries/s (${((deliveryRate / fetchRate) * 100).toFixed(0)} % of the loop; goal ≥ 50 % and ≥ 200/s)`,
    );
    console.log(`  recordEvents of ${PURCHASES} purchases, median of ${ROUNDS}:`);
    console.log(`    no endpoint:        ${without.toFixed(0)} ms`);
    console.log(
      `    3 endpoints, all types: ${withEndpoints.toFixed(0)} ms (${(withEndpoints / without).toFixed(2)}×; goal ≤ 1.15×)`,
    );
    console.log(
      `  isolation: ${ISOLATION} deliveries to a live endpoint alone ${alone.toFixed(0)} ms, beside a dead one ${besideDead.toFixed(0)} ms (${(besideDead / alone).toFixed(2)}×)`,
    );
  } finally {
    for (const receiver of [...receivers, dead]) await receiver.close();
    await app.stop();
  }
}
