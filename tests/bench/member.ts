// `pnpm bench member` (issue 17): the member page's query (balance, tier progress, the ledger's first
// page as sentences, the rewards with their availability) for a customer with 10 000 ledger
// entries, against what staff read of the same customer (`customer(ref:)` with the same ledger
// page), in the same run, over HTTP, the two alternating: goal ≤ 1.5× and p99 ≤ 50 ms on PostgreSQL.
import { systemCaller } from '../../api/src/auth/caller.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { recordEvents } from '../../api/src/services/events.service.ts';
import { createMemberLink, startMemberSession } from '../../api/src/services/member-access.service.ts';
import { createOrganization } from '../../api/src/services/organization.service.ts';
import { createReward } from '../../api/src/services/reward.service.ts';
import { writeTransaction } from '../../api/src/services/transaction.service.ts';
import { benchApp, median, percentile } from './support.ts';
import type { BenchTarget } from './run.ts';

const ENTRIES = 10_000;
const BATCH = 1_000;
const WARM_UP = 20;
const CALLS = 300;
const DAY_MS = 24 * 60 * 60 * 1000;

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
    // 10 000 purchases over the last 12 months: every one is an entry of the ledger and counts for the tier.
    const now = Date.now();
    for (let start = 0; start < ENTRIES; start += BATCH) {
      const outcomes = await recordEvents(
        caller,
        Array.from({ length: BATCH }, (_, index) => ({
          purchase: {
            customer: { id: customer.id },
            amount: { amountMinor: 1_000 + ((start + index) % 50) * 100, currency: 'DKK' },
            occurredAt: new Date(now - (ENTRIES - start - index) * (360 / ENTRIES) * DAY_MS),
          },
        })),
      );
      if (outcomes.some((outcome) => outcome.errors.length > 0)) throw new Error('a purchase was refused');
    }
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
