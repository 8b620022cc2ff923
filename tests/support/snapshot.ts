// Every row an organization owns, to prove a call changed nothing of it.
import { db } from '../../api/src/runtime.ts';
import { TENANT_KEYS } from '../../api/src/db/tenancy.ts';

/** The rows of `model` that belong to one organization, by id. */
export function rowsOf(organizationId: string, model: string): Promise<{ id: string }[]> {
  const tenant = db().forOrganization(organizationId) as unknown as Record<
    string,
    { findMany(args: object): Promise<{ id: string }[]> }
  >;
  return tenant[model[0].toLowerCase() + model.slice(1)].findMany({ orderBy: { id: 'asc' } });
}

/** Every row of every tenant table of one organization, its own row included. */
export async function snapshot(organizationId: string): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const model of [...TENANT_KEYS.keys()].sort()) tables[model] = await rowsOf(organizationId, model);
  return JSON.stringify(tables, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
}
