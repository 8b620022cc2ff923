// Starts the API: `pnpm start:api`. Configuration problems are one line and a non-zero exit.
// Under `pnpm start` it tells its parent over IPC once it serves, so the parent's "ready" line is true.
import { buildApp, type StartStep } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { demoSignIn } from './seed/demo.ts';

/** What the API tells `pnpm start` while it starts: a step under way, then that it serves. */
export type StartMessage = StartStep | ReadyMessage;

/** What `pnpm start` waits for from each of its two processes before it says Trofast is up. */
export interface ReadyMessage {
  /** The port the process listens on. */
  ready: number;
  /** The demo's sign-in, while its staff still have the demo password. */
  demoSignIn?: string;
}

async function main(): Promise<void> {
  const app = buildApp({ config: loadConfig(), onStep: (step) => process.send?.(step satisfies StartMessage) });
  let port: number;
  try {
    port = await app.start();
  } catch (error) {
    // Release what did open (the embedded database's lock above all) before saying why.
    await app.stop().catch(() => {});
    throw error;
  }
  // Ctrl-C under `pnpm start` brings SIGINT from the terminal and SIGTERM from the parent: stop once.
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  if (process.send) process.send({ ready: port, demoSignIn: await demoSignIn() } satisfies ReadyMessage);
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? `trofast: ${error.message}` : error);
  process.exit(1);
});
