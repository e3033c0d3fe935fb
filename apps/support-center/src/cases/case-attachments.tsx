import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { LocalDateTime } from '@polyplus/web-ui';
import { usePortalSession } from '../session/portal-session';
import { ApiErrorMessage } from '../ui/api-error-message';
import { Done, Empty } from '../ui/states';
import { actorWords, words } from '../ui/words';
import type { CaseAttachment } from './case-documents';
import { contentTypeOf, fetchFile, formatBytes, putFile, saveBlob, sha256Hex, transferUrl, type TransferProblem } from './file-transfer';

const REQUEST_UPLOAD = `
  mutation RequestAttachmentUpload($input: RequestAttachmentUploadInput!) {
    requestAttachmentUpload(input: $input) { attachmentId uploadUrl expiresAt maxBytes }
  }`;

type UploadData = { requestAttachmentUpload: { attachmentId: string; uploadUrl: string; expiresAt: string; maxBytes: number } };

const KINDS = ['NETWORK_DIAGRAM', 'CONFIGURATION', 'CDR', 'OPERATION_PROCEDURE', 'OTHER'] as const;
const KIND_WORDS: Record<(typeof KINDS)[number], string> = {
  NETWORK_DIAGRAM: 'Network diagram',
  CONFIGURATION: 'System configuration',
  CDR: 'Customer detail records (CDRs)',
  OPERATION_PROCEDURE: 'Operation procedure',
  OTHER: 'Other',
};

/**
 * Files on the case ("The Customer will" provide network diagrams, system configurations, CDRs and
 * operation procedures): uploaded with a progress bar through a short-lived link, downloaded with
 * the checksum compared against the one the support service recorded.
 */
export function CaseAttachments({
  incidentId,
  attachments,
  zone,
  onChanged,
}: {
  incidentId: string;
  attachments: CaseAttachment[];
  zone: string;
  onChanged: () => void;
}) {
  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading">Files</h2>
      {attachments.length === 0 ? (
        <Empty>No files on this case yet.</Empty>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Files on the case">
          <table className="data-table attachments">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Kind</th>
                <th scope="col">Size</th>
                <th scope="col">Added</th>
                <th scope="col">Download</th>
              </tr>
            </thead>
            <tbody>
              {attachments.map((attachment) => (
                <tr key={attachment.id} data-attachment-id={attachment.id}>
                  <th scope="row">
                    {attachment.fileName}
                    <span className="sub">SHA-256 {attachment.sha256.slice(0, 16)}…</span>
                  </th>
                  <td>{KIND_WORDS[attachment.kind as keyof typeof KIND_WORDS] ?? words(attachment.kind)}</td>
                  <td className="number">{formatBytes(attachment.size)}</td>
                  <td>
                    <LocalDateTime iso={attachment.uploadedAt} zone={zone} />
                    <span className="sub">by {actorWords(attachment.uploadedBy)}</span>
                  </td>
                  <td>
                    <DownloadButton attachment={attachment} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <UploadForm incidentId={incidentId} onUploaded={onChanged} />
    </section>
  );
}

function DownloadButton({ attachment }: { attachment: CaseAttachment }) {
  const { token } = usePortalSession();
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'done' | 'error'; text: string }>({ kind: 'idle', text: '' });
  // Called fire-and-forget from the button: every failure is caught below and shown beside it.
  const download = async () => {
    setState({ kind: 'busy', text: 'Downloading…' });
    try {
      const blob = await fetchFile(transferUrl(attachment.downloadUrl, window.location.origin), token);
      const digest = await sha256Hex(blob);
      if (digest && digest !== attachment.sha256) {
        setState({ kind: 'error', text: 'The downloaded bytes do not match the recorded checksum; try again.' });
        return;
      }
      saveBlob(blob, attachment.fileName);
      setState({ kind: 'done', text: digest ? 'Downloaded; checksum verified' : 'Downloaded' });
    } catch (error) {
      const problem = error as TransferProblem;
      setState({ kind: 'error', text: `Not downloaded: ${problem.message ?? String(error)}` });
    }
  };
  return (
    <>
      <button type="button" onClick={() => void download()} disabled={state.kind === 'busy'} aria-label={`Download ${attachment.fileName}`}>
        Download
      </button>
      {state.kind !== 'idle' && (
        <span role={state.kind === 'error' ? 'alert' : 'status'} className={`sub ${state.kind === 'error' ? 'warn-text' : 'ok-text'}`}>
          {state.text}
        </span>
      )}
    </>
  );
}

function UploadForm({ incidentId, onUploaded }: { incidentId: string; onUploaded: () => void }) {
  const { token } = usePortalSession();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<(typeof KINDS)[number]>('NETWORK_DIAGRAM');
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [request, requestUpload] = useMutation<UploadData>(REQUEST_UPLOAD);
  const input = useRef<HTMLInputElement>(null);
  const ids = { file: useId(), fileHint: useId(), kind: useId(), progress: useId() };
  // Called fire-and-forget from the form: urql never rejects (a refusal is its result's error, shown below) and a failed transfer is caught.
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setProblem(null);
    setDone(null);
    const contentType = contentTypeOf(file);
    const granted = await requestUpload({ input: { incidentId, fileName: file.name, contentType, size: file.size, kind } });
    if (!granted.data) return;
    setProgress(0);
    try {
      await putFile(
        transferUrl(granted.data.requestAttachmentUpload.uploadUrl, window.location.origin),
        file,
        contentType,
        token,
        setProgress,
      );
      setDone(`${file.name} (${formatBytes(file.size)}) is on the case.`);
      setFile(null);
      if (input.current) input.current.value = '';
      onUploaded();
    } catch (error) {
      const failure = error as TransferProblem;
      setProblem(`${file.name} was not stored: ${failure.message}`);
    } finally {
      setProgress(null);
    }
  };
  return (
    <form className="form-grid" onSubmit={(event) => void submit(event)} aria-labelledby="upload-heading">
      <h3 id="upload-heading">Add a file</h3>
      <label htmlFor={ids.file}>File</label>
      <div>
        <input
          id={ids.file}
          ref={input}
          type="file"
          required
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          aria-describedby={ids.fileHint}
        />
        <p id={ids.fileHint} className="hint">
          Images, PDF, Office and Visio files, packet captures, text, CSV, JSON, XML or ZIP, up to 25 MB. Files are encrypted at rest.
        </p>
      </div>
      <label htmlFor={ids.kind}>What it is</label>
      <select id={ids.kind} value={kind} onChange={(event) => setKind(event.target.value as (typeof KINDS)[number])}>
        {KINDS.map((value) => (
          <option key={value} value={value}>
            {KIND_WORDS[value]}
          </option>
        ))}
      </select>
      <div className="form-actions">
        <button type="submit" disabled={!file || progress !== null || request.fetching}>
          {progress !== null ? 'Uploading…' : 'Upload'}
        </button>
      </div>
      <div className="form-messages">
        {progress !== null && (
          <p>
            <label htmlFor={ids.progress}>Upload progress</label>{' '}
            <progress id={ids.progress} className="upload-progress" max={1} value={progress}>
              {Math.round(progress * 100)}%
            </progress>{' '}
            {Math.round(progress * 100)}%
          </p>
        )}
        {request.error && <ApiErrorMessage error={request.error} prefix="Not uploaded" />}
        {problem && (
          <p role="alert" className="banner banner-error">
            {problem}
          </p>
        )}
        {done && <Done>{done}</Done>}
      </div>
    </form>
  );
}
