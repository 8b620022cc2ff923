// The dashboard's production server: SvelteKit's adapter-node handler on TROFAST_WEB_PORT, and
// graphql-ws on /graphql proxied to the API with the session cookie's token (the page never has it).
import { createServer } from 'node:http';
import { handler } from './build/handler.js';
import { createGraphqlWsProxy } from './src/lib/server/graphql-ws-proxy.js';

const port = Number(process.env.TROFAST_WEB_PORT ?? 3000);
const log = (level, message, fields = {}) =>
  console.log(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));

const server = createServer(handler);
const proxy = createGraphqlWsProxy({ log });
server.on('upgrade', (request, socket, head) => {
  if (!proxy(request, socket, head)) socket.destroy();
});
server.listen(port, () => log('info', 'dashboard listening', { port }));
const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
  // Upgraded sockets are no longer the HTTP server's: do not wait for them.
  setTimeout(() => process.exit(0), 1000).unref();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
