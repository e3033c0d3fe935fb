import { useId, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { LocalDateTime } from '@polyplus/web-ui';
import { usePortalSession } from '../session/portal-session';
import { CaseTable } from '../cases/case-table';
import type { CaseSummary } from '../cases/case-documents';
import { ApiErrorMessage } from '../ui/api-error-message';
import { PageHeading } from '../ui/page-heading';
import { Empty, Loading } from '../ui/states';

const SEARCH_KNOWLEDGE = `
  query SearchKnowledge($text: String!, $product: String) {
    searchKnowledgeBase(text: $text, product: $product, limit: 20) { score article { id title body products tags publishedAt } }
  }`;

type KnowledgeHit = {
  score: number;
  article: { id: string; title: string; body: string; products: string[]; tags: string[]; publishedAt: string };
};

const SEARCH_CASES = `
  query SearchCases($customerId: ID!, $text: String!) {
    searchIncidents(customerId: $customerId, text: $text, limit: 20) {
      id summary severity status channel reportedAt responseDueAt respondedAt responseObjectiveMet businessMinutesRemaining
      device { id serialNumber productModel site { id name timeZone } }
    }
  }`;

const PRODUCTS = `query KnowledgeProducts { products { id model } }`;

/** Perform Knowledge Base searches, and search the customer's own past cases. */
export function KnowledgePage() {
  return (
    <>
      <PageHeading title="Knowledge base" />
      <KnowledgeSearch />
      <PastCaseSearch />
    </>
  );
}

function KnowledgeSearch() {
  const { homeZone } = usePortalSession();
  const [text, setText] = useState('');
  const [product, setProduct] = useState('');
  const [asked, setAsked] = useState<{ text: string; product: string | null } | null>(null);
  const ids = { text: useId(), product: useId() };
  const [{ data: products }] = useQuery<{ products: { id: string; model: string }[] }>({ query: PRODUCTS });
  const [{ data, error, fetching }] = useQuery<{ searchKnowledgeBase: KnowledgeHit[] }>({
    query: SEARCH_KNOWLEDGE,
    variables: asked ?? { text: '' },
    pause: !asked,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAsked({ text: text.trim(), product: product || null });
  };
  const hits = data?.searchKnowledgeBase;
  return (
    <section aria-labelledby="kb-heading">
      <h2 id="kb-heading">Search the knowledge base</h2>
      <form className="inline-form" onSubmit={submit} role="search" aria-labelledby="kb-heading">
        <label htmlFor={ids.text}>Words to find</label>
        <input id={ids.text} type="search" value={text} onChange={(event) => setText(event.target.value)} required maxLength={200} />
        <label htmlFor={ids.product}>Product</label>
        <select id={ids.product} value={product} onChange={(event) => setProduct(event.target.value)}>
          <option value="">All products</option>
          {products?.products.map((item) => (
            <option key={item.id} value={item.model}>
              {item.model}
            </option>
          ))}
        </select>
        <button type="submit">Search</button>
      </form>
      <div aria-live="polite" aria-busy={fetching}>
        {fetching && <Loading what="articles" />}
        {error && <ApiErrorMessage error={error} />}
        {asked && hits && !fetching && hits.length === 0 && (
          <Empty>No article matches “{asked.text}”. Try other words, or open a service request.</Empty>
        )}
        {hits && hits.length > 0 && (
          <ol className="plain results" aria-label={`${hits.length} articles`}>
            {hits.map(({ article }) => (
              <li key={article.id} className="card article">
                <h3>{article.title}</h3>
                <p className="sub">
                  {article.products.join(', ')} · published <LocalDateTime iso={article.publishedAt} zone={homeZone} showZone={false} />
                  {article.tags.length > 0 && ` · ${article.tags.join(', ')}`}
                </p>
                <details>
                  <summary>Read the article</summary>
                  <div className="article-body">{article.body}</div>
                </details>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

function PastCaseSearch() {
  const { customer } = usePortalSession();
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const id = useId();
  const [{ data, error, fetching }] = useQuery<{ searchIncidents: CaseSummary[] }>({
    query: SEARCH_CASES,
    variables: { customerId: customer.id, text: asked ?? '' },
    pause: !asked,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAsked(text.trim());
  };
  const found = data?.searchIncidents;
  return (
    <section aria-labelledby="past-heading">
      <h2 id="past-heading">Search your past cases</h2>
      <form className="inline-form" onSubmit={submit} role="search" aria-labelledby="past-heading">
        <label htmlFor={id}>Words in the summary or resolution</label>
        <input id={id} type="search" value={text} onChange={(event) => setText(event.target.value)} required maxLength={200} />
        <button type="submit">Search cases</button>
      </form>
      <div aria-live="polite" aria-busy={fetching}>
        {fetching && <Loading what="cases" />}
        {error && <ApiErrorMessage error={error} />}
        {asked && found && !fetching && found.length === 0 && <Empty>None of your cases matches “{asked}”.</Empty>}
        {found && found.length > 0 && <CaseTable cases={found} caption={`Cases matching “${asked}” (${found.length})`} />}
      </div>
    </section>
  );
}
