import type { RedisConnection } from '../redis';
import { deadLetterCounts } from './dead-letter';

export type ConsumerStatus = { name: string; pending: number; idleMs: number };

/** A consumer group as Redis sees it. */
export type ConsumerGroupStatus = {
  stream: string;
  group: string;
  /** Entries delivered to a consumer and not acknowledged yet. */
  pending: number;
  /** Entries in the stream the group has not been delivered yet (null when Redis cannot tell, e.g. after deletions). */
  lag: number | null;
  lastDeliveredId: string;
  /** Entries the group gave up on and moved to its dead-letter stream, ever. */
  deadLettered: number;
  consumers: ConsumerStatus[];
};

/** A flat Redis reply `[field, value, …]` as a record. */
export function fieldsToRecord(fields: (string | number | null)[]): Record<string, string | number | null> {
  const result: Record<string, string | number | null> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) result[String(fields[i])] = fields[i + 1];
  return result;
}

const COUNT_CAP = 10_000;

/**
 * Entries after `id`, counted when Redis keeps no read counter for the group (groups created
 * before their counter was set): exact up to 10 000, reported as 10 000 beyond.
 */
async function countAfter(redis: RedisConnection, stream: string, id: string): Promise<number | null> {
  try {
    return (await redis.xrange(stream, `(${id}`, '+', 'COUNT', COUNT_CAP)).length;
  } catch {
    return null;
  }
}

/** Every consumer group of the stream: how far behind each is, what it holds, what it dead-lettered. */
export async function eventStreamStatus(redis: RedisConnection, stream: string): Promise<ConsumerGroupStatus[]> {
  const exists = await redis.exists(stream);
  if (!exists) return [];
  const groups = ((await redis.xinfo('GROUPS', stream)) as (string | number | null)[][]).map(fieldsToRecord);
  const dead = await deadLetterCounts(redis, stream);
  const statuses: ConsumerGroupStatus[] = [];
  for (const info of groups) {
    const group = String(info.name);
    const consumers = ((await redis.xinfo('CONSUMERS', stream, group)) as (string | number)[][]).map(fieldsToRecord);
    statuses.push({
      stream,
      group,
      pending: Number(info.pending),
      lag:
        info.lag === null || info.lag === undefined ? await countAfter(redis, stream, String(info['last-delivered-id'])) : Number(info.lag),
      lastDeliveredId: String(info['last-delivered-id']),
      deadLettered: dead[group] ?? 0,
      consumers: consumers.map((consumer) => ({
        name: String(consumer.name),
        pending: Number(consumer.pending),
        idleMs: Number(consumer.idle),
      })),
    });
  }
  return statuses;
}

/** One group's status, or null when the stream or group does not exist. */
export async function consumerGroupStatus(
  redis: RedisConnection,
  options: { stream: string; group: string },
): Promise<ConsumerGroupStatus | null> {
  return (await eventStreamStatus(redis, options.stream)).find((status) => status.group === options.group) ?? null;
}
