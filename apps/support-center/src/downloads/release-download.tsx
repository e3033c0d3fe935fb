import { useMutation } from 'urql';
import { LocalDateTime } from '@polyplus/web-ui';
import { usePortalSession } from '../session/portal-session';
import { ApiErrorMessage } from '../ui/api-error-message';

const DOWNLOAD_RELEASE = `
  mutation DownloadRelease($releaseId: ID!) {
    downloadSoftwareRelease(releaseId: $releaseId) { id version url downloadedAt }
  }`;

type DownloadData = { downloadSoftwareRelease: { id: string; version: string; url: string; downloadedAt: string } };

/**
 * The download action of one release. The support service decides: the latest and the latest minus
 * one of a product under contract are handed out (and recorded), an older release is refused.
 */
export function ReleaseDownload({
  release,
  model,
  offered,
}: {
  release: { id: string; version: string };
  model: string;
  offered: boolean;
}) {
  const { homeZone } = usePortalSession();
  // urql's executors resolve (never reject), a refusal being the result's error shown on the page: buttons call them fire-and-forget.
  const [state, download] = useMutation<DownloadData>(DOWNLOAD_RELEASE);
  const given = state.data?.downloadSoftwareRelease;
  return (
    <div className="release-download">
      {!given && (
        <button
          type="button"
          onClick={() => void download({ releaseId: release.id })}
          disabled={state.fetching}
          aria-label={`Download ${model} ${release.version}`}
        >
          {state.fetching ? 'Asking…' : 'Download'}
        </button>
      )}
      {!offered && !given && !state.error && (
        <span className="hint"> Only the latest release and the one before it may be downloaded.</span>
      )}
      {given && (
        <p className="download-link">
          <a href={given.url} rel="noopener noreferrer" download>
            {model} {given.version} from Poly
          </a>
          <span className="sub">
            Download recorded <LocalDateTime iso={given.downloadedAt} zone={homeZone} />
          </span>
        </p>
      )}
      {state.error && <ApiErrorMessage error={state.error} prefix={`${model} ${release.version} not downloaded`} />}
    </div>
  );
}
