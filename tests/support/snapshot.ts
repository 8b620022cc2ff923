// Every row an organization owns, to prove a call changed nothing of it.
import { db } from '../../api/src/runtime.ts';
import { TENANT_KEYS } from '../../api/src/db/tenancy.ts';
import { getDatamodel } from '../../api/src/generated/pothos-types.ts';

/** The rows of `model` that belong to one organization, by id (a row per organization: by that). */
export function rowsOf(organizationId: string, model: string): Promise<{ id: string }[]> {
  const tenant = db().forOrganization(organizationId) as unknown as Record<
    string,
    { findMany(args: object): Promise<{ id: string }[]> }
  >;
  const key = getDatamodel().datamodel.models[model].fields.some((field) => field.name === 'id')
    ? 'id'
    : 'organizationId';
  return tenant[model[0].toLowerCase() + model.slice(1)].findMany({ orderBy: { [key]: 'asc' } });
}

/** Every row of every tenant table of one organization, its own row included. */
export async function snapshot(organizationId: string): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const model of [...TENANT_KEYS.keys()].sort()) tables[model] = await rowsOf(organizationId, model);
  return JSON.stringify(tables, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
}
