export interface GraphQLResult<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/**
 * The request's body: JSON, or, when a variable is a File, a multipart upload
 * (graphql-multipart-request-spec) as the dashboard sends one.
 */
function bodyOf(query: string, variables: Record<string, unknown>): { body: string | FormData; json: boolean } {
  const files = Object.entries(variables).filter(([, value]) => value instanceof File);
  if (files.length === 0) return { body: JSON.stringify({ query, variables }), json: true };
  const form = new FormData();
  const nulled = { ...variables, ...Object.fromEntries(files.map(([name]) => [name, null])) };
  form.append('operations', JSON.stringify({ query, variables: nulled }));
  form.append('map', JSON.stringify(Object.fromEntries(files.map(([name], index) => [index, [`variables.${name}`]]))));
  files.forEach(([, file], index) => form.append(String(index), file as File));
  return { body: form, json: false };
}

/** Sends one GraphQL request over HTTP, as a partner or the dashboard would. */
export async function request<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResult<T> & { status: number }> {
  const { body, json } = bodyOf(query, variables);
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      ...(json ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
  });
  return { status: response.status, ...((await response.json()) as GraphQLResult<T>) };
}
