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

export default defineConfig({ plugins: [sveltekit(), graphqlWsProxy()] });
