import { useState, type DragEvent } from 'react';
import type { RegionBoardData } from '../graphql/documents';
import { instantAt, localTime, minuteAtOffset, minuteOfDay, percentAt, shiftOnDay, type AxisRange } from './time-axis';
import { VisitBlock } from './visit-block';
import { decodeDraggedVisit, VISIT_DRAG_TYPE } from './drag-visit';

type Schedule = RegionBoardData['regionBoard']['schedules'][number];

const ABSENCE_LABEL = { SICK: 'Sick', HOLIDAY: 'Holiday', TRAINING: 'Training', OTHER: 'Absent' } as const;

type Props = {
  schedule: Schedule;
  date: string;
  zone: string;
  range: AxisRange;
  selected: string | null;
  onSelect: (visitId: string) => void;
  onDropVisit: (visitId: string, technicianId: string, start: string, label: string) => void;
};

function span(fromMinute: number, toMinute: number, range: AxisRange) {
  const left = percentAt(fromMinute, range);
  return { left: `${left}%`, width: `${Math.max(percentAt(toMinute, range) - left, 0)}%` };
}

/** One technician's day: shift, absences, travel, part arrivals and visits on the region's time axis. */
export function TechnicianRow({ schedule, date, zone, range, selected, onSelect, onDropVisit }: Props) {
  const { technician, stops } = schedule;
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const shift = shiftOnDay(technician, date, zone);
  const minute = (iso: string) => minuteOfDay(iso, date, zone);
  const dropMinute = (event: DragEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return minuteAtOffset(event.clientX - rect.left, rect.width, range);
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes(VISIT_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setDropTarget(localTime(instantAt(date, zone, dropMinute(event)), zone));
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDropTarget(null);
    const visit = decodeDraggedVisit(event.dataTransfer.getData(VISIT_DRAG_TYPE));
    if (visit)
      onDropVisit(
        visit.visitId,
        technician.id,
        instantAt(date, zone, dropMinute(event)),
        `${visit.label} to ${technician.name} at ${localTime(instantAt(date, zone, dropMinute(event)), zone)}`,
      );
  };
  const absences = technician.absences
    .map((absence) => ({ ...absence, from: minute(absence.startsAt), to: minute(absence.endsAt) }))
    .filter((absence) => absence.to > range.fromMinute && absence.from < range.toMinute);
  return (
    <div className="row" role="group" aria-label={`${technician.name}’s day`} data-technician-id={technician.id}>
      <div className="row-label">
        <strong>{technician.name}</strong>
        <span className="row-meta">
          {shift ? `${shift.from}–${shift.to}` : 'Day off'}
          {technician.timeZone !== zone ? ` (${technician.timeZone})` : ''} · {stops.length} {stops.length === 1 ? 'visit' : 'visits'}
        </span>
        {absences.map((absence) => (
          <span key={absence.id} className="row-meta absence-note">
            {ABSENCE_LABEL[absence.kind]} {localTime(absence.startsAt, zone)}–{localTime(absence.endsAt, zone)}
          </span>
        ))}
      </div>
      <div
        className={`lane${dropTarget ? ' lane-drop' : ''}`}
        onDragOver={onDragOver}
        onDragLeave={() => setDropTarget(null)}
        onDrop={onDrop}
        data-axis-from={range.fromMinute}
        data-axis-to={range.toMinute}
      >
        {shift ? (
          <>
            <div className="off-shift" style={span(range.fromMinute, shift.fromMinute, range)} aria-hidden="true" />
            <div className="off-shift" style={span(shift.toMinute, range.toMinute, range)} aria-hidden="true" />
          </>
        ) : (
          <div className="off-shift" style={span(range.fromMinute, range.toMinute, range)} aria-hidden="true" />
        )}
        {absences.map((absence) => (
          <div
            key={absence.id}
            className="absence"
            style={span(absence.from, absence.to, range)}
            title={`${ABSENCE_LABEL[absence.kind]}: ${localTime(absence.startsAt, zone)}–${localTime(absence.endsAt, zone)}`}
          >
            <span>{ABSENCE_LABEL[absence.kind]}</span>
          </div>
        ))}
        {stops.map((stop) => {
          // Drawn leading into the visit: the plan may arrive early and wait, but the gap is what a planner reads.
          const start = minute(stop.start);
          return stop.travelMinutes > 0 ? (
            <div
              key={`travel-${stop.visit.id}`}
              className="travel"
              style={span(start - stop.travelMinutes, start, range)}
              title={`${stop.travelMinutes} min travel`}
              aria-hidden="true"
            />
          ) : null;
        })}
        {stops.map((stop) =>
          stop.visit.releaseAt && minute(stop.visit.releaseAt) >= range.fromMinute && minute(stop.visit.releaseAt) <= range.toMinute ? (
            <span
              key={`part-${stop.visit.id}`}
              className="part-marker"
              style={{ left: `${percentAt(minute(stop.visit.releaseAt), range)}%` }}
              title={`Part for ${stop.visit.incident.device.serialNumber} due ${localTime(stop.visit.releaseAt, zone)}`}
              aria-hidden="true"
            >
              ▼
            </span>
          ) : null,
        )}
        {stops.map((stop) => (
          <VisitBlock
            key={stop.visit.id}
            stop={stop}
            technicianName={technician.name}
            zone={zone}
            style={span(minute(stop.start), minute(stop.end), range)}
            selected={selected === stop.visit.id}
            onSelect={onSelect}
          />
        ))}
        {dropTarget && <span className="drop-hint">Drop to start at {dropTarget}</span>}
      </div>
    </div>
  );
}
