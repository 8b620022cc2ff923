import { builder } from './builder.ts';
import { ApiKeyScopeEnum } from './enums.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { rawId } from './ids.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { authenticated } from '../auth/caller.ts';
import { tenantDb } from '../runtime.ts';
import { createApiKey, revokeApiKey } from '../services/api-key.service.ts';

export const ApiKeyRef = builder.prismaNode('ApiKey', {
  id: { field: 'id' },
  // node(id:) of something that is not there (or not yours) is null, not an error.
  nullable: true,
  description: "A partner's key. Send it as `Authorization: Bearer <key>`; the secret itself is shown once.",
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What the key is for, e.g. the partner it was given to.' }),
    scopes: t.expose('scopes', { type: [ApiKeyScopeEnum], description: 'What the key may do.' }),
    prefix: t.exposeString('prefix', { description: 'The first characters, to recognise a key; never the secret.' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'Kept to the minute.' }),
    revokedAt: t.expose('revokedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was revoked; null while it works.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
  }),
});

const CreatedApiKey = builder.objectRef<{ apiKey: { id: string }; secret: string }>('CreatedApiKey').implement({
  description: 'A new partner key and its secret, shown this once.',
  fields: (t) => ({
    apiKey: t.field({
      type: ApiKeyRef,
      description: 'The key created.',
      resolve: (created) => created.apiKey as never,
    }),
    secret: t.exposeString('secret', { description: 'Shown here once; store it now.' }),
  }),
});

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  description: 'A new partner key.',
  fields: (t) => ({
    name: t.string({ required: true }),
    scopes: t.field({
      type: [ApiKeyScopeEnum],
      required: true,
      description: 'What the key may do; give it no more than it needs.',
    }),
  }),
});

builder.queryField('apiKeys', (t) =>
  t.prismaField({
    type: ['ApiKey'],
    description: 'Every key of the organization, newest first, revoked ones included.',
    resolve: (query, _root, _args, context) =>
      tenantDb(authenticated(context)).apiKey.findMany({ ...query, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
  }),
);

builder.mutationField('createApiKey', (t) =>
  t.field({
    type: CreatedApiKey,
    description: 'Creates a partner key; its secret is in the answer and never shown again. ADMIN only.',
    errors: {
      types: [ValidationError, ...ACCESS_ERRORS],
      dataField: { description: 'The key and its secret.' },
    },
    args: { input: t.arg({ type: CreateApiKeyInput, required: true, description: 'Its name and scopes.' }) },
    resolve: (_root, { input }, context) => createApiKey(authenticated(context), input),
  }),
);

builder.mutationField('revokeApiKey', (t) =>
  t.field({
    type: ApiKeyRef,
    description: 'The key is refused from the next request on; its open subscriptions close.',
    errors: { types: [NotFoundError, ...ACCESS_ERRORS], dataField: { description: 'The key, now revoked.' } },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, context) => revokeApiKey(authenticated(context), rawId(String(id), 'ApiKey', 'API key')),
  }),
);
