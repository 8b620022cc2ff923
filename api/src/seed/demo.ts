// The demo organization, "Nordlys Cykler": a Danish bike shop with Danish, Swedish and Norwegian
// customers. Everything goes through the same services the API uses. Never touches a database
// that already has data.
import type { Logger } from '../log.ts';
import type { Role } from '../domain/types.ts';
import { db, runtime } from '../runtime.ts';
import { systemCaller } from '../auth/caller.ts';
import { seedDemoCustomers } from './demo-customers.ts';
import { seedDemoListening } from './demo-listening.ts';
import { seedDemoRewards } from './demo-rewards.ts';
import { seedDemoPulse } from './demo-pulse.ts';
import { seedDemoAsking } from './demo-asking.ts';
import { seedDemoMembers } from './demo-members.ts';
import { seedDemoWebhooks } from './demo-webhooks.ts';
import { seedDemoImport } from './demo-import.ts';
import { Random } from './random.ts';
import { createOrganization } from '../services/organization.service.ts';
import { verifyPassword } from '../auth/passwords.ts';

export const DEMO_ORGANIZATION = 'Nordlys Cykler';
export const DEMO_PASSWORD = 'trofast-demo';
export const DEMO_CUSTOMERS = 300;
export const DEMO_STAFF: { email: string; name: string; role: Role }[] = [
  { email: 'admin@nordlys.example', name: 'Astrid Holm', role: 'ADMIN' },
  { email: 'manager@nordlys.example', name: 'Mads Kjær', role: 'MANAGER' },
  { email: 'agent@nordlys.example', name: 'Sofie Lund', role: 'AGENT' },
  { email: 'viewer@nordlys.example', name: 'Jonas Berg', role: 'VIEWER' },
];

/**
 * Seeds the demo into an empty database; returns false (and changes nothing) otherwise.
 * `onSeeding` hears how many customers are coming before the minute it takes.
 */
export async function seedDemoIfEmpty(log: Logger, onSeeding?: (customers: number) => void): Promise<boolean> {
  if ((await db().acrossOrganizations.organization.count()) > 0) return false;
  onSeeding?.(DEMO_CUSTOMERS);
  const organization = await createOrganization(
    DEMO_ORGANIZATION,
    DEMO_STAFF.map((person) => ({ ...person, password: DEMO_PASSWORD, locale: 'EN' as const })),
  );
  const caller = systemCaller(organization.id);
  const random = new Random(2026);
  const now = runtime().clock.now();
  const customers = await seedDemoCustomers(caller, random, now, DEMO_CUSTOMERS);
  await seedDemoListening(caller, random, now, customers);
  await seedDemoRewards(caller, now, customers);
  await seedDemoPulse(caller, random, now, customers);
  await seedDemoAsking(caller, random, now, customers);
  await seedDemoMembers(caller, now, customers);
  await seedDemoWebhooks(caller, now);
  await seedDemoImport(caller, customers);
  log.info('demo seeded', {
    organization: DEMO_ORGANIZATION,
    signIn: DEMO_STAFF.map((person) => `${person.email} (${person.role})`),
    password: DEMO_PASSWORD,
  });
  return true;
}

/**
 * "Demo: sign in as … with password trofast-demo" for the demo staff who still have that
 * password (an admin may have changed it, or this is not the demo database); undefined if none.
 */
export async function demoSignIn(): Promise<string | undefined> {
  const staff = await db().acrossOrganizations.user.findMany({
    where: { email: { in: DEMO_STAFF.map((person) => person.email) }, active: true },
    select: { email: true, passwordHash: true },
  });
  const verified = await Promise.all(staff.map((user) => verifyPassword(user.passwordHash, DEMO_PASSWORD)));
  const emails = DEMO_STAFF.map((person) => person.email).filter((email) =>
    staff.some((user, index) => user.email === email && verified[index]),
  );
  return emails.length > 0 ? `Demo: sign in as ${emails.join(', ')} with password ${DEMO_PASSWORD}` : undefined;
}
