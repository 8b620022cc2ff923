// The dashboard's production server: SvelteKit's adapter-node handler on TROFAST_WEB_PORT.
import { createServer } from 'node:http';
import { handler } from './build/handler.js';

const port = Number(process.env.TROFAST_WEB_PORT ?? 3000);
const server = createServer(handler);
server.listen(port, () => {
  console.log(JSON.stringify({ time: new Date().toISOString(), level: 'info', message: 'dashboard listening', port }));
});
const stop = () => server.close(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
