// Every tenant table is read and written inside one organization. A client bound to an
// organization adds it to every query; the unbound client refuses a tenant query without it,
// so forgetting the tenant fails loudly instead of leaking another organization's data.
import { Prisma } from '../generated/prisma/client.ts';
import { getDatamodel } from '../generated/pothos-types.ts';

export const TENANT_MODELS: ReadonlySet<string> = new Set(
  Object.entries(getDatamodel().datamodel.models)
    .filter(([, model]) => model.fields.some((field) => field.name === 'organizationId'))
    .map(([name]) => name),
);

const WHERE_OPERATIONS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'delete',
  'deleteMany',
  'count',
  'aggregate',
  'groupBy',
  'upsert',
]);
const DATA_OPERATIONS = new Set(['create', 'createMany', 'createManyAndReturn']);

export class TenancyError extends Error {
  override name = 'TenancyError';
}

type Args = Record<string, unknown> & {
  where?: Record<string, unknown>;
  data?: unknown;
  create?: Record<string, unknown>;
};

function rows(data: unknown): Record<string, unknown>[] {
  return (Array.isArray(data) ? data : [data]) as Record<string, unknown>[];
}

/** Adds `organizationId` to the query's filter and to what it creates. */
export function bindToOrganization(organizationId: string) {
  return Prisma.defineExtension({
    name: 'bound-to-organization',
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          if (!TENANT_MODELS.has(model)) return query(args);
          const bound = { ...(args as Args) };
          if (WHERE_OPERATIONS.has(operation)) bound.where = { ...bound.where, organizationId };
          if (operation === 'upsert') bound.create = { ...bound.create, organizationId };
          if (DATA_OPERATIONS.has(operation)) {
            const data = rows(bound.data).map((row) => ({ ...row, organizationId }));
            bound.data = Array.isArray(bound.data) ? data : data[0];
          }
          return query(bound as typeof args);
        },
      },
    },
  });
}

/** Refuses a tenant-table query that does not name its organization. */
export const requireOrganization = Prisma.defineExtension({
  name: 'require-organization',
  query: {
    $allModels: {
      $allOperations({ model, operation, args, query }) {
        if (TENANT_MODELS.has(model)) {
          const given = args as Args;
          const named = WHERE_OPERATIONS.has(operation)
            ? given.where?.organizationId !== undefined
            : !DATA_OPERATIONS.has(operation) ||
              rows(given.data).every((row) => typeof row.organizationId === 'string');
          if (!named) {
            throw new TenancyError(
              `${model}.${operation} without organizationId: use a client bound to an organization.`,
            );
          }
        }
        return query(args);
      },
    },
  },
});
