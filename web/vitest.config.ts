// The dashboard's unit tests (`src/**/*.test.ts`), as the `web` project of tests/vitest.config.ts.
// Svelte's plugin compiles rune files (`*.svelte.ts`) the way the browser gets them.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineProject } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineProject({
  plugins: [svelte()],
  resolve: {
    conditions: ['browser'],
    alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) },
  },
  test: {
    name: 'web',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
