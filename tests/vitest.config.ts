import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  test: {
    root,
    // Each file gets its own process: the API keeps one runtime (database, event bus) per process.
    pool: 'forks',
    maxWorkers: 2,
    // Bounds for a test that hangs, not speed limits: on a 2-core machine running a second suite
    // beside this one, opening a fresh embedded database and seeding it takes over a minute.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        // Inherits the timeouts above.
        extends: true,
        resolve: {
          // Node loads graphql's CommonJS build for the libraries (yoga, Pothos); Vite would give our
          // own code the ESM build, and two copies of GraphQLError or a scalar never match.
          alias: [{ find: /^graphql$/, replacement: `${root}node_modules/graphql/index.js` }],
        },
        test: {
          name: 'api',
          root,
          include: ['api/src/**/*.test.ts', 'tests/**/*.test.ts', 'tests/e2e/**/*.e2e.ts'],
          // tests/run.ts leaves the browser tests out, saying why, when Chromium is missing.
          exclude: [
            '**/node_modules/**',
            'web/**',
            ...(process.env.TROFAST_SKIP_BROWSER_TESTS ? ['tests/e2e/**'] : []),
          ],
        },
      },
      // The dashboard's units need Svelte's compiler for rune files: web/ has its own project file.
      'web/vitest.config.ts',
    ],
  },
});
