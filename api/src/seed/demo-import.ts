// The demo's finished import: the shop brought its customer list over from its previous system
// (a semicolon file with Danish headers, as a Danish spreadsheet saves it), two rows of which
// failed the dry run and wait, in the failed rows' file, to be fixed.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { tenantDb } from '../runtime.ts';
import { applyImport, importsSettled, startImport } from '../services/import.service.ts';
import type { DemoCustomer } from './demo-customers.ts';

const IMPORTED = 40;

export async function seedDemoImport(caller: AuthenticatedCaller, customers: DemoCustomer[]): Promise<void> {
  const listed = await tenantDb(caller).customer.findMany({
    where: { id: { in: customers.slice(0, IMPORTED).map((customer) => customer.id) } },
    select: { externalId: true, name: true, email: true, locale: true },
    orderBy: { externalId: 'asc' },
  });
  const lines = [
    'Kundenummer;Navn;E-mail;Sprog',
    // The same names and addresses the shop has: the import changes no customer.
    ...listed.map((customer) => [customer.externalId, customer.name, customer.email ?? '', customer.locale].join(';')),
    'K-9001;;uden.navn@example.com;DA',
    'K-9002;Ida Storm;ida.storm(at)example.com;DA',
  ];
  const file = new File([lines.join('\r\n') + '\r\n'], 'kundeliste-fra-kassesystem.csv', { type: 'text/csv' });
  const analysed = await startImport(caller, { kind: 'CUSTOMERS', file });
  await applyImport(caller, analysed.id);
  await importsSettled();
}
