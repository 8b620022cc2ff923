// An import survives its process (PRODUCT.md "Data in and out": applying runs in the background;
// importing the same rows twice changes nothing). An API process applying 10 000 purchases is
// killed with SIGKILL while a batch waits uncommitted; a new process resumes the import at start,
// and every row is applied exactly once: the committed batches are not redone, the cut one is.
// PostgreSQL only: the moment is made with a row lock the test holds.
import { afterAll, beforeAll, expect, test } from 'vitest';
import pg from 'pg';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { db } from '../../api/src/runtime.ts';
import { recordEvent } from '../../api/src/services/events.service.ts';
import { checkLedger } from '../../api/src/services/ledger-invariants.ts';
import { STALLED_AFTER_MS, startImport } from '../../api/src/services/import.service.ts';
import { startApiProcess } from '../support/api-process.ts';
import { onPostgres } from '../support/database.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { gid } from '../support/operations.ts';
import { createCustomers } from '../support/partner.ts';

const ROWS = 10_000;
const NOW = new Date('2026-04-01T09:00:00Z');

let app: TestApp;
let org: TestOrganization;

const history = () =>
  [
    'Kundenummer,Beløb,Dato',
    // No order numbers: the row's identity (file and line) is all that keeps it from applying twice.
    ...Array.from(
      { length: ROWS },
      (_, i) => `C-${(i % 50) + 1},${100 + (i % 7)}.50,2026-03-${String((i % 28) + 1).padStart(2, '0')}`,
    ),
  ].join('\n');

const importOf = (id: string) =>
  db()
    .forOrganization(org.id)
    .import.findUniqueOrThrow({ where: { id }, select: { status: true, appliedRows: true, validRows: true } });

beforeAll(async () => {
  if (!onPostgres) return;
  app = await startTestApp({ now: NOW });
  org = await createTestOrganization(app, 'Genoptag');
  await createCustomers(org, 50, 'C');
  // The organization's event sequence has its row once it has an event: the test locks it.
  await recordEvent(systemCaller(org.id), {
    interaction: {
      customer: { externalId: 'C-1' },
      channel: 'PHONE',
      direction: 'OUTBOUND',
      kind: 'CHECK_IN',
      personal: true,
    },
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

test.skipIf(!onPostgres)(
  'an import killed mid-apply is resumed by the next process and applies each row exactly once',
  { timeout: 300_000 },
  async () => {
    const analysed = await startImport(systemCaller(org.id), {
      kind: 'PURCHASES',
      file: new File([history()], 'history.csv', { type: 'text/csv' }),
    });
    expect(analysed.validRows).toBe(ROWS);

    const first = await startApiProcess(NOW, { DATABASE_URL: app.config.databaseUrl });
    const holder = new pg.Client({ connectionString: app.config.databaseUrl });
    await holder.connect();
    try {
      const started = await fetch(`${first.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${org.tokens.ADMIN}` },
        body: JSON.stringify({
          query: `mutation ($id: ID!) { applyImport(id: $id) { __typename } }`,
          variables: { id: gid('Import', analysed.id) },
        }),
      });
      expect(await started.json()).toEqual({ data: { applyImport: { __typename: 'MutationApplyImportSuccess' } } });
      // Some batches committed …
      while ((await importOf(analysed.id)).appliedRows === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      // … and the next one waits, uncommitted, for the event sequence the test holds.
      await holder.query('BEGIN');
      await holder.query(`SELECT last FROM "EventSequence" WHERE "organizationId" = $1 FOR UPDATE`, [org.id]);
      for (;;) {
        const { rows } = await holder.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (rows[0].waiting >= 1) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      first.child.kill('SIGKILL');
      await first.exited;
      await holder.query('ROLLBACK');
    } finally {
      await holder.end();
    }
    const cut = await importOf(analysed.id);
    expect(cut.status).toBe('APPLYING');
    expect(cut.appliedRows).toBeGreaterThan(0);
    expect(cut.appliedRows).toBeLessThan(ROWS);
    expect(cut.appliedRows % 1000).toBe(0);

    // The next process starts once the import has stood still long enough to be taken for dead.
    const later = new Date(NOW.getTime() + STALLED_AFTER_MS + 60_000);
    const second = await startApiProcess(later, { DATABASE_URL: app.config.databaseUrl });
    try {
      let now = await importOf(analysed.id);
      while (now.status === 'APPLYING') {
        await new Promise((resolve) => setTimeout(resolve, 50));
        now = await importOf(analysed.id);
      }
      expect(now).toEqual({ status: 'APPLIED', appliedRows: ROWS, validRows: ROWS });
    } finally {
      await second.stop();
    }
    const tenant = db().forOrganization(org.id);
    expect(await tenant.purchase.count()).toBe(ROWS);
    expect(await tenant.importedRow.count({ where: { importId: analysed.id } })).toBe(ROWS);
    expect(await checkLedger(org.id, later)).toEqual([]);
  },
);
