import { useQuery } from 'urql';
import { usePortalSession } from '../session/portal-session';
import { DocumentationSection } from './documentation-section';
import { ReleaseDownload } from './release-download';
import { ApiErrorMessage } from '../ui/api-error-message';
import { PageHeading } from '../ui/page-heading';
import { Empty, Loading } from '../ui/states';

const OWNED_PRODUCTS = `
  query OwnedProducts($customerId: ID!) {
    devices(customerId: $customerId) { id serialNumber installedVersion updateRequired product { id model name } }
  }`;

type OwnedProductsData = {
  devices: {
    id: string;
    serialNumber: string;
    installedVersion: string | null;
    updateRequired: boolean;
    product: { id: string; model: string; name: string };
  }[];
};

const RELEASES = `
  query ProductReleases($productId: ID!) {
    softwareDownloads(productId: $productId) { id version releasedOn }
    softwareReleases(productId: $productId) { id version releasedOn }
  }`;

type Release = { id: string; version: string; releasedOn: string };
type ReleasesData = { softwareDownloads: Release[]; softwareReleases: Release[] };

type OwnedProduct = {
  id: string;
  model: string;
  name: string;
  devices: { serialNumber: string; installedVersion: string | null; updateRequired: boolean }[];
};

/** Groups the customer's devices by product. */
function ownedProducts(data: OwnedProductsData): OwnedProduct[] {
  const byId = new Map<string, OwnedProduct>();
  for (const device of data.devices) {
    const entry = byId.get(device.product.id) ?? { ...device.product, devices: [] };
    entry.devices.push(device);
    byId.set(device.product.id, entry);
  }
  return [...byId.values()].sort((a, b) => a.model.localeCompare(b.model));
}

/**
 * Download the latest Poly Endpoint Software for the current release and the latest minus one, and
 * the latest Product documentation of the products the customer owns.
 */
export function DownloadsPage() {
  const { customer } = usePortalSession();
  const [{ data, error, fetching }] = useQuery<OwnedProductsData>({ query: OWNED_PRODUCTS, variables: { customerId: customer.id } });
  const products = data ? ownedProducts(data) : [];
  return (
    <>
      <PageHeading title="Downloads" />
      <p className="hint">
        Generally available software for the products you own: you may download the latest release and the one before it, for products under
        a current contract. Each download is recorded. Install updates as they are released.
      </p>
      {error && <ApiErrorMessage error={error} />}
      {!data && fetching && <Loading what="your products" />}
      {data && products.length === 0 && <Empty>Register a product to see its software.</Empty>}
      <h2>Software</h2>
      {products.map((product) => (
        <ProductReleases key={product.id} product={product} />
      ))}
      <DocumentationSection />
    </>
  );
}

function ProductReleases({ product }: { product: OwnedProduct }) {
  const [{ data, error, fetching }] = useQuery<ReleasesData>({ query: RELEASES, variables: { productId: product.id } });
  const downloadable = new Set(data?.softwareDownloads.map((release) => release.id));
  const behind = product.devices.filter((device) => device.updateRequired);
  const headingId = `software-${product.id}`;
  return (
    <section aria-labelledby={headingId} className="card product-software" data-product={product.model}>
      <h3 id={headingId}>
        {product.model} <span className="sub-inline">{product.name}</span>
      </h3>
      <p className="sub">
        {product.devices.length} registered
        {behind.length > 0 && (
          <span className="warn-text">
            {' '}
            · {behind.length} not on the latest release ({behind.map((device) => device.serialNumber).join(', ')})
          </span>
        )}
      </p>
      {error && <ApiErrorMessage error={error} />}
      {fetching && !data && <Loading what="releases" />}
      {data && data.softwareReleases.length === 0 && <Empty>No generally available software for this product.</Empty>}
      {data && data.softwareReleases.length > 0 && (
        <table className="data-table compact releases">
          <caption className="sr-only">Software releases of {product.model}</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Released</th>
              <th scope="col">Download</th>
            </tr>
          </thead>
          <tbody>
            {data.softwareReleases.map((release, index) => (
              <tr key={release.id} data-version={release.version}>
                <th scope="row">
                  {release.version}
                  {index === 0 && <span className="tag tag-ok">latest</span>}
                </th>
                <td>{release.releasedOn}</td>
                <td>
                  <ReleaseDownload release={release} model={product.model} offered={downloadable.has(release.id)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
