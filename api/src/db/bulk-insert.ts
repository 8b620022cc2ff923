// Many rows in one statement: `INSERT … SELECT * FROM unnest($1::type[], $2::type[], …)`, one
// array parameter per column. Prisma's createMany builds a statement per batch too, but spends
// far longer per row compiling it; ingest paths that write a thousand rows use this instead.
// Raw SQL skips the tenancy extension: the rows must carry their organizationId.
import { Prisma } from '../generated/prisma/client.ts';
import type { TenantTx } from './client.ts';
import { noteBulkInsert } from './changes.ts';

/** A column's name and its PostgreSQL type, e.g. ['amountMinor', 'bigint'] or ['kind', '"PointsEntryKind"']. */
export type Column<Row> = readonly [name: keyof Row & string, type: string];

type Value = string | number | boolean | bigint | Date | null | object;

function parameter(value: Value): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

export async function bulkInsert<Row extends Record<string, Value>>(
  tx: TenantTx,
  table: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = Prisma.raw(columns.map(([name]) => `"${name}"`).join(', '));
  // Enum arrays arrive as text[] and are cast on the way in.
  const arrays = Prisma.join(
    columns.map(([name, type]) => {
      const values = rows.map((row) => parameter(row[name]));
      return type.startsWith('"')
        ? Prisma.sql`${values}::text[]::${Prisma.raw(type)}[]`
        : Prisma.sql`${values}::${Prisma.raw(type)}[]`;
    }),
  );
  await tx.$executeRaw(Prisma.sql`INSERT INTO ${Prisma.raw(`"${table}"`)} (${names}) SELECT * FROM unnest(${arrays})`);
  noteBulkInsert(table, rows);
}
