// The demo's loyalty program: a reward catalogue, half a year of redemptions (one cancelled), a
// manager's correction, and points that expired from purchases made more than 24 months ago.
// Redemptions happened in the past, so they are replayed with the runtime's clock set to each
// moment: the services stamp what they write with the clock, and program economics then has 90
// days after each redemption to look at.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import type { Clock } from '../clock.ts';
import { isTierAtLeast } from '../domain/points/tier-for-points.ts';
import { runtime, tenantDb, useRuntime } from '../runtime.ts';
import { recordEvents, type EventInput } from '../services/events.service.ts';
import { updateTiers } from '../services/ledger.service.ts';
import { writeTransaction } from '../services/transaction.service.ts';
import { organizationSettings } from '../services/organization-settings.service.ts';
import { expirePoints } from '../services/points-expiry.service.ts';
import { adjustPoints, cancelRedemption, redeemReward } from '../services/redemption.service.ts';
import { createReward, updateReward, type CreateRewardInput } from '../services/reward.service.ts';
import { asDemoStaff } from './demo-audit.ts';

const MANAGER = 'manager@nordlys.example';
const AGENT = 'agent@nordlys.example';
import type { DemoCustomer } from './demo-customers.ts';
import { Random } from './random.ts';

const DAY = 24 * 60 * 60 * 1000;
const dkk = (kroner: number) => ({ amountMinor: kroner * 100, currency: 'DKK' });

export const DEMO_REWARDS: CreateRewardInput[] = [
  {
    name: 'Donation: cykler til børn',
    description: '50 kr. til istandsatte cykler til børn, der ikke har en.',
    pointsCost: 300,
    kind: 'DONATION',
    unitCost: dkk(50),
  },
  {
    name: 'Nordlys-drikkedunk',
    description: 'Stål, 750 ml. Så længe lager haves.',
    pointsCost: 350,
    kind: 'GIFT',
    unitCost: dkk(60),
    stock: 40,
  },
  {
    name: '100 kr. rabat',
    description: 'Trækkes fra dit næste køb i butikken eller på nettet.',
    pointsCost: 500,
    kind: 'DISCOUNT',
    unitCost: dkk(100),
  },
  {
    name: 'Gratis servicetjek',
    description: 'Gear, bremser og kæde efterset af vores mekaniker.',
    pointsCost: 800,
    kind: 'SERVICE_UPGRADE',
    unitCost: dkk(300),
  },
  {
    name: '250 kr. rabat',
    description: 'Trækkes fra dit næste køb i butikken eller på nettet.',
    pointsCost: 1100,
    kind: 'DISCOUNT',
    unitCost: dkk(250),
  },
  {
    name: 'Guidet MTB-tur i Rold Skov',
    description: 'En dag med vores guide, frokost inkluderet.',
    pointsCost: 3000,
    kind: 'EXPERIENCE',
    unitCost: dkk(750),
    stock: 12,
    minimumTier: 'GOLD',
  },
];

/** Runs `work` with the runtime's clock standing at `moment`, as if it were happening then. */
async function happeningAt<T>(moment: Date, work: () => Promise<T>): Promise<T> {
  const current = runtime();
  const clock: Clock = { now: () => new Date(moment) };
  useRuntime({ ...current, clock });
  try {
    return await work();
  } finally {
    useRuntime(current);
  }
}

export async function seedDemoRewards(
  caller: AuthenticatedCaller,
  now: Date,
  customers: DemoCustomer[],
): Promise<void> {
  const random = new Random(6);
  const db = tenantDb(caller);

  // Some long-standing customers also bought 25–30 months ago: those points have expired by now.
  const longStanding = customers.filter((customer) => customer.pattern === 'regular' || customer.pattern === 'lapsing');
  const oldPurchases: EventInput[] = longStanding
    .filter(() => random.chance(0.3))
    .map((customer, index) => ({
      purchase: {
        customer: { id: customer.id },
        amount: dkk(random.int(400, 6000)),
        occurredAt: new Date(now.getTime() - random.int(745, 900) * DAY),
        externalRef: `POS-${customer.externalId}-OLD-${index}`,
      },
    }));
  await recordEvents(caller, oldPurchases);

  const rewards = await happeningAt(new Date(now.getTime() - 365 * DAY), async () => {
    const created = [];
    for (const input of DEMO_REWARDS)
      created.push(await asDemoStaff(caller, MANAGER, 'createReward', () => createReward(caller, input)));
    const retired = await asDemoStaff(caller, MANAGER, 'createReward', () =>
      createReward(caller, {
        name: 'Vinterservice 2025',
        description: 'Efterårets tilbud: vinterklargøring af din cykel.',
        pointsCost: 600,
        kind: 'SERVICE_UPGRADE',
        unitCost: dkk(250),
      }),
    );
    await asDemoStaff(caller, MANAGER, 'updateReward', () => updateReward(caller, { id: retired.id, active: false }));
    return created;
  });

  // Half a year of redemptions, oldest first, by customers who could afford them then (after the
  // expiry job of that day).
  const redemptionIds: string[] = [];
  const moments = Array.from(
    { length: 60 },
    () => now.getTime() - random.int(20, 200) * DAY - random.int(0, 8) * 3600_000,
  ).sort((a, b) => a - b);
  for (const moment of moments) {
    await expirePoints(new Date(moment));
    const customer = random.pick(longStanding);
    const { pointsBalance, tier } = await db.customer.findUniqueOrThrow({
      where: { id: customer.id },
      select: { pointsBalance: true, tier: true },
    });
    const affordable = rewards.filter(
      (reward) =>
        reward.pointsCost <= pointsBalance &&
        isTierAtLeast(tier, reward.minimumTier) &&
        (reward.stock === null || reward.stock > 0),
    );
    if (affordable.length === 0) continue;
    // The dearest rewards they can afford are the likeliest: that is what points are saved for.
    const reward = random.chance(0.5) ? affordable[affordable.length - 1] : random.pick(affordable);
    const redemption = await happeningAt(new Date(moment), () =>
      asDemoStaff(caller, AGENT, 'redeemReward', () =>
        redeemReward(caller, { customer: { id: customer.id }, rewardId: reward.id }),
      ),
    );
    if (reward.stock !== null) reward.stock -= 1;
    redemptionIds.push(redemption.id);
  }

  // The GOLD-only experience, for the best customer who can afford it.
  const experience = rewards.find((reward) => reward.minimumTier === 'GOLD')!;
  const gold = await db.customer.findFirst({
    where: { tier: 'GOLD', pointsBalance: { gte: experience.pointsCost } },
    orderBy: [{ pointsBalance: 'desc' }, { id: 'asc' }],
  });
  if (gold) {
    await happeningAt(new Date(now.getTime() - 30 * DAY), () =>
      redeemReward(caller, { customer: { id: gold.id }, rewardId: experience.id }),
    );
  }

  const [regret] = redemptionIds.slice(-5);
  if (regret) {
    const made = await db.redemption.findUniqueOrThrow({ where: { id: regret } });
    await happeningAt(new Date(made.createdAt.getTime() + 2 * DAY), () =>
      asDemoStaff(caller, AGENT, 'cancelRedemption', () =>
        cancelRedemption(caller, { id: regret, reason: 'Kunden fortrød og vil hellere spare op.' }),
      ),
    );
  }
  await asDemoStaff(caller, MANAGER, 'adjustPoints', () =>
    adjustPoints(caller, {
      customer: { id: longStanding[0].id },
      delta: 150,
      reason: 'En kvittering fra juni kom ikke med i systemet',
    }),
  );

  await expirePoints(now);
  // What was replayed in the past set tiers as of then; bring every tier to now.
  const settings = await organizationSettings(caller);
  await writeTransaction(caller.organizationId, (tx) =>
    updateTiers(
      tx,
      caller.organizationId,
      customers.map((customer) => customer.id),
      settings,
      now,
    ),
  );
}
