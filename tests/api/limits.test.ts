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

/** customers → purchases → customer → purchases …, `turns` times. */
function nested(turns: number, leaf = 'id'): string {
  let inner = leaf;
  for (let turn = 0; turn < turns; turn++) inner = `purchases(first: 1) { edges { node { customer { ${inner} } } } }`;
  return `{ customers(first: 1) { edges { node { ${inner} } } } }`;
}

test(`a query deeper than ${QUERY_LIMITS.maxDepth} levels is refused; a dashboard-deep one is not`, async () => {
  expect(refused(await ask(nested(3)))).toMatch(/depth limit of 12 exceeded/i);
  expect(refused(await ask(nested(2)))).toBe('');
});

test(`more than ${QUERY_LIMITS.maxAliases} aliases are refused`, async () => {
  const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
  expect(refused(await ask(aliases(QUERY_LIMITS.maxAliases + 1)))).toMatch(/aliases/i);
  expect(refused(await ask(aliases(QUERY_LIMITS.maxAliases)))).toBe('');
});

test(`a document of more than ${QUERY_LIMITS.maxTokens} tokens is refused`, async () => {
  const fields = Array.from({ length: QUERY_LIMITS.maxTokens }, () => 'id').join(' ');
  expect(refused(await ask(`{ me { ${fields} } }`))).toMatch(/token/i);
});

test(`a query costing more than ${QUERY_LIMITS.maxCost} is refused`, async () => {
  // Fragments cost little to send and much to answer: cost counts what the query asks for.
  const fragment = `fragment F on Customer { id name email phone tier pointsBalance externalId kind locale lastPersonalContactAt createdAt
    purchases(first: 1) { edges { node { id occurredAt externalRef pointsEarned createdAt amount { amountMinor currency } } } }
    interactions(first: 1) { edges { node { id channel direction kind personal occurredAt note createdAt } } } }`;
  const alias = (i: number) => `a${i}: customers(first: 1) { edges { node { ...F } } }`;
  const all = Array.from({ length: QUERY_LIMITS.maxAliases }, (_, i) => alias(i));
  expect(refused(await ask(`{ ${all.join(' ')} } ${fragment}`))).toMatch(/cost limit of 10000 exceeded/i);
  expect(refused(await ask(`{ ${alias(0)} } ${fragment}`))).toBe('');
});

test('a page larger than 100 is refused', async () => {
  expect(refused(await ask('{ customers(first: 101) { totalCount } }'))).toMatch(/at most 100/);
  expect(refused(await ask('{ customers(first: 100) { totalCount } }'))).toBe('');
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
