// Imports of CSV files: startImport analyses (the dry run), applyImport applies in the background,
// importChanged follows its progress. Rules: api/src/services/import.service.ts.
import { Prisma } from '../generated/prisma/client.ts';
import { filter, pipe } from 'graphql-yoga';
import { builder } from './builder.ts';
import { ImportKindEnum, ImportStatusEnum } from './enums.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { rawId } from './ids.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import type { ColumnMapping } from '../domain/imports/match-headers.ts';
import type { RowProblem } from '../domain/imports/read-row.ts';
import { authenticated, type AuthenticatedCaller } from '../auth/caller.ts';
import type { Context } from '../context.ts';
import { runtime, tenantDb } from '../runtime.ts';
import { shared } from '../shared.ts';
import { startingWith } from '../pubsub.ts';
import { applyImport, failedRowsCsv, MAX_IMPORT_ROWS, startImport } from '../services/import.service.ts';

const ColumnMappingRef = builder.objectRef<ColumnMapping>('ColumnMapping').implement({
  description: 'Which field a column of the file fills; field null: the column is ignored.',
  fields: (t) => ({
    column: t.exposeString('column', { description: "A header of the file's first line." }),
    field: t.exposeString('field', { nullable: true, description: 'The field it fills; null: ignored.' }),
  }),
});

const ColumnMappingInput = builder.inputType('ColumnMappingInput', {
  description: 'Which field a column of the file fills, correcting the automatic match.',
  fields: (t) => ({
    column: t.string({ required: true, description: "A header of the file's first line." }),
    field: t.string({ description: 'The field it fills; null ignores the column.' }),
  }),
});

const ImportRowErrorRef = builder.objectRef<RowProblem & { line: number }>('ImportRowError').implement({
  description: 'A problem of one row: its line in the file (the header is line 1) and the field it concerns.',
  fields: (t) => ({
    line: t.exposeInt('line', {
      description: 'The line in the file; the header is line 1, the first data row line 2.',
    }),
    field: t.exposeString('field', {
      nullable: true,
      description: 'The field the problem concerns; null for the row as a whole.',
    }),
    message: t.exposeString('message', { description: 'The problem, in words.' }),
  }),
});

const ERRORS_PAGE = 100;

export const ImportNode = builder.prismaNode('Import', {
  id: { field: 'id' },
  nullable: true,
  description: 'A CSV file analysed (a dry run) and, once applied, imported.',
  fields: (t) => ({
    kind: t.expose('kind', { type: ImportKindEnum, description: 'What the file holds.' }),
    status: t.expose('status', {
      type: ImportStatusEnum,
      description: 'Where it stands, from the dry run to APPLIED or FAILED.',
    }),
    fileName: t.exposeString('fileName', { description: 'The name of the uploaded file.' }),
    rows: t.exposeInt('rows', { description: 'Data rows (blank lines aside).' }),
    validRows: t.exposeInt('validRows', {
      description: 'Rows without problems; applying imports them, except those imported before.',
    }),
    invalidRows: t.exposeInt('invalidRows', {
      description: 'Rows with at least one problem (see `errors`); applying leaves them out.',
    }),
    appliedRows: t.exposeInt('appliedRows', { description: 'Rows imported so far; 0 for a file imported before.' }),
    alreadyImportedRows: t.exposeInt('alreadyImportedRows', {
      description:
        'Valid rows this organization has imported before (the same file uploaded again): applying skips them.',
    }),
    columns: t.stringList({
      description: "The headers of the file's first line, in order.",
      select: { columns: true },
      resolve: (row) => row.columns as string[],
    }),
    mapping: t.field({
      type: [ColumnMappingRef],
      description: 'Which field each column fills, as matched or as corrected.',
      select: { mapping: true },
      resolve: (row) => row.mapping as unknown as ColumnMapping[],
    }),
    errors: t.connection(
      {
        type: ImportRowErrorRef,
        description: `Every problem of every row, in the order of the file; at most ${ERRORS_PAGE} a page.`,
        select: { id: true },
        resolve: async (row, { first, after }, context) => {
          const db = tenantDb(authenticated(context));
          const take = Math.min(first ?? ERRORS_PAGE, ERRORS_PAGE);
          const from = after ? Number(after) : 0;
          if (!Number.isSafeInteger(from) || from < 0)
            throw ValidationError.at(['after'], 'Not a cursor of this list.');
          const rows = await db.importRow.findMany({
            where: { importId: row.id, line: { gt: from }, NOT: { problems: { equals: Prisma.DbNull } } },
            orderBy: { line: 'asc' },
            take: take + 1,
            select: { line: true, problems: true },
          });
          const totalCount = await db.importRow.count({
            where: { importId: row.id, NOT: { problems: { equals: Prisma.DbNull } } },
          });
          const page = rows.slice(0, take);
          return {
            totalCount,
            edges: page.flatMap((line) =>
              (line.problems as unknown as RowProblem[]).map((problem) => ({
                cursor: String(line.line),
                node: { ...problem, line: line.line },
              })),
            ),
            pageInfo: {
              hasNextPage: rows.length > take,
              hasPreviousPage: from > 0,
              startCursor: page[0] ? String(page[0].line) : null,
              endCursor: page.at(-1) ? String(page.at(-1)!.line) : (after ?? null),
            },
          };
        },
      },
      {
        name: 'ImportRowErrorConnection',
        fields: (t) => ({
          totalCount: t.int({
            description: 'Rows with problems.',
            resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
          }),
        }),
      },
      { name: 'ImportRowErrorEdge' },
    ),
    failedRowsCsv: t.string({
      description: 'The failed rows as the file had them, with an "error" column: fix them and upload the file again.',
      select: { id: true },
      resolve: (row, _args, context) => failedRowsCsv(authenticated(context), row.id),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the file was uploaded.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed, e.g. a batch applied.' }),
  }),
});

builder.queryField('imports', (t) =>
  t.prismaConnection({
    type: 'Import',
    cursor: 'id',
    maxSize: 100,
    description: 'Newest first.',
    totalCount: (_connection, _args, context) => tenantDb(authenticated(context)).import.count(),
    resolve: (query, _root, _args, context) =>
      tenantDb(authenticated(context)).import.findMany({ ...query, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
  }),
);

const StartImportInput = builder.inputType('StartImportInput', {
  description: 'A CSV file to analyse, what it holds, and optionally the column mapping.',
  fields: (t) => ({
    kind: t.field({ type: ImportKindEnum, required: true, description: 'What the file holds.' }),
    file: t.field({
      type: 'File',
      required: true,
      description: `CSV, comma or semicolon separated, UTF-8 with or without BOM; the first line names the columns; at most ${MAX_IMPORT_ROWS} rows.`,
    }),
    mapping: t.field({
      type: [ColumnMappingInput],
      description: 'Which field each column fills; absent: matched from the headers (English or Danish names).',
    }),
  }),
});

/**
 * Runs an import's write and answers the import re-read whole: a caller asking only for
 * __typename would leave Pothos nothing to select.
 */
async function writeThenRead(context: Context, write: (caller: AuthenticatedCaller) => Promise<{ id: string }>) {
  const caller = authenticated(context);
  const { id } = await write(caller);
  return tenantDb(caller).import.findUniqueOrThrow({ where: { id } });
}

builder.mutationField('startImport', (t) =>
  t.field({
    type: ImportNode,
    description:
      'Analyses a file (a dry run): every row is checked and its problems reported with its line and field; nothing is imported until applyImport.',
    errors: {
      types: [ValidationError, ...ACCESS_ERRORS],
      dataField: { description: 'The import, analysed, with its problems.' },
    },
    args: {
      input: t.arg({ type: StartImportInput, required: true, description: 'The file, its kind and the mapping.' }),
    },
    resolve: (_root, { input }, context) => writeThenRead(context, (caller) => startImport(caller, input)),
  }),
);

builder.mutationField('applyImport', (t) =>
  t.field({
    type: ImportNode,
    description:
      "Applies an analysed import's valid rows in the background, through the same rules as recordEvents; follow it with importChanged. Rows imported before are skipped.",
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The import, being applied.' },
    },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, context) =>
      writeThenRead(context, (caller) => applyImport(caller, rawId(id, 'Import', 'id'))),
  }),
);

builder.subscriptionField('importChanged', (t) =>
  t.prismaField({
    type: 'Import',
    description:
      'The import as it is when the subscription starts, then its progress batch by batch, up to APPLIED or FAILED.',
    args: { id: t.arg.id({ required: true }) },
    subscribe: (_root, { id }, context) => {
      const wanted = rawId(id, 'Import', 'id');
      return startingWith<{ importId: string; eventId?: string }>(
        { importId: wanted },
        pipe(
          runtime().pubsub.subscribe('importChanged', authenticated(context).organizationId),
          filter((event) => event.importId === wanted),
        ),
      );
    },
    resolve: async (query, event, _args, context) => {
      const caller = authenticated(context);
      const { importId, eventId } = event as { importId: string; eventId?: string };
      // The state at the start is read afresh, never from another subscriber's earlier answer.
      if (!eventId) {
        const now = await tenantDb(caller).import.findUnique({ ...query, where: { id: importId } });
        if (!now) throw new NotFoundError('Import');
        return now;
      }
      return shared(`import:${caller.organizationId}:${importId}:${eventId}:${JSON.stringify(query)}`, () =>
        tenantDb(caller).import.findUniqueOrThrow({ ...query, where: { id: importId } }),
      );
    },
  }),
);
