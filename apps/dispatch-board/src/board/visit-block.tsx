import type { CSSProperties, DragEvent } from 'react';
import type { BoardStop } from '../graphql/documents';
import { localTime } from './time-axis';
import { SEVERITY_LABEL, severityClass } from './severity';
import { encodeDraggedVisit, VISIT_DRAG_TYPE } from './drag-visit';

type Props = {
  stop: BoardStop;
  technicianName: string;
  zone: string;
  style: CSSProperties;
  selected: boolean;
  onSelect: (visitId: string) => void;
};

/** A planned visit: a button (opens the detail) that can also be dragged to another row or time. */
export function VisitBlock({ stop, technicianName, zone, style, selected, onSelect }: Props) {
  const { visit } = stop;
  const serial = visit.incident.device.serialNumber;
  const times = `${localTime(stop.start, zone)}–${localTime(stop.end, zone)}`;
  const part = visit.releaseAt ? `, part due ${localTime(visit.releaseAt, zone)}` : '';
  const summary = `S${visit.severity} ${SEVERITY_LABEL[visit.severity]} visit ${serial} at ${visit.site.name}, ${times} with ${technicianName}${part}${visit.pinned ? ', pinned' : ''}`;
  const onDragStart = (event: DragEvent<HTMLButtonElement>) => {
    event.dataTransfer.setData(VISIT_DRAG_TYPE, encodeDraggedVisit({ visitId: visit.id, label: `${serial}` }));
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <button
      type="button"
      className={`visit ${severityClass(visit.severity)}${selected ? ' visit-selected' : ''}`}
      style={style}
      draggable
      onDragStart={onDragStart}
      onClick={() => onSelect(visit.id)}
      aria-pressed={selected}
      title={summary}
      data-visit-id={visit.id}
      data-start={stop.start}
    >
      {/* The accessible name is the visible text plus what the colour and position say. */}
      <span className="visit-line">
        <span className="badge">S{visit.severity}</span>
        <span className="sr-only"> {SEVERITY_LABEL[visit.severity]}</span>{' '}
        {visit.pinned && (
          <span className="pin-tag" aria-hidden="true">
            PIN
          </span>
        )}
        {serial}
      </span>
      <span className="visit-line visit-site">{visit.site.name}</span>
      <span className="visit-line visit-time">{times}</span>
      <span className="sr-only">
        {' '}
        with {technicianName}
        {part}
        {visit.pinned ? ', pinned' : ''}
      </span>
    </button>
  );
}
