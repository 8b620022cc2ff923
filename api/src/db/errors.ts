/**
 * Whether a database error is a unique index refusing a row: P2002 from Prisma's own queries,
 * P2010 with the driver adapter's UniqueConstraintViolation from raw SQL (bulk inserts).
 */
export function isUniqueViolation(error: unknown): boolean {
  const known = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };
  return (
    known.code === 'P2002' ||
    (known.code === 'P2010' && known.meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation')
  );
}
