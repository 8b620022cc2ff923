// Every tenant table is read and written inside one organization. A client bound to an
// organization adds it to every query; the unbound client refuses a tenant query without it,
// so forgetting the tenant fails loudly instead of leaking another organization's data.
import { Prisma } from '../generated/prisma/client.ts';
import { getDatamodel } from '../generated/pothos-types.ts';

/**
 * Each tenant model and the column naming the organization a row belongs to: `organizationId`,
 * or `id` for an Organization itself, which belongs to no one but itself. Every model reachable by
 * `node(id:)` is here, so a global id of another organization finds nothing.
 */
export const TENANT_KEYS: ReadonlyMap<string, string> = new Map([
  ['Organization', 'id'],
  ...Object.entries(getDatamodel().datamodel.models)
    .filter(([, model]) => model.fields.some((field) => field.name === 'organizationId'))
    .map(([name]): [string, string] => [name, 'organizationId']),
]);

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
          const key = TENANT_KEYS.get(model);
          if (!key) return query(args);
          const bound = { ...(args as Args) };
          // Added as one more condition, never over the caller's: an Organization's key is its
          // id, and `{ id: <another organization> }` must find nothing, not the caller's own.
          if (WHERE_OPERATIONS.has(operation)) {
            const { AND = [], ...where } = bound.where ?? {};
            bound.where = { ...where, AND: [AND, { [key]: organizationId }].flat() };
          }
          if (operation === 'upsert') bound.create = { ...bound.create, [key]: organizationId };
          if (DATA_OPERATIONS.has(operation)) {
            const data = rows(bound.data).map((row) => ({ ...row, [key]: organizationId }));
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
        const key = TENANT_KEYS.get(model);
        if (key) {
          const given = args as Args;
          const named = WHERE_OPERATIONS.has(operation)
            ? given.where?.[key] !== undefined
            : !DATA_OPERATIONS.has(operation) || rows(given.data).every((row) => typeof row[key] === 'string');
          if (!named) {
            throw new TenancyError(`${model}.${operation} without ${key}: use a client bound to an organization.`);
          }
        }
        return query(args);
      },
    },
  },
});
