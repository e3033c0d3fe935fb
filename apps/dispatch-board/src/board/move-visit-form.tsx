import { useId, useState, type FormEvent } from 'react';
import type { RegionBoardData, VisitDetailsData } from '../graphql/documents';
import { instantAt, localDate, localTime, minuteOfWallTime } from './time-axis';
import { useMoveVisit } from './use-move-visit';

type Visit = NonNullable<VisitDetailsData['onsiteVisit']>;
type Props = { visit: Visit; board: RegionBoardData['regionBoard']; date: string };

/** The keyboard way to pin a visit: technician, day and start time in the region's zone (keyed by visit: a new visit, a fresh form). */
export function MoveVisitForm({ visit, board, date }: Props) {
  const zone = board.timeZone;
  const initialDay = visit.windowStart ? localDate(visit.windowStart, zone) : date;
  const [technicianId, setTechnicianId] = useState(visit.technician?.id ?? board.schedules[0]?.technician.id ?? '');
  const [day, setDay] = useState(initialDay);
  const [time, setTime] = useState(visit.windowStart ? localTime(visit.windowStart, zone) : '09:00');
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const [moving, move] = useMoveVisit();
  const ids = { technician: useId(), day: useId(), time: useId() };
  // Called fire-and-forget from the form: urql's executor resolves (never rejects); a refusal is the result's error, shown on the page.
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const start = instantAt(day, zone, minuteOfWallTime(day, zone, time));
    const result = await move(visit.id, technicianId, start);
    const name = board.schedules.find((schedule) => schedule.technician.id === technicianId)?.technician.name ?? technicianId;
    setMessage(result.ok ? { kind: 'done', text: `Pinned to ${name} at ${day} ${time}.` } : { kind: 'error', text: result.message });
  };
  return (
    <form className="move-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${ids.technician}-legend`}>
      <h3 id={`${ids.technician}-legend`}>Move and pin</h3>
      <label htmlFor={ids.technician}>Technician</label>
      <select id={ids.technician} value={technicianId} onChange={(event) => setTechnicianId(event.target.value)} required>
        {board.schedules.map(({ technician }) => (
          <option key={technician.id} value={technician.id}>
            {technician.name}
          </option>
        ))}
      </select>
      <label htmlFor={ids.day}>Day</label>
      <input id={ids.day} type="date" value={day} onChange={(event) => setDay(event.target.value)} required />
      <label htmlFor={ids.time}>Start ({zone})</label>
      <input id={ids.time} type="time" step={300} value={time} onChange={(event) => setTime(event.target.value)} required />
      <button type="submit" disabled={moving}>
        {moving ? 'Checking…' : 'Move and pin'}
      </button>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error' : 'ok'}>
          {message.kind === 'error' ? `Not moved: ${message.text}` : message.text}
        </p>
      )}
    </form>
  );
}
