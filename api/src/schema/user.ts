import { builder } from './builder.ts';
import { LocaleEnum, RoleEnum } from './enums.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { rawId } from './ids.ts';
import { NotFoundError, RateLimitedError, ValidationError } from '../domain/errors.ts';
import { authenticated } from '../auth/caller.ts';
import { tenantDb } from '../runtime.ts';
import { login, logout } from '../services/session.service.ts';
import { createUser, deactivateUser, updateMe, updateUser } from '../services/user.service.ts';

export const UserRef = builder.prismaNode('User', {
  id: { field: 'id' },
  // node(id:) of something that is not there (or not yours) is null, not an error.
  nullable: true,
  description: 'A staff member of the organization.',
  fields: (t) => ({
    email: t.exposeString('email', { description: 'Their sign-in address.' }),
    name: t.exposeString('name', { description: 'Their name, as colleagues see it.' }),
    role: t.expose('role', { type: RoleEnum, description: 'What they may do.' }),
    locale: t.expose('locale', { type: LocaleEnum, description: 'The language the dashboard speaks to them.' }),
    active: t.exposeBoolean('active', { description: 'false: deactivated; they can no longer sign in.' }),
  }),
});

const SessionRef = builder.objectRef<{ token: string; user: { id: string }; expiresAt: Date }>('Session').implement({
  description: 'A signed-in staff session: send `Authorization: Bearer <token>`. It expires after 12 hours unused.',
  fields: (t) => ({
    token: t.exposeString('token', { description: 'The session token; keep it secret.' }),
    user: t.field({ type: UserRef, description: 'Who signed in.', resolve: (session) => session.user as never }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      description: 'When the session ends unless it is used before.',
    }),
  }),
});

const CreatedUser = builder
  .objectRef<{ user: { id: string }; initialPassword: string | null }>('CreatedUser')
  .implement({
    description: 'A new staff member, with their password when Trofast generated it.',
    fields: (t) => ({
      user: t.field({
        type: UserRef,
        description: 'The new staff member.',
        resolve: (created) => created.user as never,
      }),
      initialPassword: t.exposeString('initialPassword', {
        nullable: true,
        description: 'The generated password when none was given; shown here once.',
      }),
    }),
  });

const LoginInput = builder.inputType('LoginInput', {
  description: "A staff member's credentials.",
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

const CreateUserInput = builder.inputType('CreateUserInput', {
  description: 'A new staff member of your organization.',
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true, description: 'What they may do.' }),
    locale: t.field({
      type: LocaleEnum,
      description: "The dashboard's language for them; default: EN.",
    }),
    password: t.string({ description: 'At least 10 characters; leave out to have one generated.' }),
  }),
});

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  description: 'Changes to a staff member: what is left out stays as it is.',
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string(),
    role: t.field({ type: RoleEnum, description: 'Their new role.' }),
    locale: t.field({ type: LocaleEnum, description: "The dashboard's language for them." }),
  }),
});

const UpdateMeInput = builder.inputType('UpdateMeInput', {
  description: 'Changes to your own profile: what is left out stays as it is.',
  fields: (t) => ({
    name: t.string(),
    locale: t.field({ type: LocaleEnum, description: 'The language the dashboard speaks to you.' }),
  }),
});

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in staff member; null for a partner key.',
    resolve: (query, _root, _args, context) => {
      const caller = authenticated(context);
      return caller.kind === 'user'
        ? tenantDb(caller).user.findUnique({ ...query, where: { id: caller.userId } })
        : null;
    },
  }),
);

builder.queryField('users', (t) =>
  t.prismaField({
    type: ['User'],
    description: 'The staff of the organization, deactivated ones last.',
    resolve: (query, _root, _args, context) =>
      tenantDb(authenticated(context)).user.findMany({ ...query, orderBy: [{ active: 'desc' }, { name: 'asc' }] }),
  }),
);

builder.mutationField('login', (t) =>
  t.field({
    type: SessionRef,
    description:
      'Signs a staff member in. After 5 attempts for one email (20 from one address) in a row, each further attempt waits twice as long as the one before, at most 15 minutes: RateLimitedError says how long.',
    errors: { types: [ValidationError, RateLimitedError], dataField: { description: 'The new session.' } },
    args: { input: t.arg({ type: LoginInput, required: true, description: 'Email and password.' }) },
    resolve: (_root, { input }, context) => login(input, context.clientAddress),
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    description: "Ends the caller's session; its open subscriptions close.",
    resolve: (_root, _args, context) => logout(authenticated(context)),
  }),
);

builder.mutationField('createUser', (t) =>
  t.field({
    type: CreatedUser,
    description: 'Adds a staff member who can sign in at once. ADMIN only.',
    errors: { types: [ValidationError, ...ACCESS_ERRORS], dataField: { description: 'The staff member created.' } },
    args: { input: t.arg({ type: CreateUserInput, required: true, description: 'Who to add.' }) },
    resolve: (_root, { input }, context) => createUser(authenticated(context), input),
  }),
);

builder.mutationField('updateUser', (t) =>
  t.field({
    type: UserRef,
    description: "Changes a staff member's name, role or language. ADMIN only.",
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The staff member as changed.' },
    },
    args: { input: t.arg({ type: UpdateUserInput, required: true, description: 'Who, and what changes.' }) },
    resolve: (_root, { input }, context) =>
      updateUser(authenticated(context), { ...input, id: rawId(String(input.id), 'User', 'Staff member') }),
  }),
);

builder.mutationField('deactivateUser', (t) =>
  t.field({
    type: UserRef,
    description: 'The staff member can no longer sign in; their sessions end now.',
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The staff member, now inactive.' },
    },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, context) =>
      deactivateUser(authenticated(context), rawId(String(id), 'User', 'Staff member')),
  }),
);

builder.mutationField('updateMe', (t) =>
  t.field({
    type: UserRef,
    description: 'Changes your own name or the language the dashboard speaks to you.',
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'You, as changed.' },
    },
    args: { input: t.arg({ type: UpdateMeInput, required: true, description: 'What changes.' }) },
    resolve: (_root, { input }, context) => updateMe(authenticated(context), input),
  }),
);
