import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useNavigation } from '../routing';
import { usePortalSession } from '../session/portal-session';
import { ApiErrorMessage } from '../ui/api-error-message';
import { SEVERITIES } from '../ui/severity';
import { COVERED_DEVICES_QUERY, OPEN_CASE, type CoveredDevicesData, type OpenCaseData } from './case-documents';

/**
 * Create service requests: a designated contact opens a case for a covered device. The case is
 * opened as the signed-in contact; the support service refuses anyone else, and the page says why.
 */
export function OpenCaseForm() {
  const { customer, me } = usePortalSession();
  const { navigate } = useNavigation();
  const [{ data }] = useQuery<CoveredDevicesData>({ query: COVERED_DEVICES_QUERY, variables: { customerId: customer.id } });
  const [deviceId, setDeviceId] = useState('');
  const [severity, setSeverity] = useState('2');
  const [summary, setSummary] = useState('');
  const [state, open] = useMutation<OpenCaseData>(OPEN_CASE);
  const ids = { device: useId(), summary: useId(), summaryHint: useId(), severity: useId(), contact: useId() };
  const devices = data?.devices.filter((device) => device.entitlement.covered) ?? [];
  // Called fire-and-forget from the form: urql's executor resolves (never rejects); a refusal is the result's error, shown on the page.
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await open(
      { input: { contactId: me?.id ?? '', deviceId, severity: Number(severity), channel: 'WEB', summary: summary.trim() } },
      { additionalTypenames: ['Incident'] },
    );
    if (result.data) navigate(`/cases/${result.data.openIncident.id}?opened=1`);
  };
  return (
    <form className="form-grid" onSubmit={(event) => void submit(event)} aria-labelledby="open-heading" aria-describedby={ids.contact}>
      <h2 id="open-heading">Open a service request</h2>
      <p id={ids.contact} className="form-intro hint">
        Only designated contacts may open cases. You open it as <strong>{me?.name ?? 'your sign-in'}</strong>
        {me && !me.designated
          ? ', who is not a designated contact of this account: the support service will refuse it. Ask your customer admin to designate you.'
          : '.'}
      </p>
      <label htmlFor={ids.device}>Product</label>
      <select id={ids.device} name="deviceId" value={deviceId} onChange={(event) => setDeviceId(event.target.value)} required>
        <option value="">Choose a covered product…</option>
        {devices.map((device) => (
          <option key={device.id} value={device.id}>
            {device.serialNumber} · {device.productModel} · {device.site.name}
          </option>
        ))}
      </select>
      <fieldset className="severity-choice">
        <legend>Severity</legend>
        {SEVERITIES.map((level) => (
          <label key={level.level} className="radio">
            <input
              type="radio"
              name="severity"
              value={String(level.level)}
              checked={severity === String(level.level)}
              onChange={(event) => setSeverity(event.target.value)}
            />
            <span>
              <strong>
                Severity {level.level} ({level.name})
              </strong>{' '}
              — response within {level.objective} of business time. <span className="hint">{level.meaning}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={ids.summary}>What is wrong</label>
      <div>
        <textarea
          id={ids.summary}
          name="summary"
          rows={3}
          maxLength={500}
          value={summary}
          onChange={(event) => setSummary(event.target.value)}
          required
          aria-describedby={ids.summaryHint}
        />
        <p id={ids.summaryHint} className="hint">
          Up to 500 characters: what fails, since when, and how it affects your operations.
        </p>
      </div>
      <div className="form-actions">
        <button type="submit" disabled={state.fetching}>
          {state.fetching ? 'Opening…' : 'Open the case'}
        </button>
      </div>
      <div className="form-messages">{state.error && <ApiErrorMessage error={state.error} prefix="The case was not opened" />}</div>
    </form>
  );
}
