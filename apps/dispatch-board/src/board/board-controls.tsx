import { useEffect, useId, useState, type FormEvent } from 'react';
import { shiftDate } from './time-axis';
import type { BoardLocation } from './board-location';

/** Region and day pickers; a plain form, so every control works from the keyboard. */
export function BoardControls({ location, onChange }: { location: BoardLocation; onChange: (next: BoardLocation) => void }) {
  const [region, setRegion] = useState(location.region);
  const [date, setDate] = useState(location.date);
  const regionId = useId();
  const dateId = useId();
  useEffect(() => {
    setRegion(location.region);
    setDate(location.date);
  }, [location.region, location.date]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (region.trim() && date) onChange({ region: region.trim().toUpperCase(), date });
  };
  const step = (days: number) => onChange({ region: location.region, date: shiftDate(location.date, days) });
  return (
    <form className="board-controls" onSubmit={submit} aria-label="Choose the board">
      <label htmlFor={regionId}>Region</label>
      <input
        id={regionId}
        name="region"
        value={region}
        onChange={(event) => setRegion(event.target.value)}
        required
        pattern="[A-Za-z0-9-]{2,32}"
        size={12}
      />
      <label htmlFor={dateId}>Day</label>
      <input id={dateId} name="date" type="date" value={date} onChange={(event) => setDate(event.target.value)} required />
      <button type="submit">Show</button>
      <span className="day-steps">
        <button type="button" onClick={() => step(-1)} disabled={!location.region} aria-label="Previous day">
          ◀ Previous day
        </button>
        <button type="button" onClick={() => step(1)} disabled={!location.region} aria-label="Next day">
          Next day ▶
        </button>
      </span>
    </form>
  );
}
