import { useState } from 'react';
import { useQuery } from 'urql';
import { usePortalSession } from '../session/portal-session';
import { ApiErrorMessage } from '../ui/api-error-message';
import { PageHeading } from '../ui/page-heading';
import { Empty, Loading } from '../ui/states';
import { words } from '../ui/words';
import { DeviceTable } from './device-table';
import { LicenceLookup, LicenceTable } from './licence-lookup';
import { PRODUCTS_QUERY, type ProductsData } from './product-documents';
import { RegisterDeviceForm } from './register-device-form';
import { SerialListForm } from './serial-list-form';

/** Register Products and look up Product licensing. */
export function ProductsPage() {
  const { customer } = usePortalSession();
  const [{ data, error, fetching }] = useQuery<ProductsData>({
    query: PRODUCTS_QUERY,
    variables: { customerId: customer.id },
    requestPolicy: 'cache-and-network',
  });
  const [highlight, setHighlight] = useState<string | null>(null);
  const licences =
    data?.devices.flatMap((device) => device.licences.map((licence) => ({ ...licence, serialNumber: device.serialNumber }))) ?? [];
  return (
    <>
      <PageHeading title="Products and licensing" />
      <section aria-labelledby="contracts-heading">
        <h2 id="contracts-heading">Contracts</h2>
        {customer.contracts.length === 0 ? (
          <Empty>No Poly+ contract is on record for {customer.name}.</Empty>
        ) : (
          <ul className="plain contracts">
            {customer.contracts.map((contract) => (
              <li key={contract.id}>
                <strong>{contract.reference}</strong>: {contract.startsOn} to {contract.endsOn}
                {contract.options.length > 0 ? ` · options: ${contract.options.map(words).join(', ')}` : ' · no options'}
                {contract.premiumFeatures.length > 0 && ` · Poly Lens premium features: ${contract.premiumFeatures.map(words).join(', ')}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="devices-heading" aria-busy={fetching}>
        <h2 id="devices-heading">Registered products</h2>
        {error && <ApiErrorMessage error={error} />}
        {!data && fetching && <Loading what="your registered products" />}
        {data && <DeviceTable devices={data.devices} contracts={customer.contracts} highlight={highlight} />}
      </section>
      <section aria-labelledby="licences-heading">
        <h2 id="licences-heading">Licences</h2>
        {data &&
          (licences.length === 0 ? (
            <Empty>None of your registered products holds a licence.</Empty>
          ) : (
            <LicenceTable caption={`Licences (${licences.length})`} licences={licences} />
          ))}
      </section>
      <LicenceLookup />
      <div className="two-forms">
        <RegisterDeviceForm products={data?.products ?? []} onRegistered={setHighlight} />
        <SerialListForm onRegistered={(serials) => setHighlight(serials[0] ?? null)} />
      </div>
    </>
  );
}
