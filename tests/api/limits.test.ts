// Limits against hostile queries, each tested with a query just over it (and one at it).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MAX_BODY_BYTES, QUERY_LIMITS } from '../../api/src/yoga.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';

let app: TestApp;
let org: TestOrganization;

beforeAll(async () => {
  app = await startTestApp();
  org = await createTestOrganization(app, 'Grænser');
});
afterAll(() => app.stop());

const ask = (query: string, token: string | undefined = org.tokens.VIEWER) => app.graphql(query, {}, token);
const refused = (result: { errors?: { message: string }[] }) =>
  result.errors?.map((error) => error.message).join(' ') ?? '';

/** customers → purchases → customer → purchases …, `turns` times: 3 levels, then 4 a turn, then the leaf. */
function nested(turns: number, leaf = 'id'): string {
  let inner = leaf;
  for (let turn = 0; turn < turns; turn++) inner = `purchases(first: 1) { edges { node { customer { ${inner} } } } }`;
  return `{ customers(first: 1) { edges { node { ${inner} } } } }`;
}

test(`a query ${QUERY_LIMITS.maxDepth + 1} levels deep is refused; one ${QUERY_LIMITS.maxDepth} deep is not`, async () => {
  expect(refused(await ask(nested(2, 'purchases(first: 1) { totalCount }')))).toBe(
    'Syntax Error: Query depth limit of 12 exceeded, found 13.',
  );
  expect(refused(await ask(nested(2)))).toBe('');
});

test(`${QUERY_LIMITS.maxAliases + 1} aliases are refused; ${QUERY_LIMITS.maxAliases} are not`, async () => {
  const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
  expect(refused(await ask(aliases(QUERY_LIMITS.maxAliases + 1)))).toBe(
    `Syntax Error: Aliases limit of ${QUERY_LIMITS.maxAliases} exceeded, found ${QUERY_LIMITS.maxAliases + 1}.`,
  );
  expect(refused(await ask(aliases(QUERY_LIMITS.maxAliases)))).toBe('');
});

test(`a document of ${QUERY_LIMITS.maxTokens + 1} tokens is refused; one of ${QUERY_LIMITS.maxTokens} is not`, async () => {
  // Around the list, 16 tokens; each tier in it is one more. (A list is cheap to validate, unlike
  // as many repeated fields.)
  const tokens = (count: number) => `{ customers(filter: { tiers: [${' GOLD'.repeat(count - 16)} ] }) { totalCount } }`;
  expect(refused(await ask(tokens(QUERY_LIMITS.maxTokens + 1)))).toBe('Syntax Error: Token limit of 2000 exceeded.');
  expect(refused(await ask(tokens(QUERY_LIMITS.maxTokens)))).toBe('');
});

test(`a query costing ${QUERY_LIMITS.maxCost + 1} is refused; one costing ${QUERY_LIMITS.maxCost} is not`, async () => {
  // A scalar costs 1; an object 2 + 1.5 × its selections, times its page size. So 66 scalars on a
  // page of 99 cost 99 × (2 + 1.5 × 66) = 9999, and each top-level __typename 1 more.
  const costing = (typenames: number) =>
    `{ customers(first: 99) { ${'totalCount '.repeat(66)}} ${'__typename '.repeat(typenames)}}`;
  expect(refused(await ask(costing(2)))).toBe('Syntax Error: Query Cost limit of 10000 exceeded, found 10001.');
  expect(refused(await ask(costing(1)))).toBe('');
});

test('a query costing more than the limit is refused however cheap its text: fragments count what they ask for', async () => {
  const fragment = `fragment F on Customer { id name email phone tier pointsBalance externalId kind locale lastPersonalContactAt createdAt
    purchases(first: 1) { edges { node { id occurredAt externalRef pointsEarned createdAt amount { amountMinor currency } } } }
    interactions(first: 1) { edges { node { id channel direction kind personal occurredAt note createdAt } } } }`;
  const alias = (i: number) => `a${i}: customers(first: 1) { edges { node { ...F } } }`;
  const all = Array.from({ length: QUERY_LIMITS.maxAliases }, (_, i) => alias(i));
  expect(refused(await ask(`{ ${all.join(' ')} } ${fragment}`))).toMatch(/cost limit of 10000 exceeded/i);
  expect(refused(await ask(`{ ${alias(0)} } ${fragment}`))).toBe('');
});

test.each(['first', 'last'])('a page of 101 asked with `%s` is refused; one of 100 is not', async (argument) => {
  const cursor = argument === 'first' ? 'after' : 'before';
  expect(refused(await ask(`{ customers(${argument}: 101) { totalCount } }`))).toBe(
    `A page holds at most 100 items: \`${argument}: 101\` is too many; page with \`${cursor}\`.`,
  );
  expect(refused(await ask(`{ customers(${argument}: 100) { totalCount } }`))).toBe('');
});

test('a page size passed as a variable is checked too', async () => {
  const result = await app.graphql(
    'query ($last: Int) { customers(last: $last) { totalCount } }',
    { last: 500 },
    org.tokens.VIEWER,
  );
  expect(refused(result)).toBe('A page holds at most 100 items: `last: 500` is too many; page with `before`.');
});

test('batched requests are refused', async () => {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${org.tokens.VIEWER}` },
    body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
  });
  expect(response.status).toBe(400);
});

/** A valid request of exactly `bytes` bytes: the padding rides in `extensions`, which any server may ignore. */
function requestOfSize(bytes: number): string {
  const padded = (padding: string) => JSON.stringify({ query: '{ me { id } }', extensions: { padding } });
  return padded('x'.repeat(bytes - padded('').length));
}

/** POSTs `body` as a stream, so it goes chunked, with no Content-Length to judge it by. */
function postChunked(body: string): Promise<Response> {
  return fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${org.tokens.VIEWER}` },
    body: new Blob([body]).stream(),
    duplex: 'half',
  } as RequestInit);
}

test('a request body whose Content-Length is over the limit is refused before it is read', async () => {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${org.tokens.VIEWER}` },
    body: requestOfSize(MAX_BODY_BYTES + 1),
  });
  expect(response.status).toBe(413);
});

test(`a chunked body of ${MAX_BODY_BYTES + 1} bytes is refused with 413 once the bytes read pass the limit`, async () => {
  const response = await postChunked(requestOfSize(MAX_BODY_BYTES + 1));
  expect(response.status).toBe(413);
  expect(await response.json()).toEqual({
    errors: [{ message: 'Request body too large', extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } }],
  });
});

test(`a chunked body of exactly ${MAX_BODY_BYTES} bytes is answered`, async () => {
  const response = await postChunked(requestOfSize(MAX_BODY_BYTES));
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ data: { me: { id: expect.any(String) } } });
});

test('an anonymous caller gets no field suggestions', async () => {
  const result = await ask('{ mee { id } }', undefined);
  expect(refused(result)).not.toMatch(/did you mean/i);
  expect(refused(result)).toMatch(/Cannot query field "mee"/);
});
