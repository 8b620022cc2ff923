// Starts the API: `pnpm start:api`. Configuration problems are one line and a non-zero exit.
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';

async function main(): Promise<void> {
  const app = buildApp({ config: loadConfig() });
  await app.start();
  const shutdown = () => {
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: Error) => {
  if (error instanceof ConfigError) {
    console.error(`trofast: ${error.message}`);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      `trofast: the port is already in use (${error.message}). Stop the other server or set TROFAST_API_PORT.`,
    );
  } else {
    console.error(error);
  }
  process.exit(1);
});
