// Another API process for tests that need two (`node --import tsx tests/support/instance.ts`):
// configured by the environment like `pnpm start:api`, but on the test's clock, standing still at
// TROFAST_TEST_NOW, and without job timers. Real timers on the real clock would run jobs of their
// own and raise alerts the test did not ask for; this instance only serves and relays.
import { buildApp } from '../../api/src/app.ts';
import { ManualClock } from '../../api/src/clock.ts';
import { loadConfig } from '../../api/src/config.ts';

const now = process.env.TROFAST_TEST_NOW;
if (!now) throw new Error('Set TROFAST_TEST_NOW to the test clock’s time.');
const app = buildApp({ config: loadConfig(), clock: new ManualClock(new Date(now)), jobTimers: false });
await app.start();
process.once('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
