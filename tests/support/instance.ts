// Another API process for tests that need two (`node --import tsx tests/support/instance.ts`):
// configured by the environment like `pnpm start:api`, but on the test's clock, standing still at
// TROFAST_TEST_NOW, and without job timers. Real timers on the real clock would run jobs of their
// own and raise alerts the test did not ask for; this instance only serves and relays.
import { buildApp } from '../../api/src/app.ts';
import { ManualClock } from '../../api/src/clock.ts';
import { loadConfig } from '../../api/src/config.ts';
import { runtime } from '../../api/src/runtime.ts';

const now = process.env.TROFAST_TEST_NOW;
if (!now) throw new Error('Set TROFAST_TEST_NOW to the test clock’s time.');
const app = buildApp({ config: loadConfig(), clock: new ManualClock(new Date(now)), jobTimers: false });
await app.start();
// The test asks over IPC how many subscriptions have listened to an organization and how far the
// relay has delivered its events (ApiProcess.untilListening, untilDelivered).
// Asked for 'memory', it collects its garbage first (node --expose-gc) and answers its resident
// memory and its JavaScript heap: what it holds on to, not what it has yet to collect.
process.on('message', (organizationId: string) => {
  if (organizationId === 'memory') {
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send?.({ memory: { rss, heapUsed } });
    return;
  }
  const { pubsub, events } = runtime();
  process.send?.({
    organizationId,
    subscribed: pubsub.subscribed(organizationId),
    delivered: String(events.delivered(organizationId)),
  });
});
process.once('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
