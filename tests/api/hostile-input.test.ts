// What the security audit sent, and what it now gets: a ValidationError with the field's path,
// never "Unexpected error.", and nothing stored.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers } from '../support/partner.ts';

let app: TestApp;
let org: TestOrganization;

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-03-02T10:00:00Z') });
  org = await createTestOrganization(app, 'Fjendtlig');
  await createCustomers(org, 1, 'H');
});
afterAll(() => app.stop());

const ERRORS = `__typename ... on ValidationError { message fieldErrors { path message } } ... on Error { message }`;

async function customerCount(): Promise<number> {
  const result = await app.graphql('{ customers { totalCount } }', {}, org.tokens.VIEWER);
  return result.data!.customers.totalCount;
}

const upsert = (input: Record<string, unknown>, idempotencyKey?: string) =>
  app.graphql(
    `mutation ($input: UpsertCustomerInput!, $key: String) { upsertCustomer(input: $input, idempotencyKey: $key) { ${ERRORS} } }`,
    { input, key: idempotencyKey },
    org.tokens.AGENT,
  );

test('a 156 KB email is refused at once by its length, and the customer is not stored', async () => {
  const result = await upsert({ externalId: 'H-long', name: 'Lang', email: `a@${'a.'.repeat(78_000)}` });
  expect(result.data!.upsertCustomer).toEqual({
    __typename: 'ValidationError',
    message: 'At most 254 characters (this has 156002).',
    fieldErrors: [{ path: ['input', 'email'], message: 'At most 254 characters (this has 156002).' }],
  });
  expect(await customerCount()).toBe(1);
});

test.each([
  ['name', { externalId: 'H-nul', name: 'Anna\u0000' }, ['input', 'name']],
  ['externalId', { externalId: 'H-\u0000', name: 'Anna' }, ['input', 'externalId']],
  ['phone', { externalId: 'H-tab', name: 'Anna', phone: '+45\u000712345678' }, ['input', 'phone']],
])('a control character in %s is a ValidationError at its path', async (_field, input, path) => {
  const result = await upsert(input);
  expect(result.data!.upsertCustomer.__typename).toBe('ValidationError');
  expect(result.data!.upsertCustomer.fieldErrors).toEqual([
    { path, message: 'Must not contain control characters (such as NUL or a line break).' },
  ]);
  expect(await customerCount()).toBe(1);
});

test('a 1 MB idempotency key is a ValidationError and claims nothing', async () => {
  const key = 'k'.repeat(1_000_000);
  const result = await upsert({ externalId: 'H-key', name: 'Nøgle' }, key);
  expect(result.data!.upsertCustomer.fieldErrors).toEqual([
    { path: ['idempotencyKey'], message: 'At most 200 characters (this has 1000000).' },
  ]);
  const again = await upsert({ externalId: 'H-key', name: 'Nøgle' }, 'a-key-of-normal-length');
  expect(again.data!.upsertCustomer.__typename).toBe('MutationUpsertCustomerSuccess');
});

test('an amount of 2^53 − 1 øre is refused as more than the database holds for money', async () => {
  const result = await app.graphql(
    `mutation { recordPurchase(input: { customer: { externalId: "H-1" }, amount: { amountMinor: 9007199254740991, currency: "DKK" } }) { ${ERRORS} } }`,
    {},
    org.tokens.AGENT,
  );
  expect(result.data!.recordPurchase.fieldErrors).toEqual([
    { path: ['input', 'amount', 'amountMinor'], message: 'Must be between −10000000000 and 10000000000.' },
  ]);
});

test('a purchase dated year 0001 is refused; one back-dated to 1999 is taken', async () => {
  const purchase = (occurredAt: string) =>
    app.graphql(
      `mutation ($at: DateTime) { recordPurchase(input: { customer: { externalId: "H-1" }, amount: { amountMinor: 10000, currency: "DKK" }, occurredAt: $at }) { ${ERRORS} } }`,
      { at: occurredAt },
      org.tokens.AGENT,
    );
  expect((await purchase('0001-01-01T00:00:00Z')).data!.recordPurchase.fieldErrors).toEqual([
    { path: ['input', 'occurredAt'], message: 'Must be between 1970 and 2099.' },
  ]);
  expect((await purchase('1999-05-01T12:00:00Z')).data!.recordPurchase.__typename).toBe(
    'MutationRecordPurchaseSuccess',
  );
});

test('a NUL byte in a customer reference or a search is refused in words, not "Unexpected error."', async () => {
  const byRef = await app.graphql('{ customer(ref: { externalId: "H-\\u0000" }) { id } }', {}, org.tokens.VIEWER);
  const bySearch = await app.graphql(
    '{ customers(filter: { search: "An\\u0000" }) { totalCount } }',
    {},
    org.tokens.VIEWER,
  );
  for (const result of [byRef, bySearch]) {
    expect(result.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      ['Must not contain control characters (such as NUL or a line break).', 'BAD_USER_INPUT'],
    ]);
  }
});

test('a 1 MB email or a NUL byte at sign-in is a ValidationError, for anyone', async () => {
  const signIn = (email: string) =>
    app.graphql(`mutation ($input: LoginInput!) { login(input: $input) { ${ERRORS} } }`, {
      input: { email, password: 'whatever it is' },
    });
  expect((await signIn('x'.repeat(1_000_000))).data!.login.fieldErrors).toEqual([
    { path: ['input', 'email'], message: 'At most 254 characters (this has 1000000).' },
  ]);
  expect((await signIn('admin\u0000@x.example')).data!.login.fieldErrors).toEqual([
    { path: ['input', 'email'], message: 'Must not contain control characters (such as NUL or a line break).' },
  ]);
});

test('an interaction note keeps its line breaks', async () => {
  const result = await app.graphql(
    `mutation { recordInteraction(input: { customer: { externalId: "H-1" }, channel: PHONE, direction: INBOUND, kind: SERVICE, personal: true, note: "Called.\\nHappy again." }) { ${ERRORS} } }`,
    {},
    org.tokens.AGENT,
  );
  expect(result.data!.recordInteraction.__typename).toBe('MutationRecordInteractionSuccess');
});
