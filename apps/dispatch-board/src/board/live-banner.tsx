import { useLiveStatus } from '@polyplus/web-ui';

/** Says whether the board follows the scheduler live; when the socket drops, says so and offers a reload. */
export function LiveBanner({ onReload, updatedAt }: { onReload: () => void; updatedAt: Date | null }) {
  const { status, reason } = useLiveStatus();
  if (status === 'down') {
    return (
      <div role="alert" className="banner banner-error">
        Live updates are interrupted ({reason ?? 'no connection'}); the board may be out of date. Reconnecting…{' '}
        <button type="button" onClick={onReload}>
          Reload the board now
        </button>
      </div>
    );
  }
  return (
    <p className="live-status" role="status" aria-live="polite">
      <span className={`live-dot live-${status}`} aria-hidden="true" />
      {status === 'live' ? 'Live' : 'Connecting to live updates…'}
      {updatedAt && <> · updated {updatedAt.toLocaleTimeString()}</>}
    </p>
  );
}
