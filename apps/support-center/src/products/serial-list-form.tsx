import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { apiProblem } from '@polyplus/web-ui';
import { usePortalSession } from '../session/portal-session';
import { ApiErrorMessage } from '../ui/api-error-message';
import { Done } from '../ui/states';
import { words } from '../ui/words';
import { IMPORT_SERIAL_LIST, type ImportSerialListData } from './product-documents';

// The API takes up to 5,000 rows per list; the gateway up to 1 MB per request.
const MAX_LINES = 5_000;
const MAX_BYTES = 512 * 1024;

/** The lines of a list as the API numbers them: every line, blank ones included. */
export function serialListLines(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines;
}

/**
 * The "serial numbers via email" path for customers who cannot use Poly Lens: a list of
 * SERIAL,MODEL lines, registered all or none, with the API's report of every line at fault.
 */
export function SerialListForm({ onRegistered }: { onRegistered: (serialNumbers: string[]) => void }) {
  const { customer } = usePortalSession();
  const [text, setText] = useState('');
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [siteId, setSiteId] = useState(customer.sites[0]?.id ?? '');
  const [done, setDone] = useState<string | null>(null);
  const [state, importList] = useMutation<ImportSerialListData>(IMPORT_SERIAL_LIST);
  const ids = { file: useId(), fileHint: useId(), text: useId(), site: useId() };
  // Called fire-and-forget from the file input: an unreadable file is caught and shown.
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    setFileProblem(null);
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileProblem(
        `The file is ${Math.ceil(file.size / 1024)} KB; send lists of up to ${MAX_BYTES / 1024} KB (about ${MAX_LINES.toLocaleString('en-GB')} lines) at a time.`,
      );
      return;
    }
    try {
      setText(await file.text());
    } catch (error) {
      setFileProblem(`The file could not be read: ${(error as Error).message}`);
    }
  };
  const lines = serialListLines(text);
  // Called fire-and-forget from the form: urql's executor resolves (never rejects); a refusal is the result's error, shown on the page.
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (lines.length > MAX_LINES) {
      setFileProblem(`The list has ${lines.length} lines; send up to ${MAX_LINES.toLocaleString('en-GB')} at a time.`);
      return;
    }
    const result = await importList({ input: { customerId: customer.id, siteId, lines } }, { additionalTypenames: ['Device'] });
    if (result.data) {
      const registered = result.data.importSerialList.devices.map((device) => device.serialNumber);
      setDone(`Registered ${result.data.importSerialList.registeredCount} product(s) from the list: ${registered.join(', ')}.`);
      onRegistered(registered);
      setText('');
    }
  };
  const rows = state.error ? apiProblem(state.error).rows : [];
  return (
    <form className="form-grid" onSubmit={(event) => void submit(event)} aria-labelledby="list-heading">
      <h2 id="list-heading">Send a serial-number list</h2>
      <p className="form-intro hint">
        For products you cannot register with Poly Lens. One product per line as <code>SERIAL,MODEL</code> (comma, semicolon or tab); blank
        lines, lines starting with # and a header line are skipped. The whole list is registered, or nothing and every line at fault is
        listed.
      </p>
      <label htmlFor={ids.file}>List file (.csv or .txt)</label>
      <div>
        <input
          id={ids.file}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={(event) => void onFile(event)}
          aria-describedby={ids.fileHint}
        />
        <p id={ids.fileHint} className="hint">
          Or paste the lines below.
        </p>
      </div>
      <label htmlFor={ids.text}>Lines</label>
      <textarea
        id={ids.text}
        name="lines"
        rows={5}
        value={text}
        onChange={(event) => setText(event.target.value)}
        required
        spellCheck={false}
      />
      <label htmlFor={ids.site}>Site</label>
      <select id={ids.site} value={siteId} onChange={(event) => setSiteId(event.target.value)} required>
        {customer.sites.map((site) => (
          <option key={site.id} value={site.id}>
            {site.name}
          </option>
        ))}
      </select>
      <div className="form-actions">
        <button type="submit" disabled={state.fetching || lines.length === 0}>
          {state.fetching ? 'Registering…' : `Register ${lines.length} line(s)`}
        </button>
      </div>
      <div className="form-messages">
        {fileProblem && (
          <p role="alert" className="banner banner-error">
            {fileProblem}
          </p>
        )}
        {state.error && <ApiErrorMessage error={state.error} prefix="Nothing registered" />}
        {rows.length > 0 && (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="rows-caption">
            <table className="data-table">
              <caption id="rows-caption">Lines at fault ({rows.length})</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Serial number</th>
                  <th scope="col">Field</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={`${row.row}-${row.field}-${row.problem}`}>
                    <th scope="row">{row.row}</th>
                    <td>{row.serialNumber ?? '—'}</td>
                    <td>{row.field ?? '—'}</td>
                    <td>
                      {row.problem ? `${words(row.problem)}: ` : ''}
                      {row.message}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {done && !state.error && <Done>{done}</Done>}
      </div>
    </form>
  );
}
