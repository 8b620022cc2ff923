// `pnpm bench`: every benchmark, each against a baseline measured in the same run, printing
// figures and ratios. PGlite always; PostgreSQL too when it answers (BENCH_DATABASE_URL, or
// DATABASE_URL, or the local server).
import pg from 'pg';
import { ingestBenchmark } from './ingest.ts';
import { fanoutBenchmark } from './fanout.ts';
import { recomputeJobBenchmark } from './recompute-job.ts';
import { loginBenchmark } from './login.ts';
import { boardBenchmark } from './board.ts';
import { writeBenchmark } from './write.ts';
import { askingBenchmark } from './asking.ts';
import { webhooksBenchmark } from './webhooks.ts';
import { scaleBenchmark } from './scale.ts';
import { memberBenchmark } from './member.ts';
import { importBenchmark } from './import.ts';

export interface BenchTarget {
  label: 'PGlite' | 'PostgreSQL';
  /** The server to create a throwaway database on; undefined for PGlite. */
  serverUrl?: string;
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const targets: BenchTarget[] = [{ label: 'PGlite' }];
if (await reachable(serverUrl)) targets.push({ label: 'PostgreSQL', serverUrl });
else console.log(`PostgreSQL at ${serverUrl} does not answer: measuring PGlite only.`);

const only = process.argv[2];
for (const target of targets) {
  if (!only || only === 'ingest') await ingestBenchmark(target);
  if (!only || only === 'fanout') await fanoutBenchmark(target);
  if (!only || only === 'recompute') await recomputeJobBenchmark(target);
  if (!only || only === 'login') await loginBenchmark(target);
  if (!only || only === 'write') await writeBenchmark(target);
  if (!only || only === 'asking') await askingBenchmark(target);
  if (!only || only === 'webhooks') await webhooksBenchmark(target);
  // Minutes of filling: only when asked for, with the number of customers (`pnpm bench scale 1000000`).
  if (only === 'scale') await scaleBenchmark(target, Number(process.argv[3]) || undefined);
  if (!only || only === 'member') await memberBenchmark(target);
  if (!only || only === 'import') await importBenchmark(target);
}
// The dashboard's board does not depend on the database.
if (!only || only === 'board') await boardBenchmark();
