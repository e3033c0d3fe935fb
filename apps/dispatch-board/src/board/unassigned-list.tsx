import type { DragEvent } from 'react';
import type { VisitSummary } from '../graphql/documents';
import { SEVERITY_LABEL, severityClass } from './severity';
import { encodeDraggedVisit, VISIT_DRAG_TYPE } from './drag-visit';
import { describeUnassignedReason } from './unassigned-reason';

/** Open visits the scheduler could not place, with its reason; each can be opened or dragged onto a row. */
export function UnassignedList({ visits, onSelect }: { visits: VisitSummary[]; onSelect: (visitId: string) => void }) {
  return (
    <section aria-labelledby="unassigned-heading">
      <h2 id="unassigned-heading">Unassigned visits ({visits.length})</h2>
      {visits.length === 0 ? (
        <p className="empty">Every open visit has a slot.</p>
      ) : (
        <ul className="unassigned">
          {visits.map((visit) => {
            const serial = visit.incident.device.serialNumber;
            const onDragStart = (event: DragEvent<HTMLButtonElement>) => {
              event.dataTransfer.setData(VISIT_DRAG_TYPE, encodeDraggedVisit({ visitId: visit.id, label: serial }));
              event.dataTransfer.effectAllowed = 'move';
            };
            return (
              <li key={visit.id}>
                <button
                  type="button"
                  className="unassigned-item"
                  draggable
                  onDragStart={onDragStart}
                  onClick={() => onSelect(visit.id)}
                  data-visit-id={visit.id}
                >
                  <span className={`badge ${severityClass(visit.severity)}`}>S{visit.severity}</span> <strong>{serial}</strong> ·{' '}
                  {visit.site.name}
                  <span className="sr-only"> ({SEVERITY_LABEL[visit.severity]})</span>
                  <span className="reason">{describeUnassignedReason(visit.unassignedReason)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
