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
    name: t.exposeString('name'),
    scopes: t.expose('scopes', { type: [ApiKeyScopeEnum] }),
    prefix: t.exposeString('prefix', { description: 'The first characters, to recognise a key; never the secret.' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'Kept to the minute.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const CreatedApiKey = builder.objectRef<{ apiKey: { id: string }; secret: string }>('CreatedApiKey').implement({
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, resolve: (created) => created.apiKey as never }),
    secret: t.exposeString('secret', { description: 'Shown here once; store it now.' }),
  }),
});

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    scopes: t.field({ type: [ApiKeyScopeEnum], required: true }),
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
    errors: { types: [ValidationError, ...ACCESS_ERRORS] },
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: (_root, { input }, context) => createApiKey(authenticated(context), input),
  }),
);

builder.mutationField('revokeApiKey', (t) =>
  t.field({
    type: ApiKeyRef,
    description: 'The key is refused from the next request on; its open subscriptions close.',
    errors: { types: [NotFoundError, ...ACCESS_ERRORS] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, context) => revokeApiKey(authenticated(context), rawId(String(id), 'ApiKey', 'API key')),
  }),
);
