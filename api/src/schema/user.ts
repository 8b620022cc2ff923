import { builder } from './builder.ts';
import { LocaleEnum, RoleEnum } from './enums.ts';
import { tenantDb } from '../runtime.ts';
import { ValidationError } from '../domain/errors.ts';
import { login, logout } from '../services/session.service.ts';

export const UserRef = builder.prismaNode('User', {
  id: { field: 'id' },
  description: 'A staff member of the organization.',
  fields: (t) => ({
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    role: t.expose('role', { type: RoleEnum }),
    locale: t.expose('locale', { type: LocaleEnum, description: 'The language the dashboard speaks to them.' }),
    active: t.exposeBoolean('active'),
  }),
});

const SessionRef = builder.objectRef<{ token: string; user: { id: string }; expiresAt: Date }>('Session').implement({
  description: 'A signed-in staff session: send `Authorization: Bearer <token>`.',
  fields: (t) => ({
    token: t.exposeString('token'),
    user: t.field({ type: UserRef, resolve: (session) => session.user as never }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

const LoginInput = builder.inputType('LoginInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in staff member; null for a partner key.',
    resolve: (query, _root, _args, { caller }) =>
      caller.kind === 'user' ? tenantDb(caller).user.findUnique({ ...query, where: { id: caller.userId } }) : null,
  }),
);

builder.mutationField('login', (t) =>
  t.field({
    type: SessionRef,
    description: 'Signs a staff member in. After 10 failures for one email in 15 minutes, sign-in pauses.',
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: LoginInput, required: true }) },
    resolve: (_root, { input }) => login(input),
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    description: "Ends the caller's session.",
    resolve: (_root, _args, { caller }) => logout(caller),
  }),
);
