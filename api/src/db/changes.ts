// Which records a write created or changed, for its audit entry (services/audit.service.ts). A
// client extension notes the global id of every row a single-row create, update, upsert or delete
// (or an `…AndReturn` batch) returns of a model the API shows as a Node, in the notes the running
// writeTransaction opened; bulk SQL statements are not seen here: the write's events name what
// they changed. While a mutation runs in its audit scope, a write statement made through an
// organization's client outside writeTransaction is refused: its entry could not be stored in its
// transaction. The unbound clients (rate limits, sign-in throttling, authentication's last-used
// times) are not seen here: those records are not audited.
import { AsyncLocalStorage } from 'node:async_hooks';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { Prisma } from '../generated/prisma/client.ts';
import type { AuthenticatedCaller } from '../auth/caller.ts';

/**
 * Models whose rows are Nodes of the API under the same name and that a request changes. The event
 * log, webhook deliveries and ledger entries are the effects of other records, named by those.
 */
export const AUDITED_MODELS: ReadonlySet<string> = new Set([
  'Organization',
  'User',
  'ApiKey',
  'Customer',
  'Purchase',
  'Interaction',
  'Alert',
  'Survey',
  'Feedback',
  'Incident',
  'Reward',
  'Redemption',
  'Message',
  'SurveyInvitation',
  'Team',
  'PulseRound',
  'WebhookEndpoint',
  'Import',
]);

const RETURNING = new Set(['create', 'update', 'upsert', 'delete', 'createManyAndReturn', 'updateManyAndReturn']);
const WRITES = new Set([...RETURNING, 'createMany', 'updateMany', 'deleteMany']);

export interface Changes {
  /** Global ids of the records changed, in the order first changed (repeats kept). */
  targets: string[];
}

export const noChanges = (): Changes => ({ targets: [] });

/** What the running write changed; opened by writeTransaction. */
export const changedRecords = new AsyncLocalStorage<Changes>();

/** The write request now running: who, which GraphQL mutation, and the request's id. */
export interface AuditScope {
  caller: AuthenticatedCaller;
  operation: string;
  requestId: string;
}

/**
 * Open while an audited mutation runs (services/audit.service.ts). Kept here, beside the notes,
 * because the extension consults it on every write.
 */
export const auditScopes = new AsyncLocalStorage<AuditScope>();

/** A write of an audited request made outside writeTransaction: a bug, refused before it is made. */
export class WriteOutsideTransaction extends Error {
  override name = 'WriteOutsideTransaction';
  constructor(scope: AuditScope, model: string, operation: string) {
    super(
      `${scope.operation} wrote ${model}.${operation} outside writeTransaction, where its audit entry cannot be stored with it.`,
    );
  }
}

export const recordChanges = Prisma.defineExtension({
  name: 'record-changes',
  query: {
    $allModels: {
      async $allOperations({ model, operation, args, query }) {
        const changed = changedRecords.getStore();
        const scope = auditScopes.getStore();
        if (!changed && scope && WRITES.has(operation)) throw new WriteOutsideTransaction(scope, model, operation);
        if (!changed || !AUDITED_MODELS.has(model) || !RETURNING.has(operation)) return query(args);
        // A narrow `select` would leave the id out.
        const given = args as { select?: Record<string, unknown> };
        const narrow = given.select && Object.keys(given.select).length > 0;
        const result = await query(
          (narrow ? { ...given, select: { ...given.select, id: true } } : args) as typeof args,
        );
        for (const row of (Array.isArray(result) ? result : [result]) as { id?: unknown }[]) {
          if (typeof row?.id === 'string') changed.targets.push(encodeGlobalID(model, row.id));
        }
        return result;
      },
    },
  },
});

/** Notes the rows bulkInsert wrote (the extension does not see raw SQL). */
export function noteBulkInsert(table: string, rows: readonly Record<string, unknown>[]): void {
  const changed = changedRecords.getStore();
  if (!changed || !AUDITED_MODELS.has(table)) return;
  for (const row of rows) if (typeof row.id === 'string') changed.targets.push(encodeGlobalID(table, row.id));
}
