import { builder } from './builder.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { rawId, rawIdOrNull } from './ids.ts';
import { UserRef } from './user.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { authenticated } from '../auth/caller.ts';
import { tenantDb } from '../runtime.ts';
import { createTeam, updateTeam } from '../services/team.service.ts';

export const TeamNode = builder.prismaNode('Team', {
  id: { field: 'id' },
  nullable: true,
  description: 'Staff who work together; a team serves the customers whose account manager is one of its members.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What the team is called.' }),
    members: t.field({
      type: [UserRef],
      description: 'Its staff members, by name.',
      select: { members: { select: { user: true }, orderBy: { user: { name: 'asc' } } } },
      resolve: (team) => team.members.map((member) => member.user),
    }),
  }),
});

builder.queryField('teams', (t) =>
  t.prismaField({
    type: ['Team'],
    description: 'Every team, by name.',
    resolve: (query, _root, _args, context) =>
      tenantDb(authenticated(context)).team.findMany({ ...query, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
  }),
);

// An id that is not a staff member's finds no one, and validation names it by its place in the list.
const memberIds = (ids: readonly (string | number)[]) => ids.map((id) => rawIdOrNull(String(id), 'User') ?? '');

builder.mutationField('createTeam', (t) =>
  t.field({
    type: TeamNode,
    description: 'Makes a team of staff members. ADMIN only.',
    errors: { types: [ValidationError, ...ACCESS_ERRORS], dataField: { description: 'The new team.' } },
    args: {
      input: t.arg({
        type: builder.inputType('CreateTeamInput', {
          description: 'A name and the staff members.',
          fields: (i) => ({ name: i.string({ required: true }), memberIds: i.idList({ required: true }) }),
        }),
        required: true,
        description: 'The team to make.',
      }),
    },
    resolve: (_root, { input }, context) =>
      createTeam(authenticated(context), { name: input.name, memberIds: memberIds(input.memberIds) }),
  }),
);

builder.mutationField('updateTeam', (t) =>
  t.field({
    type: TeamNode,
    description: 'Renames a team or replaces its members. ADMIN only.',
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The team, changed.' },
    },
    args: {
      input: t.arg({
        type: builder.inputType('UpdateTeamInput', {
          description: 'What is left out stays; `memberIds` replaces the members as a whole.',
          fields: (i) => ({ id: i.id({ required: true }), name: i.string(), memberIds: i.idList() }),
        }),
        required: true,
        description: 'The team and what changes.',
      }),
    },
    resolve: (_root, { input }, context) =>
      updateTeam(authenticated(context), rawId(String(input.id), 'Team'), {
        name: input.name,
        memberIds: input.memberIds ? memberIds(input.memberIds) : null,
      }),
  }),
);
