// Imports of a shop's customers and history from CSV: analysed first (the dry run: every row's
// problems with its line and field, nothing applied), then applied in the background through the
// same write path as recordEvents. A row's identity is the file's hash and its line, so applying a
// file again, under any name, finds its rows applied already and changes nothing.
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { systemCaller, type AuthenticatedCaller } from '../auth/caller.ts';
import type { TenantTx } from '../db/client.ts';
import { bulkInsert } from '../db/bulk-insert.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { FieldErrors, NotFoundError, ValidationError } from '../domain/errors.ts';
import { IMPORT_FIELDS } from '../domain/imports/import-fields.ts';
import { matchHeaders, type ColumnMapping } from '../domain/imports/match-headers.ts';
import { readRow, type RowConventions, type RowData, type RowProblem } from '../domain/imports/read-row.ts';
import type { Channel, CustomerKind, Direction, ImportKind, InteractionKind, Locale } from '../domain/types.ts';
import { addMonthsUtc } from '../domain/time/add-months.ts';
import { runtime, tenantDb } from '../runtime.ts';
import { emit } from './event-log.service.ts';
import { CLOCK_SKEW_MS, recordEvents, type EventInput } from './events.service.ts';
import { appendEntries, lockCustomers } from './ledger.service.ts';
import { organizationSettings } from './organization-settings.service.ts';
import { recomputeWithinWrite } from './recompute.service.ts';
import { outsideRequest, writeTransaction } from './transaction.service.ts';

/** Rows read, checked and stored per round trip while analysing, and applied per transaction. */
const BATCH = 1000;
/** Larger files are refused before they are read to the end. */
export const MAX_IMPORT_ROWS = 100_000;

export interface StartImportInput {
  kind: ImportKind;
  file: File;
  mapping?: { column: string; field?: string | null }[] | null;
}

interface AnalysedRow {
  line: number;
  cells: string[];
  data: RowData | null;
  problems: RowProblem[];
}

/** A semicolon file is a Danish (or Swedish, Norwegian) spreadsheet's: decimal commas. */
function delimiterOf(firstLine: string): ',' | ';' {
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** The file's bytes, hashed as they pass, with the header line's delimiter found in the first chunk. */
async function openCsv(file: File) {
  const hash = createHash('sha256');
  const reader = file.stream().getReader();
  const first = await reader.read();
  const head = first.done ? Buffer.alloc(0) : Buffer.from(first.value);
  const delimiter = delimiterOf(head.toString('utf8').split(/\r?\n/, 1)[0] ?? '');
  async function* bytes() {
    if (head.length > 0) {
      hash.update(head);
      yield head;
    }
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      hash.update(next.value);
      yield Buffer.from(next.value);
    }
  }
  // Never splitting lines by hand: quoted cells hold delimiters and line breaks.
  const records = Readable.from(bytes()).pipe(
    parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: false }),
  );
  return { records: records as AsyncIterable<string[]>, delimiter, digest: () => hash.digest('hex') };
}

/** The mapping the caller corrected, checked against the file's columns and the kind's fields. */
function checkMapping(kind: ImportKind, columns: string[], given: StartImportInput['mapping']): ColumnMapping[] {
  const mapping = given
    ? given.map((entry) => ({ column: entry.column, field: entry.field ?? null }))
    : matchHeaders(kind, columns);
  const problems = new FieldErrors();
  const fields = new Set(IMPORT_FIELDS[kind].map((field) => field.name));
  const used = new Set<string>();
  mapping.forEach((entry, index) => {
    if (!columns.includes(entry.column))
      problems.add(['input', 'mapping', String(index), 'column'], `The file has no column "${entry.column}".`);
    if (entry.field === null) return;
    if (!fields.has(entry.field))
      problems.add(
        ['input', 'mapping', String(index), 'field'],
        `${entry.field} is not a field of this import; use one of ${[...fields].join(', ')}.`,
      );
    else if (used.has(entry.field))
      problems.add(['input', 'mapping', String(index), 'field'], `${entry.field} is filled by one column only.`);
    used.add(entry.field);
  });
  for (const field of IMPORT_FIELDS[kind])
    if (field.required && !used.has(field.name))
      problems.add(['input', 'mapping'], `No column fills ${field.name}, which every row needs.`);
  problems.throwIfAny();
  return mapping;
}

/** The identity that makes a row the same whichever file holds it, when the row has one. */
function ownIdentity(kind: ImportKind, data: RowData): string | null {
  if (kind === 'CUSTOMERS') return `customer:${data.externalId}`;
  if (kind === 'PURCHASES' && data.externalRef) return `purchase:${data.externalRef}`;
  return null;
}

/** Checks what needs the database: the customers the rows name. */
async function checkCustomers(tx: TenantTx, kind: ImportKind, batch: AnalysedRow[]): Promise<void> {
  if (kind !== 'CUSTOMERS') {
    const named = [...new Set(batch.flatMap((row) => (row.data ? [String(row.data.customer)] : [])))];
    const found = new Set(
      (await tx.customer.findMany({ where: { externalId: { in: named } }, select: { externalId: true } })).map(
        (customer) => customer.externalId,
      ),
    );
    for (const row of batch) {
      if (row.data && !found.has(String(row.data.customer))) {
        row.problems.push({ field: 'customer', message: `No customer has the number "${row.data.customer}".` });
        row.data = null;
      }
    }
  }
}

async function storeRows(tx: TenantTx, organizationId: string, importId: string, batch: AnalysedRow[]) {
  await bulkInsert(
    tx,
    'ImportRow',
    [
      ['id', 'text'],
      ['organizationId', 'text'],
      ['importId', 'text'],
      ['line', 'int'],
      ['cells', 'jsonb'],
      ['data', 'jsonb'],
      ['problems', 'jsonb'],
    ],
    batch.map((row) => ({
      id: randomUUID(),
      organizationId,
      importId,
      line: row.line,
      // PostgreSQL text holds no NUL: the error file shows it as U+FFFD, where the fix is needed.
      cells: row.cells.map((cell) => cell.replaceAll('\u0000', '\uFFFD')),
      data: row.data,
      problems: row.problems.length > 0 ? row.problems : null,
    })),
  );
}

/** The dry run: reads the whole file, stores each row with what it means or what is wrong with it. */
export async function startImport(caller: AuthenticatedCaller, input: StartImportInput) {
  const settings = await organizationSettings(caller);
  const { records, delimiter, digest } = await openCsv(input.file);
  const now = runtime().clock.now();
  const conventions: RowConventions = {
    decimalSeparator: delimiter === ';' ? ',' : '.',
    currencies: Object.keys(settings.loyalty.earnRates),
    now,
    skewMs: CLOCK_SKEW_MS,
  };
  const importId = randomUUID();
  return writeTransaction(
    caller.organizationId,
    async (tx) => {
      let columns: string[] | null = null;
      let mapping: ColumnMapping[] = [];
      const counts = { rows: 0, valid: 0, invalid: 0 };
      const seen = new Map<string, number>();
      let batch: AnalysedRow[] = [];
      const rowsOf = async () => {
        if (batch.length === 0) return;
        await checkCustomers(tx, input.kind, batch);
        for (const row of batch) counts[row.data ? 'valid' : 'invalid']++;
        await storeRows(tx, caller.organizationId, importId, batch);
        batch = [];
      };
      let line = 0;
      for await (const cells of records) {
        line++;
        if (!columns) {
          columns = cells.map((cell) => cell.trim());
          mapping = checkMapping(input.kind, columns, input.mapping);
          // The row's table must exist before its rows: it is created with the header's mapping.
          await tx.import.create({
            data: {
              id: importId,
              organizationId: caller.organizationId,
              kind: input.kind,
              fileName: input.file.name || 'import.csv',
              fileHash: '',
              columns,
              mapping: mapping as unknown as Prisma.InputJsonValue,
              rows: 0,
              validRows: 0,
              invalidRows: 0,
              createdById: caller.kind === 'user' ? caller.userId : null,
              createdAt: now,
            },
          });
          continue;
        }
        // A blank line in a sheet is no row to import.
        if (cells.every((cell) => cell.trim() === '')) continue;
        if (++counts.rows > MAX_IMPORT_ROWS)
          throw ValidationError.at(['input', 'file'], `At most ${MAX_IMPORT_ROWS} rows in one file; split it.`);
        const values: Record<string, string> = {};
        for (const entry of mapping) {
          if (entry.field) values[entry.field] = cells[columns.indexOf(entry.column)] ?? '';
        }
        const { data, problems } = readRow(input.kind, values, conventions);
        const row: AnalysedRow = { line, cells, data, problems: [...problems] };
        const identity = data && ownIdentity(input.kind, data);
        if (identity) {
          const first = seen.get(identity);
          if (first !== undefined) {
            const field = input.kind === 'CUSTOMERS' ? 'externalId' : 'externalRef';
            row.problems.push({ field, message: `Line ${first} has the same ${field}.` });
            row.data = null;
          } else seen.set(identity, line);
        }
        batch.push(row);
        if (batch.length >= BATCH) await rowsOf();
      }
      if (!columns) throw ValidationError.at(['input', 'file'], 'The file is empty: the first line names the columns.');
      await rowsOf();
      const fileHash = digest();
      const [{ alreadyImported }] = await tx.$queryRaw<{ alreadyImported: number }[]>`
        SELECT count(*)::int AS "alreadyImported" FROM "ImportRow" r
        JOIN "ImportedRow" i ON i."organizationId" = r."organizationId" AND i.key = ${fileHash} || ':' || r.line
        WHERE r."importId" = ${importId} AND r."organizationId" = ${caller.organizationId} AND r.data IS NOT NULL`;
      return tx.import.update({
        where: { id: importId },
        data: {
          fileHash,
          rows: counts.rows,
          validRows: counts.valid,
          invalidRows: counts.invalid,
          alreadyImportedRows: alreadyImported,
        },
      });
    },
    { answersRequest: true },
  );
}

const inFlight = new Set<Promise<void>>();

/** Resolves once every import this process is applying has finished (tests, and a clean stop). */
export async function importsSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

/** Starts applying an analysed import in the background; its progress arrives through importChanged. */
export async function applyImport(caller: AuthenticatedCaller, id: string) {
  const started = await writeTransaction(caller.organizationId, async (tx) => {
    const found = await tx.import.findUnique({ where: { id } });
    if (!found) throw new NotFoundError('Import');
    if (found.status !== 'ANALYZED')
      throw ValidationError.at(
        ['id'],
        'This import has been applied already; upload the file again to analyse it anew.',
      );
    const applying = await tx.import.update({
      where: { id },
      data: { status: 'APPLYING', updatedAt: runtime().clock.now() },
    });
    emitProgress(tx, applying);
    return applying;
  });
  // Outside the request's context: the batches are writes of their own, not the request's idempotent
  // answer; the request's audit entry (the import, APPLYING) stands for them.
  inBackground(() => outsideRequest(() => applyRows(caller, id)));
  return started;
}

function inBackground(work: () => Promise<void>) {
  const run = work().finally(() => inFlight.delete(run));
  inFlight.add(run);
}

/**
 * An import applying whose last batch is older than this was left by a process that died: every
 * batch marks the import (updatedAt) in its own transaction, and a batch takes seconds.
 */
export const STALLED_AFTER_MS = 2 * 60_000;

/**
 * Takes over the imports a dead process left APPLYING and applies their remaining rows in the
 * background. Exactly once holds because a row is marked applied in the transaction that applies
 * it: the rows the dead process committed are skipped, the batch it had not committed is redone.
 * The claim moves updatedAt in one statement, so two instances never resume the same import.
 */
export async function resumeStalledImports(now: Date): Promise<number> {
  const claimed = await runtime().db.acrossOrganizations.$queryRaw<{ id: string; organizationId: string }[]>`
    UPDATE "Import" SET "updatedAt" = ${now}
    WHERE status = 'APPLYING' AND "updatedAt" < ${new Date(now.getTime() - STALLED_AFTER_MS)}
    RETURNING id, "organizationId"`;
  for (const { id, organizationId } of claimed) {
    runtime().log.warn('resuming an import left applying', { importId: id, organizationId });
    inBackground(() => applyRows(systemCaller(organizationId), id));
  }
  return claimed.length;
}

function emitProgress(tx: TenantTx, row: { id: string; status: string; appliedRows: number }) {
  emit(tx, 'import.changed', {
    import: encodeGlobalID('Import', row.id),
    status: row.status,
    appliedRows: row.appliedRows,
  });
}

/** Marks rows applied and counts them, in the transaction that applied them. */
async function markApplied(tx: TenantTx, organizationId: string, importId: string, keys: string[]) {
  if (keys.length > 0) {
    await bulkInsert(
      tx,
      'ImportedRow',
      [
        ['organizationId', 'text'],
        ['key', 'text'],
        ['importId', 'text'],
        ['at', 'timestamp(3)'],
      ],
      keys.map((key) => ({ organizationId, key, importId, at: runtime().clock.now() })),
    );
  }
  const progressed = await tx.import.update({
    where: { id: importId },
    // On the runtime's clock: resumeStalledImports compares it with that clock.
    data: { appliedRows: { increment: keys.length }, updatedAt: runtime().clock.now() },
  });
  emitProgress(tx, progressed);
}

async function applyRows(caller: AuthenticatedCaller, importId: string): Promise<void> {
  const db = tenantDb(caller);
  const { kind, fileHash } = await db.import.findUniqueOrThrow({ where: { id: importId } });
  // Two batches at a time: while one waits on the database, the next is read and prepared. Each
  // takes its customers first and the import's row and the event sequence last, in that order, so
  // two never deadlock; the part of a customer too big for one batch waits for the part before,
  // so a customer's rows keep the file's order.
  let applying: Promise<{ error: unknown } | null> = Promise.resolve(null);
  let applyingUpTo = '';
  const settled = async (batch: typeof applying) => {
    const failure = await batch;
    if (failure) throw failure.error;
  };
  try {
    // Rows in the order of their customer, then of their line: a batch then holds a few customers,
    // each recomputed once for many rows, rather than every customer of the file once per batch
    // (2.6× faster for a history of 100 rows a customer).
    for (let after = { customer: '', line: 0 }; ;) {
      let rows = await db.$queryRaw<{ line: number; key: string; data: RowData; customer: string }[]>`
        SELECT line, ${fileHash} || ':' || line AS key, data, COALESCE(data->>'customer', '') AS customer FROM "ImportRow"
        WHERE "organizationId" = ${caller.organizationId} AND "importId" = ${importId} AND data IS NOT NULL
          AND (COALESCE(data->>'customer', ''), line) > (${after.customer}, ${after.line})
        ORDER BY COALESCE(data->>'customer', ''), line
        LIMIT ${BATCH + 1}`;
      if (rows.length === 0) break;
      // Whole customers per batch, so that each customer's alerts are decided once, on the state
      // after all of its rows: a customer whose rows go on past the batch goes to the next one,
      // unless it is the batch's only customer (one with more rows than a batch is taken in parts).
      const next = rows.length > BATCH ? rows.pop()! : null;
      if (next && next.customer === rows.at(-1)!.customer && rows[0].customer !== next.customer)
        rows = rows.filter((row) => row.customer !== next.customer);
      after = rows.at(-1)!;
      const done = new Set(
        (
          await db.importedRow.findMany({ where: { key: { in: rows.map((row) => row.key) } }, select: { key: true } })
        ).map((row) => row.key),
      );
      const todo = rows
        .filter((row) => row.data !== null && !done.has(row.key))
        .map((row) => ({ key: row.key, data: row.data as RowData }));
      if (rows[0].customer === applyingUpTo) await settled(applying);
      const previous = applying;
      applying = applyBatch(caller, importId, kind, todo).then(
        () => null,
        (error: unknown) => ({ error }),
      );
      applyingUpTo = after.customer;
      await settled(previous);
    }
    await settled(applying);
    await writeTransaction(caller.organizationId, async (tx) =>
      emitProgress(
        tx,
        await tx.import.update({
          where: { id: importId },
          data: { status: 'APPLIED', updatedAt: runtime().clock.now() },
        }),
      ),
    );
  } catch (error) {
    // The batch still running ends first: nothing is applied after the import says FAILED.
    await applying;
    runtime().log.error('import failed', { importId, error: String(error) });
    await writeTransaction(caller.organizationId, async (tx) =>
      emitProgress(
        tx,
        await tx.import.update({
          where: { id: importId },
          data: { status: 'FAILED', updatedAt: runtime().clock.now() },
        }),
      ),
    );
  }
}

const moment = (value: unknown) => (value ? new Date(String(value)) : null);

async function applyBatch(
  caller: AuthenticatedCaller,
  importId: string,
  kind: ImportKind,
  rows: { key: string; data: RowData }[],
): Promise<void> {
  const { organizationId } = caller;
  if (kind === 'PURCHASES' || kind === 'INTERACTIONS') {
    const events: EventInput[] = rows.map(({ data }) =>
      kind === 'PURCHASES'
        ? {
            purchase: {
              customer: { externalId: String(data.customer) },
              amount: { amountMinor: Number(data.amountMinor), currency: String(data.currency) },
              occurredAt: moment(data.occurredAt),
              externalRef: (data.externalRef as string | null) ?? null,
            },
          }
        : {
            interaction: {
              customer: { externalId: String(data.customer) },
              channel: data.channel as Channel,
              direction: data.direction as Direction,
              kind: data.kind as InteractionKind,
              personal: Boolean(data.personal),
              occurredAt: moment(data.occurredAt),
              note: (data.note as string | null) ?? null,
            },
          },
    );
    if (events.length === 0) return markAppliedAlone(caller, importId);
    await recordEvents(caller, events, undefined, (tx, applied) =>
      markApplied(
        tx,
        organizationId,
        importId,
        applied.map((index) => rows[index].key),
      ),
    );
    return;
  }
  if (rows.length === 0) return markAppliedAlone(caller, importId);
  const settings = await organizationSettings(caller);
  const now = runtime().clock.now();
  await writeTransaction(organizationId, async (tx) => {
    if (kind === 'CUSTOMERS') {
      // Set-based, not a statement per row: known customers take the file's values (an empty cell
      // keeps what is stored), then the others are created. A new customer's read model is
      // computed by the next background round, as upsertCustomer leaves it.
      const values = rows.map(({ data }) => ({
        id: randomUUID(),
        externalId: String(data.externalId),
        name: String(data.name),
        email: data.email as string | null,
        phone: data.phone as string | null,
        locale: data.locale as Locale | null,
        kind: data.kind as CustomerKind | null,
      }));
      const column = (name: keyof (typeof values)[number]) => values.map((value) => value[name]);
      const given = Prisma.sql`unnest(${column('id')}::text[], ${column('externalId')}::text[], ${column('name')}::text[],
        ${column('email')}::text[], ${column('phone')}::text[], ${column('locale')}::text[], ${column('kind')}::text[])
        AS v(id, ext, name, email, phone, locale, kind)`;
      await tx.$executeRaw`
        UPDATE "Customer" c SET name = v.name, email = COALESCE(v.email, c.email), phone = COALESCE(v.phone, c.phone),
          locale = COALESCE(v.locale::"Locale", c.locale), kind = COALESCE(v.kind::"CustomerKind", c.kind),
          "updatedAt" = ${now}
        FROM ${given}
        WHERE c."organizationId" = ${organizationId} AND c."externalId" = v.ext`;
      await tx.$executeRaw`
        INSERT INTO "Customer" (id, "organizationId", "externalId", name, email, phone, locale, kind,
                                "riskComputedAt", "recomputeAt", "createdAt", "updatedAt")
        SELECT v.id, ${organizationId}, v.ext, v.name, v.email, v.phone,
               COALESCE(v.locale::"Locale", ${settings.defaultLocale}::"Locale"), COALESCE(v.kind::"CustomerKind", 'PERSON'),
               ${now}, ${now}, ${now}, ${now}
        FROM ${given}
        ON CONFLICT ("organizationId", "externalId") DO NOTHING`;
    } else {
      const customers = await tx.customer.findMany({
        where: { externalId: { in: rows.map(({ data }) => String(data.customer)) } },
        select: { id: true, externalId: true },
      });
      const idOf = new Map(customers.map((customer) => [customer.externalId, customer.id]));
      // Step 2 of the lock order (transaction.service.ts): the customers, before their ledger entries.
      const balances = await lockCustomers(tx, organizationId, [...idOf.values()]);
      const { tiers } = await appendEntries(
        tx,
        organizationId,
        rows.map(({ data }) => {
          const carriedOverAt = moment(data.occurredAt) ?? now;
          return {
            customerId: idOf.get(String(data.customer))!,
            delta: Number(data.points),
            kind: 'EARN_BONUS' as const,
            reason: {
              code: 'OPENING_BALANCE',
              params: { points: Number(data.points), carriedOverAt: carriedOverAt.toISOString() },
            },
            occurredAt: carriedOverAt,
            // Carried-over points expire like points earned on the day they arrive.
            expiresAt: addMonthsUtc(now, settings.loyalty.pointsExpiryMonths),
          };
        }),
        settings,
        now,
        balances,
      );
      await recomputeWithinWrite(tx, organizationId, [...idOf.values()], settings, now, {
        customersLocked: true,
        tiers,
      });
    }
    await markApplied(
      tx,
      organizationId,
      importId,
      rows.map((row) => row.key),
    );
  });
}

/** A batch whose rows were all applied before still reports its progress. */
async function markAppliedAlone(caller: AuthenticatedCaller, importId: string) {
  await writeTransaction(caller.organizationId, (tx) => markApplied(tx, caller.organizationId, importId, []));
}

/** The failed rows as the file had them, with an "error" column saying what to fix. */
export async function failedRowsCsv(caller: AuthenticatedCaller, importId: string): Promise<string> {
  const db = tenantDb(caller);
  const found = await db.import.findUnique({ where: { id: importId }, select: { columns: true } });
  if (!found) throw new NotFoundError('Import');
  const rows = await db.importRow.findMany({
    where: { importId, problems: { not: Prisma.DbNull } },
    orderBy: { line: 'asc' },
    select: { cells: true, problems: true },
  });
  return stringify([
    [...(found.columns as string[]), 'error'],
    ...rows.map((row) => [
      ...(row.cells as string[]),
      (row.problems as unknown as RowProblem[])
        .map((problem) => (problem.field ? `${problem.field}: ${problem.message}` : problem.message))
        .join(' '),
    ]),
  ]);
}
