// Micro-benchmark: how many response due-time computations per second the library does.
//   node -r @swc-node/register tools/bench/business-calendar/due-time.bench.ts [iterations]
// Prints a figure; it asserts nothing (timings vary by machine).
import { createCalendar, responseDueAt, type Severity } from '@polyplus/business-calendar';

const iterations = Number(process.argv[2] ?? 200_000);
const makeCalendars = () => [
  createCalendar({ timeZone: 'America/New_York', country: 'US' }),
  createCalendar({ timeZone: 'Europe/Berlin', country: 'DE', subdivision: 'BY' }),
  createCalendar({ timeZone: 'Europe/London', country: 'GB', subdivision: 'ENG' }),
  createCalendar({ timeZone: 'Australia/Sydney', country: 'AU', subdivision: 'NSW' }),
];
const calendars = makeCalendars();
const severities: Severity[] = [1, 2, 3];

// Report instants spread over two years at an awkward 7-minute stride, so weekends, nights,
// holidays and DST changes all occur; pre-built so the loop measures only the library.
const start = Date.UTC(2024, 0, 1);
const inputs = Array.from({ length: 10_000 }, (_, index) => ({
  reportedAt: new Date(start + ((index * 7 * 60_000 * 97) % (730 * 86_400_000))),
  severity: severities[index % 3],
  calendar: calendars[index % calendars.length],
}));

function run(count: number, fresh?: ReturnType<typeof makeCalendars>): number {
  let checksum = 0;
  for (let index = 0; index < count; index += 1) {
    const input = inputs[index % inputs.length];
    const calendar = fresh ? fresh[index % fresh.length] : input.calendar;
    checksum = (checksum + responseDueAt({ ...input, calendar }).getTime()) % 1_000_003;
  }
  return checksum;
}

function timed(label: string, count: number, fresh?: ReturnType<typeof makeCalendars>): void {
  const began = process.hrtime.bigint();
  const checksum = run(count, fresh);
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  console.log(
    `business-calendar ${label}: ${Math.round(count / seconds).toLocaleString('en-US')} due-time computations/s ` +
      `(${count.toLocaleString('en-US')} in ${seconds.toFixed(3)} s, 4 calendars, checksum ${checksum})`,
  );
}

run(inputs.length * 2); // warm-up: JIT, holiday sets and the per-calendar day caches
timed('warm', iterations);
// New calendar objects start with empty day caches: every day seen is resolved through luxon once.
timed('cold calendars', inputs.length, makeCalendars());
