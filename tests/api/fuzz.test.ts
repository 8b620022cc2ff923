// Hostile input over the whole schema: for every mutation and every argument, down to each field
// of its input objects, generated values no limit lets through — NUL and other control characters,
// lone surrogates, strings up to 1 MB, a pathological email, numbers past what the database holds,
// dates far in the past or future, enum values in the wrong case, deep nesting where a scalar
// belongs. Each answer must come at once, be a ValidationError or a GraphQL validation error and
// never "Unexpected error.", and leave the database as it was. The mutations are read from the
// schema: a new one is covered without editing this file.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { schema } from '../../api/src/schema/index.ts';
import { MAX_COUNT, MAX_MONEY_MINOR } from '../../api/src/domain/validation/input-limits.ts';
import { db } from '../../api/src/runtime.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers } from '../support/partner.ts';
import { createMemberLink } from '../../api/src/services/member-access.service.ts';
import { writeTransaction } from '../../api/src/services/transaction.service.ts';
import { gid } from '../support/operations.ts';

/** Inputs tried per mutation; README states the total. */
const RUNS_PER_MUTATION = 12;
/** The answer's bound on an idle machine; stretched by how much slower than usual the machine answers a trivial request. */
const BOUND_MS = 1000;
/** Tables that change on any authenticated request (last use of a session or key), not by a mutation's input. */
// Sessions and keys note their last use; rate limits count every request, hostile ones too.
const TOUCHED_BY_ANY_REQUEST = new Set([
  'Session',
  'MemberSession',
  'ApiKey',
  'JobLease',
  'RateLimit',
  '_prisma_migrations',
]);

const mutationType = schema.getMutationType() as GraphQLObjectType;
const mutations = Object.values(mutationType.getFields()).filter((field) => field.args.length > 0);

let app: TestApp;
let org: TestOrganization;
/** The member mutations answer a member session only. */
let memberToken: string;
let tried = 0;

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-03-02T10:00:00Z') });
  org = await createTestOrganization(app, 'Fuzz');
  const [customer] = await createCustomers(org, 1, 'F');
  const link = await writeTransaction(org.id, (tx) => createMemberLink(tx, customer.id, app.clock.now()));
  const started = await app.graphql(
    'mutation ($token: String!) { startMemberSession(linkToken: $token) { ... on MutationStartMemberSessionSuccess { data { token } } } }',
    { token: link.split('/').at(-1) },
  );
  memberToken = started.data!.startMemberSession.data.token;
});
afterAll(async () => {
  console.log(`fuzz: ${tried} hostile inputs over ${mutations.length} mutations`);
  await app.stop();
});

/** A path to one leaf of a mutation's arguments: ['input', 'events', '0', 'purchase', 'note']. */
interface Leaf {
  path: string[];
  type: GraphQLInputType;
}

function leavesOf(type: GraphQLInputType, path: string[], depth = 0): Leaf[] {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return leavesOf(nullable.ofType, [...path, '0'], depth);
  if (!isInputObjectType(nullable) || depth > 4) return [{ path, type: nullable }];
  // The object itself is a leaf too: deep nesting goes there.
  return [
    { path, type: nullable },
    ...Object.values(nullable.getFields()).flatMap((field) => leavesOf(field.type, [...path, field.name], depth + 1)),
  ];
}

/** A well-formed value of `type`, following `towards` through @oneOf inputs and lists. */
function plausible(type: GraphQLInputType, towards: string[], depth = 0): unknown {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return [plausible(nullable.ofType, towards.slice(1), depth)];
  if (isEnumType(nullable)) return nullable.getValues()[0].value;
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields());
    if (nullable.isOneOf) {
      const chosen = fields.find((field) => field.name === towards[0]) ?? fields[0];
      return { [chosen.name]: plausible(chosen.type, towards.slice(1), depth + 1) };
    }
    return Object.fromEntries(
      fields
        .filter((field) => isNonNullType(field.type) || field.name === towards[0])
        .map((field) => [
          field.name,
          plausible(field.type, field.name === towards[0] ? towards.slice(1) : [], depth + 1),
        ]),
    );
  }
  switch (nullable.name) {
    case 'Int':
      return 1;
    case 'SafeInt':
      return 1000;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    case 'DateTime':
      return '2026-03-01T10:00:00Z';
    case 'ID':
      return gid('Customer', 'nowhere');
    default:
      return 'DKK';
  }
}

const controlCharacter = fc.constantFrom('\u0000', '\u0001', '\u0007', '\u001b[31m', '\u007f', '\u000b');
const shortText = fc.string({ maxLength: 20 });
const hostileText = fc.oneof(
  fc.tuple(shortText, controlCharacter, shortText).map(([before, control, after]) => `${before}${control}${after}`),
  fc.tuple(shortText, shortText).map(([before, after]) => `${before}\uD800${after}`),
  fc.integer({ min: 4001, max: 1_000_000 }).map((length) => 'x'.repeat(length)),
  // Longer than any cap, a note's included: no limit lets it reach a pattern.
  fc.integer({ min: 2001, max: 78_000 }).map((dots) => `a@${'a.'.repeat(dots)}`),
  fc.constant('\u0000'.repeat(1_000_000)),
);
const hostileInt = fc.oneof(
  fc.integer({ min: MAX_COUNT + 1, max: 2 ** 31 - 1 }),
  fc.integer({ min: -(2 ** 31), max: -MAX_COUNT - 1 }),
  fc.constantFrom(2 ** 31, 2 ** 53 - 1, -(2 ** 53), 1.5, 1e308),
);
const hostileMoney = fc.oneof(
  fc.integer({ min: MAX_MONEY_MINOR + 1, max: Number.MAX_SAFE_INTEGER }),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -MAX_MONEY_MINOR - 1 }),
  fc.constantFrom(2 ** 53, 0.5, 1e308),
);
const hostileDate = fc.oneof(
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('1969-12-31T23:59:59Z'), noInvalidDate: true }),
  fc.date({ min: new Date('2100-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
  fc.constantFrom('0001-01-01T00:00:00Z', '2026-13-45T00:00:00Z', 'yesterday', '+275760-09-13T00:00:00Z'),
);
/** `{ a: { a: … } }`, 100 levels: where a scalar or a flat object belongs. */
const deepNesting = fc.integer({ min: 20, max: 100 }).map((levels) => {
  let value: unknown = 'x';
  for (let level = 0; level < levels; level++) value = { a: value };
  return value;
});

function hostileFor(type: GraphQLInputType): fc.Arbitrary<unknown> {
  const named = getNamedType(type);
  if (isInputObjectType(named)) return deepNesting;
  if (isEnumType(named)) {
    const values = named.getValues().map((value) => value.name);
    return fc.oneof(
      fc.constantFrom(...values).map((value) => value.toLowerCase()),
      fc.constantFrom(...values).map((value) => `${value[0]}${value.slice(1).toLowerCase()}`),
      deepNesting,
    );
  }
  if (isScalarType(named)) {
    switch (named.name) {
      case 'Int':
        return fc.oneof(hostileInt, deepNesting);
      case 'SafeInt':
        return fc.oneof(hostileMoney, deepNesting);
      case 'DateTime':
        return fc.oneof(
          hostileDate.map((date) => (date instanceof Date ? date.toISOString() : date)),
          deepNesting,
        );
      case 'Boolean':
        return fc.oneof(fc.constantFrom('true', 'yes', 1), deepNesting);
      default:
        return fc.oneof(hostileText, deepNesting);
    }
  }
  return deepNesting;
}

function withValueAt(root: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  if (path.length === 0) return root;
  const [head, ...rest] = path;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(root) ? [...root] : { ...root };
  (copy as Record<string, unknown>)[head] =
    rest.length === 0
      ? value
      : withValueAt((root as Record<string, unknown>)[head] as Record<string, unknown>, rest, value);
  return copy as Record<string, unknown>;
}

function documentFor(mutation: GraphQLField<unknown, unknown>): string {
  const variables = mutation.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const args = mutation.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const result = getNamedType(mutation.type);
  const selection = isUnionType(result)
    ? '{ __typename ... on ValidationError { fieldErrors { path message } } ... on Error { message } }'
    : isScalarType(result) || isEnumType(result)
      ? ''
      : '{ __typename }';
  return `mutation (${variables}) { result: ${mutation.name}(${args}) ${selection} }`;
}

/** Every table's rows, hashed: what "nothing changed" is checked against. */
async function fingerprint(): Promise<Record<string, string>> {
  const system = db().acrossOrganizations;
  const tables = await system.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const prints: Record<string, string> = {};
  for (const { tablename } of tables) {
    if (TOUCHED_BY_ANY_REQUEST.has(tablename)) continue;
    const [row] = await system.$queryRawUnsafe<{ print: string }[]>(
      `SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS print FROM "${tablename}" t`,
    );
    prints[tablename] = row.print;
  }
  return prints;
}

async function trivialRequestMs(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await app.graphql('{ me { id } }', {}, org.tokens.ADMIN);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2];
}

describe.each(mutations.map((mutation) => [mutation.name, mutation] as const))('%s', (_name, mutation) => {
  test('answers hostile input at once with a ValidationError or a GraphQL error, and changes nothing', async () => {
    const leaves = mutation.args.flatMap((arg) => leavesOf(arg.type, [arg.name]));
    const document = documentFor(mutation);
    const token =
      mutation.name === 'login' ? undefined : mutation.name.startsWith('member') ? memberToken : org.tokens.ADMIN;
    // A loaded machine answers everything slower; a hostile input must not be slower than that.
    const bound = BOUND_MS * Math.max(1, (await trivialRequestMs()) / 50);
    const before = await fingerprint();

    const leafAndValue = fc
      .constantFrom(...leaves)
      .chain((leaf) => hostileFor(leaf.type).map((value) => ({ leaf, value })));
    await fc.assert(
      fc.asyncProperty(leafAndValue, async ({ leaf, value }) => {
        tried++;
        const [argName, ...inner] = leaf.path;
        const variables = Object.fromEntries(
          mutation.args.map((arg) => [
            arg.name,
            arg.name === argName
              ? inner.length === 0
                ? value
                : withValueAt(plausible(arg.type, inner) as Record<string, unknown>, inner, value)
              : isNonNullType(arg.type)
                ? plausible(arg.type, [])
                : undefined,
          ]),
        );
        const started = performance.now();
        const answer = await app.graphql(document, variables, token);
        const elapsed = performance.now() - started;
        const where = `${mutation.name} ${leaf.path.join('.')}`;
        expect(elapsed, where).toBeLessThan(bound);
        const messages = (answer.errors ?? []).map((error) => error.message);
        expect(messages, where).not.toContain('Unexpected error.');
        const result = answer.data?.result as { __typename?: string } | undefined | null;
        if (answer.errors?.length) expect(result ?? null, where).toBeNull();
        // requestMemberLink answers true whatever it is given, so that it tells nobody anything.
        else if (getNamedType(mutation.type).name === 'Boolean') expect(result, where).toBe(true);
        else expect(result?.__typename, where).toBe('ValidationError');
      }),
      { numRuns: RUNS_PER_MUTATION, endOnFailure: true },
    );

    expect(await fingerprint()).toEqual(before);
  });
});
