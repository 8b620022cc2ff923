// The authorization matrix (api/src/auth/access.ts) is what the schema enforces: every Query,
// Mutation and Subscription field is called as anonymous, as each role and as a key with each
// single scope, and admits exactly the callers the matrix names. A sample call that gets as far as
// a write outside its transaction (db/changes.ts) fails here instead of counting as 'allowed'; most
// samples are refused before they write, so the tests that make each write are the fuller check.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execute, parse, subscribe, type ExecutionResult, type GraphQLObjectType } from 'graphql';
import { ForbiddenError } from '../../api/src/domain/errors.ts';
import { WriteOutsideTransaction } from '../../api/src/db/changes.ts';
import { schema } from '../../api/src/schema/index.ts';
import { ACCESS, permits } from '../../api/src/auth/access.ts';
import { systemCaller, type Caller } from '../../api/src/auth/caller.ts';
import { ApiKeyScope } from '../../api/src/domain/types.ts';
import { tenantDb } from '../../api/src/runtime.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, ROLES } from '../support/fixtures.ts';
import { NOWHERE, OPERATIONS } from '../support/operations.ts';

const rootFields = (['Query', 'Mutation', 'Subscription'] as const).flatMap((kind) => {
  const type = schema.getType(kind) as GraphQLObjectType | undefined;
  return type ? Object.keys(type.getFields()).map((name) => `${kind}.${name}`) : [];
});

let app: TestApp;
const callers: { label: string; caller: Caller }[] = [{ label: 'anonymous', caller: { kind: 'anonymous' } }];

beforeAll(async () => {
  app = await startTestApp();
  const organization = await createTestOrganization(app, 'Matrix');
  const users = await tenantDb(systemCaller(organization.id)).user.findMany();
  for (const user of users) {
    callers.push({
      label: user.role,
      caller: {
        kind: 'user',
        organizationId: organization.id,
        userId: user.id,
        sessionId: 'none',
        role: user.role,
        locale: 'EN',
      },
    });
  }
  callers.push({
    label: 'member',
    caller: { kind: 'member', organizationId: organization.id, customerId: 'none', memberSessionId: 'none' },
  });
  for (const scope of Object.values(ApiKeyScope)) {
    callers.push({
      label: `key with ${scope}`,
      caller: { kind: 'apiKey', organizationId: organization.id, apiKeyId: 'none', scopes: [scope] },
    });
  }
});
afterAll(() => app.stop());

type Outcome = 'allowed' | 'refused';

function outcomeOf(result: ExecutionResult): Outcome {
  const refusedError = result.errors?.some(
    (error) =>
      error.originalError instanceof ForbiddenError ||
      ['FORBIDDEN', 'UNAUTHENTICATED'].includes(error.extensions?.code as string),
  );
  const refusedData = JSON.stringify(result.data ?? null).includes('"__typename":"ForbiddenError"');
  return refusedError || refusedData ? 'refused' : 'allowed';
}

async function run(coordinate: string, caller: Caller): Promise<Outcome> {
  const operation = OPERATIONS[coordinate];
  const args = {
    schema,
    document: parse(operation.document),
    variableValues: operation.variables?.(NOWHERE),
    contextValue: { caller, requestId: 'matrix-test' },
  };
  if (coordinate.startsWith('Subscription.')) {
    const result = await subscribe(args);
    if (Symbol.asyncIterator in result) {
      await result.return?.();
      return 'allowed';
    }
    return outcomeOf(result);
  }
  const result = await execute(args);
  const unaudited = result.errors?.filter((error) => error.originalError instanceof WriteOutsideTransaction);
  expect(unaudited ?? [], coordinate).toEqual([]);
  return outcomeOf(result);
}

test('every root field has a rule in the matrix and a sample call', () => {
  expect(rootFields.filter((field) => !ACCESS[field])).toEqual([]);
  expect(rootFields.filter((field) => !OPERATIONS[field])).toEqual([]);
});

test('the matrix names no field the schema lacks', () => {
  expect(Object.keys(ACCESS).filter((field) => !rootFields.includes(field))).toEqual([]);
});

describe.each(rootFields)('%s', (coordinate) => {
  test('admits exactly the roles and scopes of the matrix', async () => {
    const expected: Record<string, Outcome> = {};
    const actual: Record<string, Outcome> = {};
    for (const { label, caller } of callers) {
      expected[label] = permits(caller, ACCESS[coordinate]) ? 'allowed' : 'refused';
      actual[label] = await run(coordinate, caller);
    }
    expect(JSON.stringify(actual, null, 1)).toBe(JSON.stringify(expected, null, 1));
  });
});

describe('the matrix follows PRODUCT.md "Access"', () => {
  const least = (coordinate: string) => ACCESS[coordinate]?.role;
  test('roles rise VIEWER < AGENT < MANAGER < ADMIN: a higher role may do all a lower one may', () => {
    for (const [coordinate, access] of Object.entries(ACCESS)) {
      if (!access.role) continue;
      const allowed = ROLES.filter((role) =>
        permits({ kind: 'user', organizationId: 'o', userId: 'u', sessionId: 's', role, locale: 'EN' }, access),
      );
      expect(allowed, coordinate).toEqual(ROLES.slice(0, ROLES.indexOf(access.role) + 1));
    }
  });
  test('managing users, API keys and settings is for ADMIN only', () => {
    for (const field of [
      'Query.apiKeys',
      'Mutation.createUser',
      'Mutation.updateUser',
      'Mutation.deactivateUser',
      'Mutation.createApiKey',
      'Mutation.revokeApiKey',
      'Mutation.updateOrganizationSettings',
    ]) {
      expect(least(field), field).toBe('ADMIN');
      expect(ACCESS[field].scopes ?? [], field).toEqual([]);
    }
  });
  test('only the ways in are open to anonymous callers: login, an answer link, a member link, a customer token, and member (null)', () => {
    expect(Object.keys(ACCESS).filter((field) => ACCESS[field].anonymous)).toEqual([
      'Mutation.login',
      'Query.invitation',
      'Mutation.answerInvitation',
      'Mutation.requestMemberLink',
      'Mutation.startMemberSession',
      'Mutation.exchangeCustomerToken',
      'Query.member',
    ]);
  });
});
