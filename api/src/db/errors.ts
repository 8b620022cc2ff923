// What a database error means to the write path. Prisma reports the driver adapter's error in
// several shapes (its own code, `meta.driverAdapterError.cause`, or `cause`): each check looks at all.

interface Cause {
  kind?: string;
  code?: string;
}

function causes(error: unknown): Cause[] {
  const known = error as {
    code?: string;
    cause?: Cause;
    meta?: { driverAdapterError?: { cause?: Cause } };
  } | null;
  if (!known || typeof known !== 'object') return [];
  return [known, known.meta?.driverAdapterError?.cause, known.cause].filter((cause): cause is Cause => !!cause);
}

/**
 * Whether a database error is a unique index refusing a row: P2002 from Prisma's own queries,
 * P2010 with the driver adapter's UniqueConstraintViolation from raw SQL (bulk inserts).
 */
export function isUniqueViolation(error: unknown): boolean {
  return causes(error).some((cause) => cause.code === 'P2002' || cause.kind === 'UniqueConstraintViolation');
}

/** A deadlock or a serialization failure: running the whole transaction again is the cure. */
export function isWriteConflict(error: unknown): boolean {
  return causes(error).some(
    (cause) =>
      cause.code === 'P2034' ||
      cause.kind === 'TransactionWriteConflict' ||
      cause.code === '40P01' ||
      cause.code === '40001',
  );
}

/** `lock_timeout` or `statement_timeout` ran out, or the database did not answer the client in time. */
export function isDatabaseTimeout(error: unknown): boolean {
  // pg's own bounds on waiting for an answer (query_timeout) or a connection, as the driver adapter passes them on.
  if (
    /Query read timeout|timeout exceeded when trying to connect|Connection terminated due to connection timeout/.test(
      String((error as Error)?.message),
    )
  )
    return true;
  return causes(error).some(
    (cause) =>
      cause.code === '55P03' ||
      cause.code === '57014' ||
      cause.kind === 'SocketTimeout' ||
      // Prisma's own bounds: no connection within maxWait, or the transaction outlived its timeout.
      cause.code === 'P2024' ||
      cause.code === 'P2028',
  );
}
