// The fields each kind of import fills, as the API names them (api/src/domain/imports/import-fields.ts):
// the choices of the mapping step, required ones first.
import type { ImportKind } from '$lib/graphql/types';

export const IMPORT_FIELDS: Record<ImportKind, { name: string; required: boolean }[]> = {
  CUSTOMERS: [
    { name: 'externalId', required: true },
    { name: 'name', required: true },
    { name: 'email', required: false },
    { name: 'phone', required: false },
    { name: 'locale', required: false },
    { name: 'kind', required: false },
  ],
  PURCHASES: [
    { name: 'customer', required: true },
    { name: 'amount', required: true },
    { name: 'currency', required: false },
    { name: 'occurredAt', required: false },
    { name: 'externalRef', required: false },
  ],
  INTERACTIONS: [
    { name: 'customer', required: true },
    { name: 'channel', required: true },
    { name: 'direction', required: true },
    { name: 'kind', required: true },
    { name: 'personal', required: false },
    { name: 'occurredAt', required: false },
    { name: 'note', required: false },
  ],
  OPENING_BALANCES: [
    { name: 'customer', required: true },
    { name: 'points', required: true },
    { name: 'occurredAt', required: false },
  ],
};
