// The time-based job over 100 000 customers of which 1 % changed: its time and SQL statements,
// against the same 1 000 changed customers among 10 000 measured in the same run. It must not
// grow with the customers that did not change.
import { randomUUID } from 'node:crypto';
import { Prisma } from '../../api/src/generated/prisma/client.ts';
import { db, runtime } from '../../api/src/runtime.ts';
import { createOrganization } from '../../api/src/services/organization.service.ts';
import { recomputeDueCustomers } from '../../api/src/services/recompute.service.ts';
import { benchApp, timed } from './support.ts';
import type { BenchTarget } from './run.ts';

const CHANGED = 1000;
const DAY = 24 * 60 * 60 * 1000;

async function population(total: number): Promise<string> {
  const organization = await createOrganization(`Job ${total}`, [
    { email: `job-${randomUUID()}@bench.example`, name: 'Bench', role: 'ADMIN', password: 'benchmark-password' },
  ]);
  const now = runtime().clock.now();
  const later = new Date(now.getTime() + 30 * DAY);
  const due = new Date(now.getTime() - 1000);
  const created = new Date(now.getTime() - 200 * DAY);
  // Customers that did not change wait for a moment in the future; 1 000 have theirs now.
  await db().acrossOrganizations.$executeRaw(Prisma.sql`
    INSERT INTO "Customer" (id, "organizationId", "externalId", name, locale, "createdAt", "updatedAt", "riskComputedAt", "recomputeAt", "firstEventAt")
    SELECT gen_random_uuid()::text, ${organization.id}, 'J-' || n, 'Kunde ' || n, 'DA', ${created}, ${created}, ${created},
           CASE WHEN n <= ${CHANGED} THEN ${due}::timestamp(3) ELSE ${later}::timestamp(3) END, ${created}
    FROM generate_series(1, ${total}) AS n`);
  // The changed ones have a little history: two purchases and a contact.
  await db().acrossOrganizations.$executeRaw(Prisma.sql`
    INSERT INTO "Purchase" (id, "organizationId", "customerId", "amountMinor", currency, "occurredAt")
    SELECT gen_random_uuid()::text, c."organizationId", c.id, 49900, 'DKK', ${new Date(now.getTime() - 20 * DAY)}
    FROM "Customer" c, generate_series(1, 2) WHERE c."organizationId" = ${organization.id} AND c."recomputeAt" <= ${now}`);
  await db().acrossOrganizations.$executeRaw(Prisma.sql`
    INSERT INTO "Interaction" (id, "organizationId", "customerId", channel, direction, kind, personal, "occurredAt")
    SELECT gen_random_uuid()::text, c."organizationId", c.id, 'STORE', 'INBOUND', 'SERVICE', true, ${new Date(now.getTime() - 50 * DAY)}
    FROM "Customer" c WHERE c."organizationId" = ${organization.id} AND c."recomputeAt" <= ${now}`);
  return organization.id;
}

async function runJob(): Promise<{ ms: number; statements: number; recomputed: number }> {
  const before = db().statements();
  let recomputed = 0;
  const ms = await timed(async () => {
    recomputed = await recomputeDueCustomers(runtime().clock.now());
  });
  return { ms, statements: db().statements() - before, recomputed };
}

export async function recomputeJobBenchmark(target: BenchTarget): Promise<void> {
  const app = await benchApp(target);
  try {
    await population(10_000);
    const small = await runJob();
    await db().acrossOrganizations.customer.updateMany({ data: { recomputeAt: new Date(Date.now() + 60 * DAY) } });
    await population(100_000);
    const large = await runJob();
    console.log(`\n[${target.label}] time-based recompute job, ${CHANGED} changed customers`);
    console.log(
      `  among  10 000: ${small.ms.toFixed(0)} ms, ${small.statements} SQL statements, ${small.recomputed} recomputed`,
    );
    console.log(
      `  among 100 000: ${large.ms.toFixed(0)} ms, ${large.statements} SQL statements, ${large.recomputed} recomputed`,
    );
    console.log(
      `  ratio: ${(large.ms / small.ms).toFixed(2)}× the time, ${(large.statements / small.statements).toFixed(2)}× the statements for 10× the customers`,
    );
  } finally {
    await app.stop();
  }
}
