// The reward catalogue: what customers may redeem their points for, and what each reward costs
// the company (program economics weighs that cost against the retention it buys).
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { FieldErrors, NotFoundError } from '../domain/errors.ts';
import { unacceptedCurrency } from '../domain/points/earn-points.ts';
import type { OrganizationSettings } from '../domain/settings.ts';
import type { RewardKind, Tier } from '../domain/types.ts';
import { runtime } from '../runtime.ts';
import { writeTransaction } from './transaction.service.ts';
import { organizationSettings } from './organization-settings.service.ts';

export interface CreateRewardInput {
  name: string;
  description?: string | null;
  pointsCost: number;
  kind: RewardKind;
  unitCost: { amountMinor: number; currency: string };
  /** null or absent: unlimited. */
  stock?: number | null;
  minimumTier?: Tier | null;
}

/** What is absent stays; `null` clears only what may be empty (description; stock = unlimited). */
export interface UpdateRewardInput {
  id: string;
  name?: string | null;
  description?: string | null;
  pointsCost?: number | null;
  unitCost?: { amountMinor: number; currency: string } | null;
  stock?: number | null;
  minimumTier?: Tier | null;
  active?: boolean | null;
}

const MAX_NAME = 200;
const MAX_DESCRIPTION = 2000;
const MAX_POINTS_COST = 10_000_000;
const MAX_STOCK = 1_000_000_000;

/** Checks the fields given; absent ones are not checked. */
function validate(
  input: { [Field in keyof CreateRewardInput]?: CreateRewardInput[Field] | null },
  settings: OrganizationSettings,
  problems: FieldErrors,
  at = ['input'],
): void {
  if (input.name != null && (input.name.trim() === '' || input.name.length > MAX_NAME))
    problems.add([...at, 'name'], `Name the reward (1 to ${MAX_NAME} characters).`);
  if (input.description != null && input.description.length > MAX_DESCRIPTION)
    problems.add([...at, 'description'], `At most ${MAX_DESCRIPTION} characters.`);
  if (
    input.pointsCost != null &&
    (!Number.isInteger(input.pointsCost) || input.pointsCost <= 0 || input.pointsCost > MAX_POINTS_COST)
  )
    problems.add([...at, 'pointsCost'], `A reward costs a whole number of points from 1 to ${MAX_POINTS_COST}.`);
  if (input.unitCost != null) {
    if (!Number.isSafeInteger(input.unitCost.amountMinor) || input.unitCost.amountMinor < 0)
      problems.add(
        [...at, 'unitCost', 'amountMinor'],
        'What the reward costs the company is a whole number of minor units, 0 or more.',
      );
    const unaccepted = unacceptedCurrency(input.unitCost.currency, settings.loyalty);
    if (unaccepted) problems.add([...at, 'unitCost', 'currency'], unaccepted);
  }
  if (input.stock != null && (!Number.isInteger(input.stock) || input.stock < 0 || input.stock > MAX_STOCK))
    problems.add([...at, 'stock'], 'Stock is a whole number, 0 or more; leave it empty for unlimited.');
}

export async function createReward(caller: AuthenticatedCaller, input: CreateRewardInput) {
  const settings = await organizationSettings(caller);
  const problems = new FieldErrors();
  validate(input, settings, problems);
  problems.throwIfAny();
  const now = runtime().clock.now();
  return writeTransaction(
    caller.organizationId,
    (tx) =>
      tx.reward.create({
        data: {
          organizationId: caller.organizationId,
          name: input.name.trim(),
          description: input.description?.trim() || null,
          pointsCost: input.pointsCost,
          kind: input.kind,
          unitCostMinor: BigInt(input.unitCost.amountMinor),
          unitCostCurrency: input.unitCost.currency,
          stock: input.stock ?? null,
          minimumTier: input.minimumTier ?? 'BRONZE',
          createdAt: now,
        },
      }),
    { answersRequest: true },
  );
}

export async function updateReward(caller: AuthenticatedCaller, input: UpdateRewardInput) {
  const settings = await organizationSettings(caller);
  const problems = new FieldErrors();
  validate(input, settings, problems);
  problems.throwIfAny();
  const [reward] = await writeTransaction(caller.organizationId, (tx) =>
    tx.reward.updateManyAndReturn({
      where: { id: input.id },
      data: {
        ...(input.name != null ? { name: input.name.trim() } : {}),
        ...(input.description !== undefined ? { description: input.description?.trim() || null } : {}),
        ...(input.pointsCost != null ? { pointsCost: input.pointsCost } : {}),
        ...(input.unitCost != null
          ? { unitCostMinor: BigInt(input.unitCost.amountMinor), unitCostCurrency: input.unitCost.currency }
          : {}),
        ...(input.stock !== undefined ? { stock: input.stock } : {}),
        ...(input.minimumTier != null ? { minimumTier: input.minimumTier } : {}),
        ...(input.active != null ? { active: input.active } : {}),
      },
    }),
  );
  if (!reward) throw new NotFoundError('Reward');
  return reward;
}
