// The API over HTTP, as a partner or a staff member sees it: browser tests run Trofast in other
// processes, so they cannot call its services directly.
import { DEMO, DEMO_PASSWORD } from './trofast.ts';

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string }[];
}

/** One GraphQL request; throws on a transport or GraphQL error, so a test fails where it went wrong. */
export async function graphqlAt<T>(
  apiUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  credential?: string,
): Promise<T> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(credential ? { authorization: `Bearer ${credential}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  if (body.errors?.length || !body.data) {
    throw new Error(`GraphQL failed (${response.status}): ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

/** A mutation's errors-as-data union: returns `data` of its Success, or throws with the error. */
export function successOf<T>(result: { __typename: string; data?: T; message?: string }): T {
  if (!result.__typename.endsWith('Success') || result.data === undefined) {
    throw new Error(`${result.__typename}: ${result.message ?? JSON.stringify(result)}`);
  }
  return result.data;
}

const RESULT = '__typename ... on Error { message } ... on ValidationError { fieldErrors { path message } }';

export async function staffToken(apiUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const { login } = await graphqlAt<{ login: { __typename: string; data?: { token: string }; message?: string } }>(
    apiUrl,
    `mutation ($input: LoginInput!) { login(input: $input) { ${RESULT} ... on MutationLoginSuccess { data { token } } } }`,
    { input: { email, password } },
  );
  return successOf(login).token;
}

export const PARTNER_SCOPES = ['CUSTOMERS_READ', 'CUSTOMERS_WRITE', 'EVENTS_WRITE', 'ALERTS_READ'] as const;

/** A partner's API key, created by the demo admin; returns the secret. */
export async function partnerKey(apiUrl: string, name = 'Web shop (test)'): Promise<string> {
  const admin = await staffToken(apiUrl, DEMO.admin);
  const { createApiKey } = await graphqlAt<{
    createApiKey: { __typename: string; data?: { secret: string }; message?: string };
  }>(
    apiUrl,
    `mutation ($input: CreateApiKeyInput!) {
      createApiKey(input: $input) { ${RESULT} ... on MutationCreateApiKeySuccess { data { secret } } }
    }`,
    { input: { name, scopes: PARTNER_SCOPES } },
    admin,
  );
  return successOf(createApiKey).secret;
}

interface NewCustomer {
  externalId: string;
  name: string;
  locale?: 'DA' | 'SV' | 'NB' | 'EN';
}

/** Creates (or updates) a customer as a partner; returns their global id. */
export async function upsertCustomer(apiUrl: string, key: string, customer: NewCustomer): Promise<string> {
  const { upsertCustomer: result } = await graphqlAt<{
    upsertCustomer: { __typename: string; data?: { id: string } };
  }>(
    apiUrl,
    `mutation ($input: UpsertCustomerInput!) {
      upsertCustomer(input: $input) { ${RESULT} ... on MutationUpsertCustomerSuccess { data { id } } }
    }`,
    { input: customer },
    key,
  );
  return successOf(result).id;
}

/** What a web shop does for a new customer: creates them, then records a purchase. */
export async function customerWithPurchase(
  apiUrl: string,
  key: string,
  customer: NewCustomer,
  purchase: { amountMinor: number; occurredAt: string; currency?: string },
): Promise<string> {
  const id = await upsertCustomer(apiUrl, key, customer);
  const { recordPurchase } = await graphqlAt<{ recordPurchase: { __typename: string; data?: { id: string } } }>(
    apiUrl,
    `mutation ($input: RecordPurchaseInput!) {
      recordPurchase(input: $input) { ${RESULT} ... on MutationRecordPurchaseSuccess { data { id } } }
    }`,
    {
      input: {
        customer: { id },
        amount: { amountMinor: purchase.amountMinor, currency: purchase.currency ?? 'DKK' },
        occurredAt: purchase.occurredAt,
        externalRef: `${customer.externalId}-first-purchase`,
      },
    },
    key,
  );
  successOf(recordPurchase);
  return id;
}

/**
 * A customer nobody has talked to for `days` days: created with a purchase that long ago, which
 * raises an IGNORED alert at once (90 days or more without personal contact).
 */
export function ignoredCustomer(apiUrl: string, key: string, externalId: string, name: string, days = 120) {
  const occurredAt = new Date(Date.now() - days * 86_400_000).toISOString();
  return customerWithPurchase(apiUrl, key, { externalId, name }, { amountMinor: 45_000, occurredAt });
}
