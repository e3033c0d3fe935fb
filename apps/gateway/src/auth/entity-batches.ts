import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from './gateway-context';
import { sharedReadKey } from './shared-reads';

/** The part of a subgraph's answer a batch splits: the entities in representation order, and errors. */
export type EntitiesAnswer = { data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] };

type Member<T> = { count: number; resolve: (answer: T) => void; reject: (error: unknown) => void };
type Batch<T> = { first: GraphQLDataSourceProcessOptions<GatewayContext>; representations: unknown[]; members: Member<T>[] };

/** A subgraph answers more representations in one request, but a batch stays a request of ordinary size. */
export const MAX_BATCH_REPRESENTATIONS = 100;

/**
 * What makes two entity reads one batch, or undefined for any other request: the same principal,
 * document and variables but for the representations (an `_entities` read the query planner wrote).
 */
export function entityBatchKey(options: GraphQLDataSourceProcessOptions<GatewayContext>): string | undefined {
  const representations = options.request.variables?.representations;
  if (!Array.isArray(representations) || !options.request.query?.includes('_entities(')) return undefined;
  const { representations: _left, ...others } = options.request.variables ?? {};
  return sharedReadKey({ ...options, request: { ...options.request, variables: others } });
}

/**
 * One member's part of a batch's answer: its slice of `_entities`, the errors on its entities with their
 * index moved back to its own, and every error that names no entity (those concern the whole request).
 */
export function memberAnswer<T extends EntitiesAnswer>(answer: T, start: number, count: number): T {
  const { errors: all, ...rest } = answer;
  const entities = answer.data?._entities;
  const errors = (all ?? []).flatMap((error) => {
    const [field, index, ...rest] = error.path ?? [];
    if (field !== '_entities' || typeof index !== 'number') return [error];
    return index >= start && index < start + count ? [{ ...error, path: [field, index - start, ...rest] }] : [];
  });
  return {
    ...rest,
    data: Array.isArray(entities) ? { ...answer.data, _entities: entities.slice(start, start + count) } : answer.data,
    ...(errors.length ? { errors } : {}),
  } as T;
}

/**
 * Entity reads of one principal that reach the data source in the same turn of the event loop go to
 * the subgraph as one request. An idle gateway sends each read at once (the turn ends with it); a busy
 * one, whose subgraph answers arrive together, sends one entity request where it would send several.
 */
export class EntityBatches<T extends EntitiesAnswer> {
  private readonly open = new Map<string, Batch<T>>();

  constructor(private readonly send: (options: GraphQLDataSourceProcessOptions<GatewayContext>) => Promise<T>) {}

  read(key: string, options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<T> {
    const representations = options.request.variables?.representations as unknown[];
    let batch = this.open.get(key);
    if (batch && batch.representations.length + representations.length > MAX_BATCH_REPRESENTATIONS) {
      this.flush(key, batch);
      batch = undefined;
    }
    if (!batch) {
      const opened: Batch<T> = { first: options, representations: [], members: [] };
      this.open.set(key, opened);
      setImmediate(() => this.flush(key, opened));
      batch = opened;
    }
    const joined = batch;
    return new Promise<T>((resolve, reject) => {
      joined.members.push({ count: representations.length, resolve, reject });
      joined.representations.push(...representations);
    });
  }

  private flush(key: string, batch: Batch<T>): void {
    if (this.open.get(key) !== batch) return; // already sent (it was full)
    this.open.delete(key);
    const { first, representations, members } = batch;
    if (members.length === 1) {
      this.send(first).then(members[0].resolve, members[0].reject);
      return;
    }
    const request = { ...first.request, variables: { ...first.request.variables, representations } };
    this.send({ ...first, request }).then(
      (answer) => {
        let start = 0;
        for (const member of members) {
          member.resolve(memberAnswer(answer, start, member.count));
          start += member.count;
        }
      },
      (error: unknown) => members.forEach((member) => member.reject(error)),
    );
  }
}
