// The dashboard's production server: SvelteKit's adapter-node handler on TROFAST_WEB_PORT, and
// graphql-ws on /graphql proxied to the API with the session cookie's token (the page never has it).
import { createServer } from 'node:http';
import { createGraphqlWsProxy } from './src/lib/server/graphql-ws-proxy.js';

// adapter-node assumes https unless told otherwise, and its CSRF check then refuses every form
// posted over plain http (sign-in included). Without ORIGIN, tell it the protocol this socket
// really uses, in a header of our own that overwrites whatever a client sent.
const PROTOCOL_HEADER = 'x-trofast-protocol';
if (!process.env.ORIGIN) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
const { handler } = await import('./build/handler.js');

const port = Number(process.env.TROFAST_WEB_PORT ?? 3000);
const log = (level, message, fields = {}) =>
  console.log(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));

const server = createServer((request, response) => {
  if (!process.env.ORIGIN) request.headers[PROTOCOL_HEADER] = 'encrypted' in request.socket ? 'https' : 'http';
  handler(request, response);
});
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
