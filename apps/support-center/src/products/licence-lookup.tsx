import { useId, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { ApiErrorMessage } from '../ui/api-error-message';
import { Empty, Loading } from '../ui/states';
import { LICENCES_BY_SERIAL, type LicencesBySerialData } from './product-documents';

/** Look up Product licensing by serial number. */
export function LicenceLookup() {
  const [typed, setTyped] = useState('');
  const [serialNumber, setSerialNumber] = useState<string | null>(null);
  const id = useId();
  const [{ data, error, fetching }] = useQuery<LicencesBySerialData>({
    query: LICENCES_BY_SERIAL,
    variables: { serialNumber: serialNumber ?? '' },
    pause: !serialNumber,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSerialNumber(typed.trim().toUpperCase());
  };
  const licences = data?.licencesBySerialNumber;
  return (
    <section aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">Look up licensing by serial number</h2>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor={id}>Serial number</label>
        <input
          id={id}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          required
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit">Look up</button>
      </form>
      <div aria-live="polite">
        {fetching && <Loading what="licences" />}
        {error && <ApiErrorMessage error={error} />}
        {serialNumber && licences && !fetching && licences.length === 0 && (
          <Empty>{serialNumber} is registered and holds no licences.</Empty>
        )}
        {serialNumber && licences && licences.length > 0 && (
          <LicenceTable
            caption={`Licences of ${serialNumber}`}
            licences={licences.map((licence) => ({ ...licence, serialNumber: licence.device.serialNumber }))}
          />
        )}
      </div>
    </section>
  );
}

export function LicenceTable({
  caption,
  licences,
}: {
  caption: string;
  licences: { id: string; feature: string; licenceKey: string; issuedOn: string; expiresOn: string | null; serialNumber: string }[];
}) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Serial number</th>
            <th scope="col">Feature</th>
            <th scope="col">Licence key</th>
            <th scope="col">Issued</th>
            <th scope="col">Valid until</th>
          </tr>
        </thead>
        <tbody>
          {licences.map((licence) => (
            <tr key={licence.id}>
              <th scope="row">{licence.serialNumber}</th>
              <td>{licence.feature}</td>
              <td>
                <code>{licence.licenceKey}</code>
              </td>
              <td>{licence.issuedOn}</td>
              <td>{licence.expiresOn ?? 'Perpetual'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
