import { useState } from 'react';
import type { RegionBoardData } from '../graphql/documents';
import { axisRange, hourTicks, minuteOfDay, percentAt, shiftOnDay, type AxisRange } from './time-axis';
import { TechnicianRow } from './technician-row';
import { useMoveVisit } from './use-move-visit';

type Board = RegionBoardData['regionBoard'];

function rangeFor(board: Board, date: string): AxisRange {
  const minutes: number[] = [];
  for (const { technician, stops } of board.schedules) {
    const shift = shiftOnDay(technician, date, board.timeZone);
    if (shift) minutes.push(shift.fromMinute, shift.toMinute);
    for (const stop of stops) {
      minutes.push(minuteOfDay(stop.start, date, board.timeZone) - stop.travelMinutes, minuteOfDay(stop.end, date, board.timeZone));
    }
  }
  return axisRange(minutes);
}

/** The time ruler and one row per technician; visits can be dropped on a row to move them there. */
export function BoardGrid({
  board,
  date,
  selected,
  onSelect,
}: {
  board: Board;
  date: string;
  selected: string | null;
  onSelect: (visitId: string) => void;
}) {
  const range = rangeFor(board, date);
  const [moving, move] = useMoveVisit();
  const [dropMessage, setDropMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  // Called fire-and-forget on a drop: move() resolves (never rejects) with the refusal, shown in the banner.
  const onDropVisit = async (visitId: string, technicianId: string, start: string, label: string) => {
    setDropMessage(null);
    const result = await move(visitId, technicianId, start);
    setDropMessage(
      result.ok ? { kind: 'done', text: `Moved and pinned: ${label}` } : { kind: 'error', text: `Not moved: ${result.message}` },
    );
  };
  if (board.schedules.length === 0) return <p className="empty">No technicians work in {board.region}.</p>;
  return (
    <div className="board-grid" aria-busy={moving}>
      {dropMessage && (
        <p
          role={dropMessage.kind === 'error' ? 'alert' : 'status'}
          className={dropMessage.kind === 'error' ? 'banner banner-error' : 'banner banner-ok'}
        >
          {dropMessage.text}
        </p>
      )}
      <div className="ruler" aria-hidden="true">
        <div className="ruler-label">Technician</div>
        <div className="ruler-lane">
          {hourTicks(range).map((minute) => (
            <span key={minute} className="tick" style={{ left: `${percentAt(minute, range)}%` }}>
              {String(Math.floor(minute / 60) % 24).padStart(2, '0')}:00
            </span>
          ))}
        </div>
      </div>
      {board.schedules.map((schedule) => (
        <TechnicianRow
          key={schedule.technician.id}
          schedule={schedule}
          date={date}
          zone={board.timeZone}
          range={range}
          selected={selected}
          onSelect={onSelect}
          onDropVisit={(visitId, technicianId, start, label) => void onDropVisit(visitId, technicianId, start, label)}
        />
      ))}
    </div>
  );
}
