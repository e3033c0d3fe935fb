import { Technician } from '../technician/technician.entity';
import { TechnicianAbsence, TechnicianAbsenceKind } from '../technician/technician-absence.entity';
import { technicianShifts } from './technician-shifts';
import { workingWeek } from '../technician/working-week';

const technician = Object.assign(new Technician(), { id: 't1', timeZone: 'Europe/London', workFrom: '08:00', workTo: '17:00' });
const absence = (startsAt: string, endsAt: string) =>
  Object.assign(new TechnicianAbsence(), {
    id: 'a',
    technicianId: 't1',
    kind: TechnicianAbsenceKind.TRAINING,
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
  });
// Monday 30 November to Wednesday 2 December 2026 (London is on UTC).
const from = Date.parse('2026-11-30T00:00:00Z');
const to = Date.parse('2026-12-03T00:00:00Z');
const iso = (shifts: { start: number; end: number }[]) =>
  shifts.map((shift) => [new Date(shift.start).toISOString(), new Date(shift.end).toISOString()]);

it('a training morning leaves the afternoon as the day’s shift; a sick day leaves none; other days keep their hours', () => {
  const shifts = technicianShifts(
    technician,
    [absence('2026-12-01T08:00:00Z', '2026-12-01T11:00:00Z'), absence('2026-12-02T00:00:00Z', '2026-12-03T00:00:00Z')],
    from,
    to,
  );
  expect(iso(shifts)).toEqual([
    ['2026-11-30T08:00:00.000Z', '2026-11-30T17:00:00.000Z'],
    ['2026-12-01T11:00:00.000Z', '2026-12-01T17:00:00.000Z'],
  ]);
});

it('an absence in the middle of the day keeps the longer free stretch, and less than an hour left is no shift', () => {
  expect(
    iso(technicianShifts(technician, [absence('2026-11-30T10:00:00Z', '2026-11-30T12:00:00Z')], from, Date.parse('2026-12-01T00:00:00Z'))),
  ).toEqual([['2026-11-30T12:00:00.000Z', '2026-11-30T17:00:00.000Z']]);
  expect(
    technicianShifts(technician, [absence('2026-11-30T08:00:00Z', '2026-11-30T16:30:00Z')], from, Date.parse('2026-12-01T00:00:00Z')),
  ).toEqual([]);
});

it('absences of other technicians do not shorten this one’s day', () => {
  const other = Object.assign(absence('2026-11-30T00:00:00Z', '2026-12-01T00:00:00Z'), { technicianId: 't2' });
  expect(technicianShifts(technician, [other], from, Date.parse('2026-12-01T00:00:00Z'))).toHaveLength(1);
});

it('a week set per weekday gives each day its own hours and none on days off, Saturdays included', () => {
  // Monday 30 November to Sunday 6 December 2026.
  const week = Object.assign(new Technician(), {
    ...technician,
    weeklyHours: [
      { weekday: 5, from: '08:00', to: '13:00' },
      { weekday: 1, from: '10:00', to: '18:00' },
      { weekday: 6, from: '09:00', to: '13:00' },
    ],
  });
  expect(iso(technicianShifts(week, [], from, Date.parse('2026-12-07T00:00:00Z')))).toEqual([
    ['2026-11-30T10:00:00.000Z', '2026-11-30T18:00:00.000Z'],
    ['2026-12-04T08:00:00.000Z', '2026-12-04T13:00:00.000Z'],
    ['2026-12-05T09:00:00.000Z', '2026-12-05T13:00:00.000Z'],
  ]);
});

it('without a week set per weekday the hours are workFrom–workTo, Monday to Friday', () => {
  expect(workingWeek(technician)).toEqual(
    [1, 2, 3, 4, 5].map((weekday) => expect.objectContaining({ weekday, from: '08:00', to: '17:00' })),
  );
  expect(technicianShifts(technician, [], Date.parse('2026-12-05T00:00:00Z'), Date.parse('2026-12-07T00:00:00Z'))).toEqual([]);
});

it('a week’s hours are read in the technician’s own zone, across a change of clocks', () => {
  // Berlin: Friday 27 March 2026 is on CET (UTC+1), Friday 3 April on CEST (UTC+2).
  const berlin = Object.assign(new Technician(), {
    ...technician,
    timeZone: 'Europe/Berlin',
    weeklyHours: [{ weekday: 5, from: '08:00', to: '13:00' }],
  });
  expect(iso(technicianShifts(berlin, [], Date.parse('2026-03-23T00:00:00Z'), Date.parse('2026-04-06T00:00:00Z')))).toEqual([
    ['2026-03-27T07:00:00.000Z', '2026-03-27T12:00:00.000Z'],
    ['2026-04-03T06:00:00.000Z', '2026-04-03T11:00:00.000Z'],
  ]);
});
