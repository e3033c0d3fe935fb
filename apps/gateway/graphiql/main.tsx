// The gateway's development GraphQL IDE: GraphiQL from npm, bundled by `nx build gateway` and served
// by the gateway itself at /graphql for browsers (apps/gateway/src/ide). The page names the endpoint
// and the demo token in data attributes; everything runs from this origin.
import { createRoot } from 'react-dom/client';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { createClient } from 'graphql-ws';
import { getOperationAST, parse } from 'graphql';
import 'graphiql/graphiql.css';
import './graphiql-page.css';

type Fetcher = GraphiQLProps['fetcher'];

const element = document.getElementById('graphiql') as HTMLElement;
const endpoint = new URL(element.dataset.endpoint ?? '/graphql', window.location.href);
const socketUrl = new URL(endpoint);
socketUrl.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';

function isSubscription(query: string, operationName?: string | null): boolean {
  try {
    return getOperationAST(parse(query), operationName ?? undefined)?.operation === 'subscription';
  } catch {
    return false;
  }
}

// Queries and mutations over HTTP; subscriptions over graphql-ws with the header editor's
// Authorization as the connection's, as the gateway expects them.
const fetcher: Fetcher = async (params, options) => {
  const headers = (options?.headers ?? {}) as Record<string, string>;
  if (isSubscription(params.query, params.operationName)) {
    const authorization = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
    const client = createClient({ url: socketUrl.href, connectionParams: authorization ? { authorization } : {}, lazyCloseTimeout: 0 });
    return client.iterate({
      query: params.query,
      operationName: params.operationName ?? undefined,
      variables: params.variables ?? undefined,
    });
  }
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(params),
  });
  return response.json();
};

createRoot(element).render(
  <GraphiQL
    fetcher={fetcher}
    defaultQuery={element.dataset.query}
    defaultHeaders={element.dataset.headers}
    defaultEditorToolsVisibility="headers"
    shouldPersistHeaders={false}
  />,
);
