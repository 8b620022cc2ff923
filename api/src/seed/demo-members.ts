// Some demo customers have opened their own page, so the customer page shows when: each through a
// one-time link, spent as a customer's button press spends it.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { createMemberLink, startMemberSession } from '../services/member-access.service.ts';
import { writeTransaction } from '../services/transaction.service.ts';
import type { DemoCustomer } from './demo-customers.ts';

const MEMBERS = 12;

export async function seedDemoMembers(caller: AuthenticatedCaller, now: Date, customers: DemoCustomer[]) {
  for (const customer of customers.filter((customer) => customer.pattern === 'regular').slice(0, MEMBERS)) {
    const link = await writeTransaction(caller.organizationId, (tx) => createMemberLink(tx, customer.id, now));
    await startMemberSession(link.split('/').at(-1)!, 'demo');
  }
}
