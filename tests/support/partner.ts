// A partner's view: an API key with chosen scopes, and customers to send events about.
import { systemCaller } from '../../api/src/auth/caller.ts';
import { createApiKey } from '../../api/src/services/api-key.service.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import type { ApiKeyScope } from '../../api/src/domain/types.ts';
import type { TestOrganization } from './fixtures.ts';

export async function partnerKey(organization: TestOrganization, scopes: ApiKeyScope[]): Promise<string> {
  return (await createApiKey(systemCaller(organization.id), { name: `Partner ${scopes.join('+')}`, scopes })).secret;
}

export async function createCustomers(organization: TestOrganization, count: number, prefix = 'K') {
  const customers = [];
  for (let i = 1; i <= count; i++) {
    customers.push(
      await upsertCustomer(systemCaller(organization.id), {
        externalId: `${prefix}-${i}`,
        name: `Kunde ${prefix}-${i}`,
      }),
    );
  }
  return customers;
}
