// The audit log (PRODUCT.md "Data in and out"): every write by staff, a partner key or a member —
// who, which operation, which records, when, the request id — stored in the write's own
// transaction, so a write that rolls back leaves no entry and one that commits always has one.
// The mutation now running opens the scope (schema/audit-plugin.ts); writeTransaction writes the
// entry. A write statement the mutation makes outside writeTransaction is refused with an error
// before it reaches the database (db/changes.ts): no write of a request goes unaudited, nor is
// audited after the fact. Background jobs, work a mutation leaves running after it answers
// (outsideRequest) and the public answer page (a token, no one signed in) run without a scope:
// they are not audited. A trigger refuses every change to an entry but this file's pruning
// of entries past KEEP_AUDIT_DAYS (prisma/migrations/…_audit_prune).
import { randomUUID } from 'node:crypto';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { Prisma } from '../generated/prisma/client.ts';
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { AUDITED_MODELS, auditScopes, type AuditScope } from '../db/changes.ts';
import type { AuditActorKind } from '../domain/types.ts';
import { DAY_MS } from '../domain/time/duration.ts';
import { runtime } from '../runtime.ts';
import type { TenantTx } from '../db/client.ts';

export const KEEP_AUDIT_DAYS = 365;

const ACTOR_KINDS = {
  user: 'USER',
  apiKey: 'API_KEY',
  member: 'MEMBER',
  system: 'SYSTEM',
} as const satisfies Record<AuthenticatedCaller['kind'], AuditActorKind>;

function actorId(caller: AuthenticatedCaller): string | null {
  switch (caller.kind) {
    case 'user':
      return caller.userId;
    case 'apiKey':
      return caller.apiKeyId;
    case 'member':
      return caller.customerId;
    case 'system':
      return null;
  }
}

/** The actor's name as it is now, read in the entry's own statement: no extra round trip. */
function actorName(caller: AuthenticatedCaller): Prisma.Sql {
  switch (caller.kind) {
    case 'user':
      return Prisma.sql`(SELECT name FROM "User" WHERE id = ${caller.userId})`;
    case 'apiKey':
      return Prisma.sql`(SELECT name FROM "ApiKey" WHERE id = ${caller.apiKeyId})`;
    case 'member':
      return Prisma.sql`(SELECT name FROM "Customer" WHERE id = ${caller.customerId})`;
    case 'system':
      return Prisma.sql`'Trofast'`;
  }
}

/** The global ids of audited records an event names (its data holds global ids, see event-types.ts). */
export function idsInEvent(data: object): string[] {
  return Object.values(data).filter((value): value is string => {
    if (typeof value !== 'string') return false;
    try {
      return AUDITED_MODELS.has(decodeGlobalID(value).typename);
    } catch {
      return false;
    }
  });
}

/** Stores the running request's entry in the write's transaction: the last change before the events. */
export async function appendAuditEntry(
  tx: TenantTx,
  scope: AuditScope,
  changed: string[],
  events: { data: object }[],
  now: Date,
): Promise<void> {
  const targets = [...new Set([...changed, ...events.flatMap((event) => idsInEvent(event.data))])];
  const { caller } = scope;
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "AuditEntry" (id, "organizationId", at, "actorKind", "actorId", "actorName", operation, targets, "requestId")
    VALUES (${randomUUID()}, ${caller.organizationId}, ${now.toISOString()}::timestamp(3),
            ${ACTOR_KINDS[caller.kind]}::"AuditActorKind", ${actorId(caller)}, COALESCE(${actorName(caller)}, ''),
            ${scope.operation}, ${JSON.stringify(targets)}::jsonb, ${scope.requestId})`);
}

/**
 * Runs a mutation in its audit scope: its writes through writeTransaction store their entries
 * themselves, and a write outside one throws WriteOutsideTransaction (db/changes.ts).
 */
export function audited<T>(scope: AuditScope, mutation: () => Promise<T> | T): Promise<T> {
  // Awaited inside the scope: a Prisma query runs when it is awaited, not when it is made.
  return auditScopes.run(scope, async () => await mutation());
}

/** Which entries `auditLog` lists and the export writes. */
export interface AuditFilter {
  operations?: string[] | null;
  actorKinds?: AuditActorKind[] | null;
  from?: Date | null;
  to?: Date | null;
}

export function auditWhere(filter: AuditFilter | null | undefined): Prisma.AuditEntryWhereInput {
  return {
    ...(filter?.operations?.length ? { operation: { in: filter.operations } } : {}),
    ...(filter?.actorKinds?.length ? { actorKind: { in: filter.actorKinds } } : {}),
    ...(filter?.from || filter?.to
      ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
      : {}),
  };
}

/**
 * Removes the entries older than KEEP_AUDIT_DAYS, in every organization: the one deletion the
 * trigger lets through, for the cutoff this transaction names (prisma/migrations/…_audit_prune).
 */
export async function pruneAuditLog(now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - KEEP_AUDIT_DAYS * DAY_MS);
  const [, { count }] = await runtime().db.acrossOrganizations.$transaction([
    runtime().db.acrossOrganizations
      .$executeRaw`SELECT set_config('trofast.audit_prune_before', ${cutoff.toISOString()}, true)`,
    runtime().db.acrossOrganizations.auditEntry.deleteMany({ where: { at: { lt: cutoff } } }),
  ]);
  return count;
}
