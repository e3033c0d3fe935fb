import type { RedisConnection } from '../redis';
import { fromStreamFields, type EventEnvelope } from './event-envelope';
import { hashTagOf } from '../keys';

/**
 * Keys that travel with a stream in the same Redis Cluster slot: the stream's own hash tag when it
 * has one, else the whole stream key as the tag (`{s}:x` hashes like the untagged key `s`).
 */
export function besideStream(stream: string, suffix: string): string {
  return hashTagOf(stream) !== undefined ? `${stream}:${suffix}` : `{${stream}}:${suffix}`;
}

/** The dead-letter stream of one consumer group: entries it gave up on, with why. */
export function deadLetterStreamKey(stream: string, group: string): string {
  return besideStream(stream, `dead-letter:${group}`);
}

/** Hash of dead-lettered counts per group (never decreases; the dead-letter streams are trimmed). */
export function deadLetterCountsKey(stream: string): string {
  return besideStream(stream, 'dead-letter-counts');
}

export type DeadLetterInfo = {
  group: string;
  consumer: string;
  /** The entry's id in the event stream. */
  entryId: string;
  deliveries: number;
  reason: string;
  deadLetteredAt: string;
};

export type DeadLetter = { id: string; event: EventEnvelope | null; info: DeadLetterInfo; fields: string[] };

/** Keeps the dead-letter streams bounded like the event stream. */
const DEAD_LETTER_MAX_LENGTH = 10_000;

/**
 * Moves an entry out of a group's way in one transaction: a copy (with why) to the group's
 * dead-letter stream, the entry acknowledged, the group's count incremented.
 */
export async function moveToDeadLetter(
  redis: RedisConnection,
  stream: string,
  entryId: string,
  fields: string[],
  info: DeadLetterInfo,
): Promise<void> {
  const results = await redis
    .multi()
    .xadd(
      deadLetterStreamKey(stream, info.group),
      'MAXLEN',
      '~',
      String(DEAD_LETTER_MAX_LENGTH),
      '*',
      ...fields,
      'deadLetter',
      JSON.stringify(info),
    )
    .xack(stream, info.group, entryId)
    .hincrby(deadLetterCountsKey(stream), info.group, 1)
    .exec();
  const failed = results?.find(([error]) => error);
  if (failed) throw failed[0];
}

/** What a group dead-lettered, oldest first. */
export async function readDeadLetters(
  redis: RedisConnection,
  options: { stream: string; group: string; count?: number },
): Promise<DeadLetter[]> {
  const entries = await redis.xrange(deadLetterStreamKey(options.stream, options.group), '-', '+', 'COUNT', options.count ?? 100);
  return entries.map(([id, raw]) => {
    const index = raw.lastIndexOf('deadLetter');
    const fields = index >= 0 && index % 2 === 0 ? raw.slice(0, index) : raw;
    const info = JSON.parse(index >= 0 ? raw[index + 1] : '{}') as DeadLetterInfo;
    let event: EventEnvelope | null = null;
    try {
      event = fromStreamFields(fields);
    } catch {
      event = null;
    }
    return { id, event, info, fields };
  });
}

/** How many entries each group has dead-lettered since the stream began. */
export async function deadLetterCounts(redis: RedisConnection, stream: string): Promise<Record<string, number>> {
  const counts = await redis.hgetall(deadLetterCountsKey(stream));
  return Object.fromEntries(Object.entries(counts).map(([group, count]) => [group, Number(count)]));
}

/**
 * Puts dead-lettered entries back on the event stream (after the cause was fixed) and removes them
 * from the dead-letter stream. Every group sees them again: groups that applied the event already
 * recognise its id (within the processed-id memory, 7 days by default) and skip it.
 */
export async function redriveDeadLetters(
  redis: RedisConnection,
  options: { stream: string; group: string; ids?: string[] },
): Promise<number> {
  const letters = await readDeadLetters(redis, { stream: options.stream, group: options.group, count: 1_000 });
  const chosen = options.ids ? letters.filter((letter) => options.ids?.includes(letter.id)) : letters;
  for (const letter of chosen) {
    // One slot (see besideStream), so one transaction: never both places, never neither.
    const results = await redis
      .multi()
      .xadd(options.stream, '*', ...letter.fields)
      .xdel(deadLetterStreamKey(options.stream, options.group), letter.id)
      .exec();
    const failed = results?.find(([error]) => error);
    if (failed) throw failed[0];
  }
  return chosen.length;
}
