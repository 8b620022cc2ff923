// The dashboard's server talks to the API with the session token from the HTTP-only cookie.
import { env } from '$env/dynamic/private';

export const SESSION_COOKIE = 'trofast_session';

export function apiUrl(): string {
  return env.TROFAST_API_URL ?? `http://127.0.0.1:${env.TROFAST_API_PORT ?? 4000}`;
}

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function graphql<T>(
  fetcher: typeof fetch,
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null = null,
  /** The visitor's address, for the API's sign-in throttle: it believes this from a server on its host. */
  clientAddress?: string,
): Promise<GraphQLResponse<T>> {
  const response = await fetcher(`${apiUrl()}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(clientAddress ? { 'x-forwarded-for': clientAddress } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}
