import type { ServiceClock } from '@polyplus/clock';
import type { BackgroundPart } from './background-part';

/** The service's clock follows the stack's test clock while it runs; first to start, so every later part reads its "now". */
export function clockPart(clock: ServiceClock): BackgroundPart {
  return { name: 'clock', start: () => clock.start(), stop: () => clock.close() };
}
