// The dashboard's production server: SvelteKit's adapter-node handler on TROFAST_WEB_PORT, and
// graphql-ws on /graphql proxied to the API with the session cookie's token (the page never has it).
import { createServer } from 'node:http';
import { createGraphqlWsProxy } from './src/lib/server/graphql-ws-proxy.js';

/** A problem the operator fixes: one line, exit code 1, no stack trace (like the API's). */
function fail(message) {
  console.error(`trofast: ${message}`);
  process.exit(1);
}

// adapter-node assumes https unless told otherwise, and its CSRF check then refuses every form
// posted over plain http (sign-in included). Unless the operator says how (ORIGIN, or
// PROTOCOL_HEADER behind a proxy), tell it the protocol this socket really uses, in a header of
// our own that overwrites whatever a client sent.
const PROTOCOL_HEADER = 'x-trofast-protocol';
const ownProtocolHeader = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (ownProtocolHeader) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
let handler;
try {
  ({ handler } = await import('./build/handler.js'));
} catch (error) {
  fail(
    error.code === 'ERR_MODULE_NOT_FOUND'
      ? 'The dashboard is not built: run `npx -y pnpm@12.4.2 --filter @trofast/web build` (pnpm start builds it).'
      : `The dashboard cannot start: ${error.message}`,
  );
}

const rawPort = process.env.TROFAST_WEB_PORT || '3000';
const port = Number(rawPort);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  fail(`TROFAST_WEB_PORT=${rawPort} is not a port: use a whole number from 0 to 65535.`);
}
// LOG_LEVEL as the API reads it (api/src/config.ts): `pnpm start` sets warn unless the operator chose.
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
const threshold = LEVELS[process.env.LOG_LEVEL || 'info'] ?? LEVELS.info;
const log = (level, message, fields = {}) => {
  if (LEVELS[level] >= threshold)
    console.log(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
};

const server = createServer((request, response) => {
  if (ownProtocolHeader) request.headers[PROTOCOL_HEADER] = 'encrypted' in request.socket ? 'https' : 'http';
  handler(request, response);
});
const proxy = createGraphqlWsProxy({ log });
server.on('upgrade', (request, socket, head) => {
  if (!proxy(request, socket, head)) socket.destroy();
});
server.once('error', (error) => {
  if (error.code === 'EADDRINUSE') {
    fail(`Port ${port} is already in use. Stop the other server or set TROFAST_WEB_PORT to a free port.`);
  } else if (error.code === 'EACCES') {
    fail(
      `This process may not listen on port ${port} (ports below 1024 need privileges). Set TROFAST_WEB_PORT to a port above 1023.`,
    );
  } else {
    fail(`Cannot listen on port ${port}: ${error.message}. Set TROFAST_WEB_PORT to a free port.`);
  }
});
server.listen(port, () => {
  const bound = server.address().port;
  log('info', 'dashboard listening', { port: bound });
  // `pnpm start` (api/src/cli.ts) prints its ready line once both halves say so.
  process.send?.({ ready: bound });
});
const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
  // Upgraded sockets are no longer the HTTP server's: do not wait for them.
  setTimeout(() => process.exit(0), 1000).unref();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
