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
import CountDescriptionPlugin from './count-description.ts';
import IdempotencyPlugin from './idempotency.ts';
import AuditPlugin from './audit-plugin.ts';
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
    AuditPlugin,
    PrismaPlugin,
    RelayPlugin,
    CountDescriptionPlugin,
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
  errors: {
    defaultTypes: [],
    defaultUnionOptions: {
      description:
        'What the operation answers: its `…Success` type holding `data`, or one of the errors it can answer with (nothing was changed then).',
    },
    defaultResultOptions: { description: 'The operation succeeded; `data` holds what it returns.' },
  },
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
    edgesFieldOptions: {
      nullable: { list: false, items: false },
      description: 'The items of this page, each with its cursor, in the order the field states.',
    },
    nodeFieldOptions: { nullable: false, description: 'The item.' },
    cursorFieldOptions: { description: 'Where this item stands: pass it as `after` to read the items after it.' },
    pageInfoFieldOptions: { description: 'Whether there are more pages, and the cursors to reach them.' },
    hasNextPageFieldOptions: { description: 'More items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Items come before this page.' },
    startCursorFieldOptions: { description: "The first item's cursor; null on an empty page." },
    endCursorFieldOptions: { description: "The last item's cursor: pass it as `after` for the next page." },
    firstArgOptions: {
      description: 'How many items to return from the start (or after `after`); at most 100, a larger page is refused.',
    },
    lastArgOptions: {
      description: 'How many items to return from the end (or before `before`); at most 100, a larger page is refused.',
    },
    afterArgOptions: { description: 'Return the items after this cursor (an `endCursor` or `cursor` you were given).' },
    beforeArgOptions: {
      description: 'Return the items before this cursor (a `startCursor` or `cursor` you were given).',
    },
    idFieldOptions: {
      description: 'The global id: opaque, stable, and accepted by `node(id:)` and every argument naming this type.',
    },
    nodeTypeOptions: {
      description: 'Anything with a global id; `node(id:)` fetches it again by that id.',
    },
    pageInfoTypeOptions: { description: 'Where a page stands in its connection.' },
    defaultConnectionTypeOptions: {
      description: 'One page of a list (Relay cursor connection); `totalCount` counts every match, not only this page.',
    },
    defaultEdgeTypeOptions: { description: 'One item of a page, with its cursor.' },
    // What a caller may not read answers as if it did not exist.
    nodeQueryOptions: {
      description:
        'Anything by its global id; null when it does not exist, belongs to another organization, or the caller may not read it.',
      resolve: (_root, { id }, context, _info, resolveNode) =>
        permits(context.caller, READ_ACCESS[id.typename]) ? resolveNode(id) : null,
    },
    nodesQueryOptions: false,
  },
});
