// `pnpm bench member` (issue 17): the member page's query (balance, tier progress, the ledger's first
// page as sentences, the rewards with their availability) for a customer with 10 000 ledger
// entries, against what staff read of the same customer (`customer(ref:)` with the same ledger
// page), in the same run, over HTTP, the two alternating: goal ≤ 1.5× and p99 ≤ 50 ms on PostgreSQL.
import { systemCaller } from '../../api/src/auth/caller.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { Prisma } from '../../api/src/generated/prisma/client.ts';
import { db } from '../../api/src/runtime.ts';
import { recordEvent } from '../../api/src/services/events.service.ts';
import { createMemberLink, startMemberSession } from '../../api/src/services/member-access.service.ts';
import { createOrganization } from '../../api/src/services/organization.service.ts';
import { createReward } from '../../api/src/services/reward.service.ts';
import { writeTransaction } from '../../api/src/services/transaction.service.ts';
import { benchApp, median, percentile } from './support.ts';
import type { BenchTarget } from './run.ts';

const ENTRIES = 10_000;
const WARM_UP = 20;
const CALLS = 300;

const LEDGER_PAGE = `pointsLedger(first: 20) { totalCount edges { node { delta kind explanation balanceAfter createdAt } } }`;
const MEMBER = `{ member {
  name pointsBalance
  tierProgress { tier pointsEarned12Months nextTier pointsToNextTier keepTierBy pointsToKeepTier explanation }
  ${LEDGER_PAGE}
  rewards { id name pointsCost availability pointsMissing requiredTier }
} }`;
const STAFF = `query ($ref: CustomerRef!) { customer(ref: $ref) { name pointsBalance tier ${LEDGER_PAGE} } }`;

async function post(url: string, query: string, variables: object, token: string) {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (!body.data || Object.values(body.data)[0] === null || body.errors) throw new Error(JSON.stringify(body));
  return performance.now() - started;
}

export async function memberBenchmark(target: BenchTarget) {
  const app = await benchApp(target, { jobTimers: false });
  try {
    const staff = { email: 'bench@member.example', name: 'Bench', role: 'VIEWER' as const, password: 'benchmark-pw' };
    const organization = await createOrganization('Bench member', [staff]);
    const caller = systemCaller(organization.id);
    const customer = await upsertCustomer(caller, { externalId: 'M-1', name: 'Karen Holm', locale: 'DA' });
    // One real purchase, then its ledger entry 10 000 times over the last 12 months in one statement:
    // the bench measures reading the ledger, not writing it. Every entry counts for the tier.
    await recordEvent(caller, {
      purchase: {
        customer: { id: customer.id },
        amount: { amountMinor: 12_000, currency: 'DKK' },
        occurredAt: new Date(),
      },
    });
    await db().acrossOrganizations.$executeRaw(Prisma.sql`
      INSERT INTO "PointsEntry" (id, "organizationId", "customerId", delta, kind, reason, "reasonParams", "balanceAfter",
                                 "expiresAt", "occurredAt", "createdAt")
      SELECT gen_random_uuid()::text, e."organizationId", e."customerId", e.delta, e.kind, e.reason, e."reasonParams",
             e.delta * (n + 1), e."expiresAt", now() - make_interval(mins => (${ENTRIES} - n) * 50),
             now() - make_interval(mins => (${ENTRIES} - n) * 50)
      FROM "PointsEntry" e, generate_series(1, ${ENTRIES - 1}) AS n
      WHERE e."organizationId" = ${organization.id} AND e."customerId" = ${customer.id}`);
    await db().acrossOrganizations.$executeRaw(Prisma.sql`
      UPDATE "Customer" SET "pointsBalance" = (SELECT sum(delta) FROM "PointsEntry" WHERE "customerId" = ${customer.id})
      WHERE "organizationId" = ${organization.id} AND id = ${customer.id}`);
    for (let index = 0; index < 12; index++)
      await createReward(caller, {
        name: `Reward ${index}`,
        pointsCost: 100 * 4 ** (index % 6),
        kind: 'GIFT',
        unitCost: { amountMinor: 1000, currency: 'DKK' },
        minimumTier: index % 3 === 0 ? 'GOLD' : null,
      });

    const link = await writeTransaction(organization.id, (tx) => createMemberLink(tx, customer.id, new Date()));
    const member = await startMemberSession(link.split('/').at(-1)!, '127.0.0.1');
    const signIn = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation ($input: LoginInput!) { login(input: $input) { ... on MutationLoginSuccess { data { token } } } }`,
        variables: { input: { email: staff.email, password: staff.password } },
      }),
    });
    const staffToken = ((await signIn.json()) as { data: { login: { data: { token: string } } } }).data.login.data
      .token;

    const asMember = () => post(app.url, MEMBER, {}, member.token);
    const asStaff = () => post(app.url, STAFF, { ref: { externalId: 'M-1' } }, staffToken);
    for (let index = 0; index < WARM_UP; index++) {
      await asMember();
      await asStaff();
    }
    const memberTimes: number[] = [];
    const staffTimes: number[] = [];
    // Alternating, so a busy moment of the machine falls on both alike.
    for (let index = 0; index < CALLS; index++) {
      memberTimes.push(await asMember());
      staffTimes.push(await asStaff());
    }
    const ratio = median(memberTimes) / median(staffTimes);
    const p99 = percentile(memberTimes, 99);
    console.log(`\n[${target.label}] member page: a customer with ${ENTRIES} ledger entries, ${CALLS} calls each`);
    console.log(
      `  customer(ref:) as staff:  median ${median(staffTimes).toFixed(1)} ms, p99 ${percentile(staffTimes, 99).toFixed(1)} ms`,
    );
    console.log(`  member (the page):        median ${median(memberTimes).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
    console.log(
      `  ratio ${ratio.toFixed(2)}× (goal ≤ 1.5×), p99 ${p99 <= 50 ? 'within' : 'OVER'} 50 ms` +
        (target.label === 'PGlite' ? ' (the goal is PostgreSQL’s)' : ''),
    );
  } finally {
    await app.stop();
  }
}
