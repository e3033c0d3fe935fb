import { axisRange, instantAt, localTime, minuteAtOffset, minuteOfDay, minuteOfWallTime, percentAt, shiftOnDay } from './time-axis';

describe('board time axis', () => {
  it('places an instant at its local minute of the region’s day, not its UTC minute', () => {
    // 09:30 UTC on a summer day is 10:30 in London.
    expect(minuteOfDay('2026-07-01T09:30:00Z', '2026-07-01', 'Europe/London')).toBe(10 * 60 + 30);
    expect(localTime('2026-07-01T09:30:00Z', 'Europe/London')).toBe('10:30');
  });

  it('counts real minutes on the day clocks go back: 13:00 local is 780 + 60 minutes after midnight', () => {
    expect(
      minuteOfDay(
        instantAt('2026-10-25', 'Europe/London', minuteOfWallTime('2026-10-25', 'Europe/London', '13:00')),
        '2026-10-25',
        'Europe/London',
      ),
    ).toBe(13 * 60 + 60);
    expect(localTime(instantAt('2026-10-25', 'Europe/London', 13 * 60 + 60), 'Europe/London')).toBe('13:00');
  });

  it('turns a local wall time on the board’s day into the UTC instant the API expects', () => {
    expect(instantAt('2026-11-25', 'America/Chicago', minuteOfWallTime('2026-11-25', 'America/Chicago', '08:15'))).toBe(
      '2026-11-25T14:15:00Z',
    );
  });

  it('shows 07:00 to 19:00 and widens to whole hours around stops outside it', () => {
    expect(axisRange([])).toEqual({ fromMinute: 420, toMinute: 1140 });
    expect(axisRange([6 * 60 + 20, 19 * 60 + 10])).toEqual({ fromMinute: 360, toMinute: 1200 });
  });

  it('maps a drop position to the quarter hour under the pointer', () => {
    const range = { fromMinute: 420, toMinute: 1140 };
    expect(minuteAtOffset(500, 1000, range)).toBe(780);
    expect(minuteAtOffset(507, 1000, range)).toBe(780);
    expect(minuteAtOffset(-5, 1000, range)).toBe(420);
    expect(percentAt(780, range)).toBe(50);
  });

  it('draws a technician’s shift in their own zone on the region’s axis, and none on a day they do not work', () => {
    const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '08:00', to: '17:00' }));
    const technician = { timeZone: 'Europe/Berlin', workingHours: weekdays };
    expect(shiftOnDay(technician, '2026-11-25', 'Europe/London')).toEqual({
      fromMinute: 7 * 60,
      toMinute: 16 * 60,
      from: '08:00',
      to: '17:00',
    });
    expect(shiftOnDay(technician, '2026-11-28', 'Europe/London')).toBeNull();
  });

  it('greys each day by that weekday’s hours: a short Friday, a working Saturday, no Sunday', () => {
    const technician = {
      timeZone: 'Europe/London',
      workingHours: [
        { weekday: 5, from: '08:00', to: '13:00' },
        { weekday: 6, from: '09:00', to: '13:00' },
      ],
    };
    expect(shiftOnDay(technician, '2026-11-27', 'Europe/London')).toEqual({
      fromMinute: 8 * 60,
      toMinute: 13 * 60,
      from: '08:00',
      to: '13:00',
    });
    expect(shiftOnDay(technician, '2026-11-28', 'Europe/London')).toEqual({
      fromMinute: 9 * 60,
      toMinute: 13 * 60,
      from: '09:00',
      to: '13:00',
    });
    expect(shiftOnDay(technician, '2026-11-29', 'Europe/London')).toBeNull();
    expect(shiftOnDay(technician, '2026-11-26', 'Europe/London')).toBeNull();
  });
});
