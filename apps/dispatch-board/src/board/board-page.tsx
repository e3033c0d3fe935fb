import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import {
  REGION_BOARD_QUERY,
  VISIT_CHANGED_SUBSCRIPTION,
  type RegionBoardData,
  type RegionBoardVariables,
  type VisitChangedData,
} from '../graphql/documents';
import { useLiveStatus } from '@polyplus/web-ui';
import { useBoardLocation } from './board-location';
import { BoardControls } from './board-controls';
import { BoardGrid } from './board-grid';
import { LiveBanner } from './live-banner';
import { UnassignedList } from './unassigned-list';
import { VisitDetails } from './visit-details';
import { shiftDate } from './time-axis';

/** The planner's page: one region's local day, live, with the visit detail beside it. */
export function BoardPage({ onSignOut }: { onSignOut: () => void }) {
  const [location, navigate] = useBoardLocation();
  const [selected, setSelected] = useState<string | null>(null);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [lastChange, setLastChange] = useState<string | null>(null);
  // Absences are asked for a little beyond the local day on both sides: the zone is only known from the answer.
  const variables = useMemo<RegionBoardVariables>(
    () => ({
      region: location.region,
      date: location.date,
      from: `${shiftDate(location.date, -1)}T00:00:00Z`,
      to: `${shiftDate(location.date, 2)}T00:00:00Z`,
    }),
    [location.region, location.date],
  );
  const [board, refetch] = useQuery<RegionBoardData, RegionBoardVariables>({
    query: REGION_BOARD_QUERY,
    variables,
    pause: !location.region,
  });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  // One committed plan sends an event per changed visit: a burst becomes one re-read of the board.
  const pendingReload = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reloadSoon = useCallback(() => {
    if (pendingReload.current) return;
    pendingReload.current = setTimeout(() => {
      pendingReload.current = null;
      reload();
    }, 250);
  }, [reload]);
  useEffect(
    () => () => {
      if (pendingReload.current) clearTimeout(pendingReload.current);
    },
    [],
  );

  useEffect(() => {
    if (board.data && !board.fetching) setUpdatedAt(new Date());
  }, [board.data, board.fetching]);

  // Every change the scheduler or another planner commits in the region re-reads the board.
  useSubscription<VisitChangedData, VisitChangedData, { region: string }>(
    { query: VISIT_CHANGED_SUBSCRIPTION, variables: { region: location.region }, pause: !location.region },
    (_previous, event) => {
      setLastChange(`${event.visitChanged.change.toLowerCase()}: visit ${event.visitChanged.visit.id.slice(0, 8)}`);
      reloadSoon();
      return event;
    },
  );
  // After a reconnect, catch up on whatever happened while the socket was down.
  const { connections } = useLiveStatus();
  useEffect(() => {
    if (connections > 1) reload();
  }, [connections, reload]);

  const data = board.data?.regionBoard;
  const unauthenticated =
    board.error?.graphQLErrors.some((error) => error.extensions?.code === 'UNAUTHENTICATED') || board.error?.response?.status === 401;
  return (
    <div className="page">
      <header className="page-header">
        <h1>Dispatch board</h1>
        <BoardControls location={location} onChange={(next) => navigate(next)} />
        <button type="button" className="sign-out" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <LiveBanner onReload={reload} updatedAt={updatedAt} />
      <p className="sr-only" aria-live="polite">
        {lastChange ? `Board updated after ${lastChange}` : ''}
      </p>
      {!location.region && <p className="empty">Choose a region to see its technicians and visits.</p>}
      {board.error && (
        <div role="alert" className="banner banner-error">
          {unauthenticated
            ? 'The gateway refused your token; sign out and sign in with a valid planner token.'
            : `The board could not be loaded: ${board.error.graphQLErrors[0]?.message ?? board.error.message}`}
        </div>
      )}
      {data && (
        <div className="board-layout">
          <main className="board-main" aria-busy={board.fetching}>
            <h2>
              {data.region} · {location.date} <span className="zone">({data.timeZone})</span>
            </h2>
            <p className="plan-version">Plan version {data.planVersion}</p>
            <BoardGrid board={data} date={location.date} selected={selected} onSelect={setSelected} />
            <Legend />
          </main>
          <aside className="side" aria-label="Unassigned visits and visit detail">
            {selected ? (
              <VisitDetails visitId={selected} board={data} date={location.date} onClose={() => setSelected(null)} />
            ) : (
              <UnassignedList visits={data.unassigned} onSelect={setSelected} />
            )}
          </aside>
        </div>
      )}
    </div>
  );
}

function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      <li>
        <span className="swatch severity-1" aria-hidden="true" /> S1 Critical
      </li>
      <li>
        <span className="swatch severity-2" aria-hidden="true" /> S2 Major
      </li>
      <li>
        <span className="swatch severity-3" aria-hidden="true" /> S3 Minor
      </li>
      <li>
        <span className="swatch travel" aria-hidden="true" /> Travel
      </li>
      <li>
        <span className="swatch off-shift" aria-hidden="true" /> Off shift
      </li>
      <li>
        <span className="swatch absence" aria-hidden="true" /> Absent
      </li>
      <li>
        <span className="part-marker-legend" aria-hidden="true">
          ▼
        </span>{' '}
        Part due on site
      </li>
      <li>
        <span className="pin-tag pin-tag-legend" aria-hidden="true">
          PIN
        </span>{' '}
        Pinned by a planner
      </li>
    </ul>
  );
}
