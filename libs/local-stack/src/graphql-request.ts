export type GraphQLErrorShape = { message: string; extensions?: { code?: string; [key: string]: unknown }; path?: (string | number)[] };
export type GraphQLResult<T> = { data?: T | null; errors?: GraphQLErrorShape[] };

/** Where to send a request: a URL alone (no credentials) or a URL with the caller's bearer token. */
export type GraphQLTarget = string | { url: string; token: string };

/** One GraphQL request over HTTP, returning data and errors as the server sent them. */
export async function graphqlRequest<T = Record<string, unknown>>(
  target: GraphQLTarget,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResult<T>> {
  const { url, token } = typeof target === 'string' ? { url: target, token: undefined } : target;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}

/** Like graphqlRequest, but throws when the server answered with errors. */
export async function graphqlData<T = Record<string, unknown>>(
  target: GraphQLTarget,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const result = await graphqlRequest<T>(target, query, variables);
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}
