import { parseWorkingWeek } from './working-week.validation';

const refusal = (days: { weekday: number; from: string; to: string }[]) => {
  try {
    parseWorkingWeek(days);
  } catch (error) {
    return { code: (error as { extensions?: { code?: string } }).extensions?.code, message: (error as Error).message };
  }
  return null;
};

it('a valid week is kept Monday first, one interval per day', () => {
  expect(
    parseWorkingWeek([
      { weekday: 6, from: '09:00', to: '13:00' },
      { weekday: 5, from: '08:00', to: '13:00' },
    ]),
  ).toEqual([
    { weekday: 5, from: '08:00', to: '13:00' },
    { weekday: 6, from: '09:00', to: '13:00' },
  ]);
  expect(parseWorkingWeek([])).toEqual([]);
});

it('a weekday outside 1–7, a weekday given twice, a clock that is not HH:mm, and a day that ends before it starts are BAD_USER_INPUT naming the field', () => {
  expect(refusal([{ weekday: 0, from: '08:00', to: '17:00' }])).toEqual({
    code: 'BAD_USER_INPUT',
    message: expect.stringMatching(/^workingHours\[0\]\.weekday must be 1 \(Monday\) to 7/),
  });
  expect(refusal([{ weekday: 8, from: '08:00', to: '17:00' }])?.message).toMatch(/^workingHours\[0\]\.weekday/);
  expect(
    refusal([
      { weekday: 1, from: '08:00', to: '17:00' },
      { weekday: 1, from: '18:00', to: '20:00' },
    ])?.message,
  ).toMatch(/^workingHours\[1\]\.weekday 1 is given twice/);
  expect(refusal([{ weekday: 2, from: '8:00', to: '17:00' }])?.message).toMatch(/^workingHours\[0\]\.from must be a local time HH:mm/);
  expect(refusal([{ weekday: 2, from: '08:00', to: '24:00' }])?.message).toMatch(/^workingHours\[0\]\.to must be a local time HH:mm/);
  expect(refusal([{ weekday: 3, from: '13:00', to: '13:00' }])).toEqual({
    code: 'BAD_USER_INPUT',
    message: 'workingHours[0].to (13:00) must be after from (13:00)',
  });
  expect(refusal([{ weekday: 3, from: '13:00', to: '08:00' }])?.message).toMatch(/^workingHours\[0\]\.to/);
});
