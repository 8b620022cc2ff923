import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildApp } from '../../api/src/app.ts';
import { loadConfig, type Config } from '../../api/src/config.ts';
import type { BenchTarget } from './run.ts';

const artifacts = fileURLToPath(new URL('../.artifacts/', import.meta.url));

/**
 * A fresh database and a running API on it, for one benchmark. `jobTimers: false` keeps the
 * background jobs quiet, so the statements counted during a run are the measured calls' own.
 */
export async function benchApp(target: BenchTarget, options: { jobTimers?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  let config: Config;
  let drop: () => Promise<void>;
  if (target.serverUrl) {
    const name = `trofast_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: target.serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(target.serverUrl);
    url.pathname = `/${name}`;
    config = loadConfig({ DATABASE_URL: url.toString(), LOG_LEVEL: 'error', TROFAST_DEMO: '0', ...options.env });
    drop = async () => {
      const client = new pg.Client({ connectionString: target.serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    };
  } else {
    mkdirSync(artifacts, { recursive: true });
    const dir = mkdtempSync(path.join(artifacts, 'bench-'));
    config = loadConfig({
      TROFAST_DATA_DIR: path.join(dir, 'data'),
      LOG_LEVEL: 'error',
      TROFAST_DEMO: '0',
      DATABASE_URL: '',
      ...options.env,
    });
    drop = async () => rmSync(dir, { recursive: true, force: true });
  }
  const app = buildApp({ config, jobTimers: options.jobTimers });
  const port = await app.start(0);
  return {
    config,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await app.stop();
      await drop();
    },
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}
