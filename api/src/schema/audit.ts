// The audit log: who changed what, when, read by ADMIN. Written by every write's transaction
// (services/audit.service.ts), never here.
import { builder } from './builder.ts';
import { AuditActorKindEnum } from './enums.ts';
import { authenticated } from '../auth/caller.ts';
import { auditWhere } from '../services/audit.service.ts';
import { tenantDb } from '../runtime.ts';

builder.prismaNode('AuditEntry', {
  id: { field: 'id' },
  nullable: true,
  description:
    'One write by a staff member, a partner key or a member: who, which operation, which records, when. Kept 365 days; nobody can change it.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When the write committed its changes.' }),
    actorKind: t.expose('actorKind', { type: AuditActorKindEnum, description: 'What kind of caller made it.' }),
    actorName: t.exposeString('actorName', {
      description: "The staff member's, key's or customer's name at the time of the write.",
    }),
    operation: t.exposeString('operation', { description: 'The GraphQL mutation, e.g. "redeemReward".' }),
    targets: t.idList({
      description: 'Global ids of every record the write created or changed.',
      select: { targets: true },
      resolve: (entry) => entry.targets as string[],
    }),
    requestId: t.exposeString('requestId', {
      description: "The request's id (its X-Request-Id), as the logs name it.",
    }),
  }),
});

const AuditFilter = builder.inputType('AuditFilter', {
  description: 'Which entries to list; every condition given must hold.',
  fields: (t) => ({
    operations: t.stringList({ description: 'Only these operations (mutation names); all when empty.' }),
    actorKinds: t.field({ type: [AuditActorKindEnum], description: 'Only these kinds of caller; all when empty.' }),
    from: t.field({ type: 'DateTime', description: 'Only entries at or after this time.' }),
    to: t.field({ type: 'DateTime', description: 'Only entries before this time.' }),
  }),
});

builder.queryField('auditLog', (t) =>
  t.prismaConnection({
    type: 'AuditEntry',
    cursor: 'id',
    maxSize: 100,
    description: 'The audit log, newest first (ADMIN only). Entries older than 365 days are gone.',
    args: { filter: t.arg({ type: AuditFilter, description: 'Which entries; all when left out.' }) },
    totalCount: (_connection, { filter }, context) =>
      tenantDb(authenticated(context)).auditEntry.count({ where: auditWhere(filter) }),
    resolve: (query, _root, { filter }, context) =>
      tenantDb(authenticated(context)).auditEntry.findMany({
        ...query,
        where: auditWhere(filter),
        orderBy: [{ at: 'desc' }, { id: 'asc' }],
      }),
  }),
);
