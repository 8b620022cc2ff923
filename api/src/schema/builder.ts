// The Pothos builder: configuration only. Types live in one file per noun beside it.
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type PrismaTypes from '../generated/pothos-types.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
import AccessPlugin from './access-plugin.ts';
import IdempotencyPlugin from './idempotency.ts';
import InputLimitsPlugin from './input-limits.ts';
import { ACCESS, permits, READ_ACCESS } from '../auth/access.ts';
import { ForbiddenError } from '../domain/errors.ts';
import type { Context } from '../context.ts';
import { db } from '../runtime.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: { access: string; read: string };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    SafeInt: { Input: number; Output: number | bigint };
    JSON: { Input: unknown; Output: unknown };
    File: { Input: File; Output: never };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: { list: false; items: false };
  DefaultNodeNullability: false;
}>({
  // Errors before scope-auth and idempotency, so a refusal or a reused key comes back as data
  // in a mutation's result; errors before prisma, as plugin-errors asks. Input limits after
  // scope-auth (a refused caller learns nothing of the input) and before anything reads a value.
  plugins: [
    AccessPlugin,
    ErrorsPlugin,
    ScopeAuthPlugin,
    InputLimitsPlugin,
    IdempotencyPlugin,
    PrismaPlugin,
    RelayPlugin,
  ],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (context) => ({
      access: (coordinate: string) => permits(context.caller, ACCESS[coordinate]),
      read: (type: string) => permits(context.caller, READ_ACCESS[type]),
    }),
    unauthorizedError: (_parent, context) =>
      context.caller.kind === 'anonymous'
        ? new GraphQLError('Authentication required: send Authorization: Bearer <session token or API key>.', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          })
        : new ForbiddenError('You are not allowed to do this: your role or key scopes do not include it.'),
  },
  errors: { defaultTypes: [] },
  prisma: {
    // Every query runs inside the caller's organization; without one, tenant tables are refused.
    client: (context) =>
      context.caller.kind === 'anonymous'
        ? (db().system as never)
        : (db().forOrganization(context.caller.organizationId) as never),
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: { list: false, items: false } },
    nodeFieldOptions: { nullable: false },
    // What a caller may not read answers as if it did not exist.
    nodeQueryOptions: {
      resolve: (_root, { id }, context, _info, resolveNode) =>
        permits(context.caller, READ_ACCESS[id.typename]) ? resolveNode(id) : null,
    },
    nodesQueryOptions: false,
  },
});
