import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';
import { createGraphqlWsProxy } from './src/lib/server/graphql-ws-proxy.js';

/** `vite dev` gets the same graphql-ws proxy as web/server.js, on Vite's own HTTP server. */
function graphqlWsProxy(): Plugin {
  return {
    name: 'trofast-graphql-ws-proxy',
    configureServer(server) {
      const proxy = createGraphqlWsProxy({
        log: (level, message, fields) => server.config.logger.warn(`${level}: ${message} ${JSON.stringify(fields)}`),
      });
      // Other upgrades (Vite's HMR socket) are left to Vite.
      server.httpServer?.on('upgrade', (request, socket, head) => proxy(request, socket, head));
    },
  };
}

/** Under `pnpm dev`, tells api/src/cli.ts over IPC once the dev server listens, as web/server.js does. */
function reportReady(): Plugin {
  return {
    name: 'trofast-report-ready',
    configureServer(server) {
      server.httpServer?.once('listening', () => {
        const address = server.httpServer?.address();
        if (address && typeof address === 'object') process.send?.({ ready: address.port });
      });
    },
  };
}

export default defineConfig({ plugins: [sveltekit(), graphqlWsProxy(), reportReady()] });
