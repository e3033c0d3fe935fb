import { LocalDateTime, localTime, zoneCity } from '@polyplus/web-ui';
import type { CaseVisit } from '../cases/case-documents';
import { words } from '../ui/words';

/** The technician's visit: its arrival window in the site's time, or why it is not scheduled yet. */
export function VisitSummary({ visit, zone }: { visit: CaseVisit; zone: string }) {
  return (
    <div className="visit-summary" data-visit-id={visit.id} data-window-start={visit.windowStart ?? ''}>
      <p>
        <strong className="visit-status">{words(visit.status)}</strong>
        {visit.status === 'PLANNED' && visit.windowStart && visit.windowEnd && (
          <>
            {' '}
            · technician arrives between{' '}
            <span className="visit-window">
              <LocalDateTime iso={visit.windowStart} zone={zone} showZone={false} />–{localTime(visit.windowEnd, zone)}
              <span className="zone-name"> {zoneCity(zone)}</span>
            </span>
          </>
        )}
        {visit.technician && <> · {visit.technician.name}</>}
      </p>
      {visit.status === 'UNPLANNED' && (
        <p className="hint">Poly schedules the visit during business hours, once the replacement part’s delivery is known.</p>
      )}
      {visit.releaseAt && (
        <p className="hint">
          Not before the replacement part arrives: <LocalDateTime iso={visit.releaseAt} zone={zone} />
        </p>
      )}
    </div>
  );
}
