import { useQuery } from 'urql';
import { LocalDateTime } from '@polyplus/web-ui';
import { usePortalSession } from '../session/portal-session';
import { ApiErrorMessage } from '../ui/api-error-message';
import { Empty, Loading } from '../ui/states';
import { words } from '../ui/words';

const DOCUMENTS = `
  query ProductDocuments {
    productDocuments(first: 100) { id title kind softwareVersion language publishedAt downloadUrl product { id model } }
  }`;

type ProductDocument = {
  id: string;
  title: string;
  kind: string;
  softwareVersion: string | null;
  language: string;
  publishedAt: string;
  downloadUrl: string;
  product: { id: string; model: string };
};

/** Download the latest Product documentation: the support service lists it for products the customer has under contract. */
export function DocumentationSection() {
  const { homeZone } = usePortalSession();
  const [{ data, error, fetching }] = useQuery<{ productDocuments: ProductDocument[] }>({ query: DOCUMENTS });
  const byModel = new Map<string, ProductDocument[]>();
  for (const document of data?.productDocuments ?? [])
    byModel.set(document.product.model, [...(byModel.get(document.product.model) ?? []), document]);
  const models = [...byModel.keys()].sort();
  return (
    <section aria-labelledby="documentation-heading">
      <h2 id="documentation-heading">Product documentation</h2>
      <p className="hint">Guides, release notes and datasheets of the products you have under contract, latest first.</p>
      {error && <ApiErrorMessage error={error} />}
      {!data && fetching && <Loading what="documentation" />}
      {data && models.length === 0 && <Empty>No documentation for the products under your contract.</Empty>}
      {models.map((model) => (
        <div
          key={model}
          className="table-wrap"
          tabIndex={0}
          role="region"
          aria-label={`Documentation of ${model}`}
          data-documents-for={model}
        >
          <table className="data-table compact documents">
            <caption>{model}</caption>
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Kind</th>
                <th scope="col">Software version</th>
                <th scope="col">Language</th>
                <th scope="col">Published</th>
              </tr>
            </thead>
            <tbody>
              {byModel.get(model)!.map((document) => (
                <tr key={document.id}>
                  <th scope="row">
                    <a href={document.downloadUrl} rel="noopener noreferrer">
                      {document.title}
                    </a>
                  </th>
                  <td>{words(document.kind)}</td>
                  <td>{document.softwareVersion ?? 'All versions'}</td>
                  <td>{document.language}</td>
                  <td>
                    <LocalDateTime iso={document.publishedAt} zone={homeZone} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
