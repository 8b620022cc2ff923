// Teams group staff; a team serves the customers whose account manager is one of its members.
// ADMINs make and change them; a change applies to rounds opened after it (an open round keeps
// the teams it started with).
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { FieldErrors, NotFoundError, ValidationError } from '../domain/errors.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { runtime } from '../runtime.ts';
import { writeTransaction } from './transaction.service.ts';
import type { TenantTx } from '../db/client.ts';

const MAX_NAME = 100;
const MAX_MEMBERS = 1000;

export interface TeamInput {
  name?: string | null;
  memberIds?: readonly string[] | null;
}

async function validate(tx: TenantTx, input: TeamInput, teamId: string | null): Promise<void> {
  const problems = new FieldErrors();
  const name = input.name?.trim();
  if (input.name != null) {
    if (!name || name.length > MAX_NAME)
      problems.add(['input', 'name'], `Name the team (1 to ${MAX_NAME} characters).`);
    else if (
      await tx.team.findFirst({ where: { name, NOT: teamId ? { id: teamId } : undefined }, select: { id: true } })
    )
      problems.add(['input', 'name'], 'Another team has this name.');
  }
  if (input.memberIds != null) {
    const ids = [...new Set(input.memberIds)];
    if (ids.length > MAX_MEMBERS) problems.add(['input', 'memberIds'], `At most ${MAX_MEMBERS} members.`);
    else {
      const found = new Set(
        (await tx.user.findMany({ where: { id: { in: ids }, active: true }, select: { id: true } })).map((u) => u.id),
      );
      input.memberIds.forEach((id, index) => {
        if (!found.has(id)) problems.add(['input', 'memberIds', String(index)], 'No active staff member has this id.');
      });
    }
  }
  problems.throwIfAny();
}

const teamNameTaken = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

export async function createTeam(caller: AuthenticatedCaller, input: { name: string; memberIds: readonly string[] }) {
  const { organizationId } = caller;
  return writeTransaction(
    organizationId,
    async (tx) => {
      await validate(tx, input, null);
      const now = runtime().clock.now();
      return tx.team.create({
        data: {
          organizationId,
          name: input.name.trim(),
          createdAt: now,
          members: { create: [...new Set(input.memberIds)].map((userId) => ({ organizationId, userId })) },
        },
      });
    },
    { answersRequest: true },
  ).catch((error: unknown) => {
    // Two ADMINs naming two teams alike at once: the unique index decides, in the same words.
    throw teamNameTaken(error) ? ValidationError.at(['input', 'name'], 'Another team has this name.') : error;
  });
}

export async function updateTeam(caller: AuthenticatedCaller, id: string, input: TeamInput) {
  const { organizationId } = caller;
  return writeTransaction(organizationId, async (tx) => {
    if (!(await tx.team.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError('Team');
    await validate(tx, input, id);
    if (input.memberIds != null) {
      await tx.teamMember.deleteMany({ where: { teamId: id } });
      await tx.teamMember.createMany({
        data: [...new Set(input.memberIds)].map((userId) => ({ organizationId, teamId: id, userId })),
      });
    }
    return tx.team.update({
      where: { id },
      data: { ...(input.name != null ? { name: input.name.trim() } : {}), updatedAt: runtime().clock.now() },
    });
  });
}
