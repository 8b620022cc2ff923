// `pnpm bench import`: 100 000 purchases imported from CSV (startImport's dry run, then applyImport
// to the end), against a raw server-side `COPY` of the same rows into "Purchase" in the same run.
// Goal: ≥ 5 % of COPY's rows per second and ≤ 60 s; the process's peak resident memory is printed.
// PostgreSQL only (COPY from a file is the server's).
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { db } from '../../api/src/runtime.ts';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { createOrganization } from '../../api/src/services/organization.service.ts';
import { applyImport, importsSettled, startImport } from '../../api/src/services/import.service.ts';
import { benchApp, timed } from './support.ts';
import type { BenchTarget } from './run.ts';

const ROWS = 100_000;
const CUSTOMERS = 1000;

async function benchOrganization(name: string) {
  const organization = await createOrganization(name, [
    { email: `bench-${randomUUID()}@bench.example`, name: 'Bench', role: 'ADMIN', password: 'benchmark-password' },
  ]);
  await db().acrossOrganizations.$executeRaw`
    INSERT INTO "Customer" (id, "organizationId", "externalId", name, locale, "riskComputedAt", "updatedAt")
    SELECT gen_random_uuid()::text, ${organization.id}, 'B-' || n, 'Kunde ' || n, 'DA', now(), now()
    FROM generate_series(1, ${CUSTOMERS}) AS n`;
  return organization;
}

export async function importBenchmark(target: BenchTarget): Promise<void> {
  if (!target.serverUrl) {
    console.log('import: PostgreSQL only (COPY from a file is the server’s); skipped on PGlite');
    return;
  }
  const app = await benchApp(target);
  const folder = mkdtempSync(path.join(tmpdir(), 'trofast-bench-import-'));
  chmodSync(folder, 0o755);
  try {
    const day = (i: number) => `2026-0${(i % 9) + 1}-${String((i % 28) + 1).padStart(2, '0')}`;
    const csv = [
      'Kundenummer,Beløb,Dato',
      ...Array.from({ length: ROWS }, (_, i) => `B-${(i % CUSTOMERS) + 1},${100 + (i % 900)}.50,${day(i)}`),
    ].join('\n');

    // The baseline: the same rows, COPY'd by the server from a file, into an organization of its own.
    const copied = await benchOrganization('Bench COPY');
    const ids = await db().acrossOrganizations.customer.findMany({
      where: { organizationId: copied.id },
      select: { id: true, externalId: true },
    });
    const idOf = new Map(ids.map((customer) => [customer.externalId, customer.id]));
    const copyFile = path.join(folder, 'purchases.csv');
    writeFileSync(
      copyFile,
      Array.from(
        { length: ROWS },
        (_, i) =>
          `${randomUUID()},${copied.id},${idOf.get(`B-${(i % CUSTOMERS) + 1}`)},${(100 + (i % 900)) * 100 + 50},DKK,${day(i)}`,
      ).join('\n'),
    );
    chmodSync(copyFile, 0o644);
    const client = new pg.Client({ connectionString: app.config.databaseUrl });
    await client.connect();
    const copyMs = await timed(() =>
      client.query(
        `COPY "Purchase" (id, "organizationId", "customerId", "amountMinor", currency, "occurredAt") FROM '${copyFile}' WITH (FORMAT csv)`,
      ),
    );
    await client.end();

    const organization = await benchOrganization('Bench import');
    const caller = systemCaller(organization.id);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    const start = process.memoryUsage().rss;
    let analyseMs = 0;
    const importMs = await timed(async () => {
      let id = '';
      analyseMs = await timed(async () => {
        id = (await startImport(caller, { kind: 'PURCHASES', file: new File([csv], 'purchases.csv') })).id;
      });
      await applyImport(caller, id);
      await importsSettled();
    });
    clearInterval(sampler);
    const applied = await db().forOrganization(organization.id).purchase.count();
    if (applied !== ROWS) throw new Error(`the import applied ${applied} of ${ROWS} purchases`);

    const rate = (ms: number) => Math.round(ROWS / (ms / 1000));
    const share = rate(importMs) / rate(copyMs);
    console.log(
      `import ${target.label}: ${ROWS} purchases in ${(importMs / 1000).toFixed(1)} s (dry run ${(analyseMs / 1000).toFixed(1)} s), ` +
        `${rate(importMs)} rows/s · COPY ${rate(copyMs)} rows/s · ratio ${(share * 100).toFixed(1)} % ` +
        `(goal ≥ 5 % and ≤ 60 s: ${share >= 0.05 && importMs <= 60_000 ? 'met' : 'missed'}) · ` +
        `RSS ${(start / 2 ** 20).toFixed(0)} → peak ${(peak / 2 ** 20).toFixed(0)} MB`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await app.stop();
  }
}
