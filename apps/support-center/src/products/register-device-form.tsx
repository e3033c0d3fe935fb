import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { usePortalSession } from '../session/portal-session';
import { ApiErrorMessage } from '../ui/api-error-message';
import { Done } from '../ui/states';
import { REGISTER_DEVICE, type Product, type RegisterDeviceData } from './product-documents';

/** Register Products: one device by serial number, model and site. */
export function RegisterDeviceForm({ products, onRegistered }: { products: Product[]; onRegistered: (serialNumber: string) => void }) {
  const { customer } = usePortalSession();
  const [serialNumber, setSerialNumber] = useState('');
  const [productModel, setProductModel] = useState('');
  const [siteId, setSiteId] = useState(customer.sites[0]?.id ?? '');
  const [done, setDone] = useState<string | null>(null);
  const [state, register] = useMutation<RegisterDeviceData>(REGISTER_DEVICE);
  const ids = { serial: useId(), serialHint: useId(), model: useId(), site: useId() };
  // Called fire-and-forget from the form: urql's executor resolves (never rejects); a refusal is the result's error, shown on the page.
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const result = await register(
      { input: { customerId: customer.id, siteId, serialNumber: serialNumber.trim().toUpperCase(), productModel } },
      { additionalTypenames: ['Device'] },
    );
    if (result.data) {
      setDone(
        `Registered ${result.data.registerDevice.serialNumber} (${result.data.registerDevice.productModel}). Its coverage is shown in the list above.`,
      );
      onRegistered(result.data.registerDevice.serialNumber);
      setSerialNumber('');
    }
  };
  return (
    <form className="form-grid" onSubmit={(event) => void submit(event)} aria-labelledby="register-heading">
      <h2 id="register-heading">Register a product</h2>
      <label htmlFor={ids.serial}>Serial number</label>
      <div>
        <input
          id={ids.serial}
          name="serialNumber"
          value={serialNumber}
          onChange={(event) => setSerialNumber(event.target.value)}
          required
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={ids.serialHint}
        />
        <p id={ids.serialHint} className="hint">
          As printed on the device: 6 to 32 capital letters, digits and hyphens.
        </p>
      </div>
      <label htmlFor={ids.model}>Product model</label>
      <select id={ids.model} name="productModel" value={productModel} onChange={(event) => setProductModel(event.target.value)} required>
        <option value="">Choose a model…</option>
        {products.map((product) => (
          <option key={product.id} value={product.model}>
            {product.model} — {product.name}
          </option>
        ))}
      </select>
      <label htmlFor={ids.site}>Site</label>
      <select id={ids.site} name="siteId" value={siteId} onChange={(event) => setSiteId(event.target.value)} required>
        {customer.sites.map((site) => (
          <option key={site.id} value={site.id}>
            {site.name}
            {site.city ? `, ${site.city}` : ''}
          </option>
        ))}
      </select>
      <div className="form-actions">
        <button type="submit" disabled={state.fetching}>
          {state.fetching ? 'Registering…' : 'Register'}
        </button>
      </div>
      <div className="form-messages">
        {state.error && <ApiErrorMessage error={state.error} prefix="Not registered" />}
        {done && !state.error && <Done>{done}</Done>}
      </div>
    </form>
  );
}
