import type { EntityManager } from 'typeorm';
import { pseudonymousActors, pseudonymsFor, type ErasureSubject } from './subject';
import { containsPattern, erasureReplacements, textPseudonymiser, type TextPseudonymiser } from './text-pseudonymiser';

/** A SQL condition with its parameters, on the table's own columns (no alias). */
export type Condition = { sql: string; params: unknown[] };

/** Which pseudonym a column of the contact's own rows takes. */
export type PseudonymKind = 'name' | 'email';

/**
 * Where one table holds a contact's personal data and how it is erased. Only rows within `scope`
 * (the contact's customer) are touched, so a person who is a contact of two customers keeps the
 * other one's records.
 */
export type ErasureTarget = {
  table: string;
  scope: (subject: ErasureSubject) => Condition;
  /** Columns holding `<ROLE>:<subject>` of whoever did something: the contact's become the pseudonym. */
  actors?: string[];
  /** Free-text columns: the contact's actor strings, address and name are replaced wherever they appear. */
  text?: string[];
  /** The table's single-column primary key; needed with `text` (rows are rewritten one by one). */
  key?: string;
  /** The contact's own rows (e.g. their address on a mail they were sent): these columns become pseudonyms. */
  own?: { where: (subject: ErasureSubject) => Condition; set: Record<string, PseudonymKind> };
};

/** A table that holds no contact's personal data, and why: every table of a service is one or the other. */
export type NoPersonalData = { table: string; holdsNoPersonalData: string };

export type PersonalDataMap = readonly (ErasureTarget | NoPersonalData)[];

export const isErasureTarget = (entry: ErasureTarget | NoPersonalData): entry is ErasureTarget => !('holdsNoPersonalData' in entry);

const quote = (identifier: string) => `\`${identifier.replace(/`/g, '``')}\``;
const BATCH = 200;

type Affected = { affectedRows?: number };
const affectedRows = (result: unknown) => Number((result as Affected | undefined)?.affectedRows ?? 0);

async function eraseActors(manager: EntityManager, target: ErasureTarget, subject: ErasureSubject): Promise<number> {
  const scope = target.scope(subject);
  let changed = 0;
  for (const column of target.actors ?? []) {
    for (const [actor, pseudonym] of pseudonymousActors(subject.contactId, subject.email)) {
      const result = await manager.query(
        `UPDATE ${quote(target.table)} SET ${quote(column)} = ? WHERE (${scope.sql}) AND ${quote(column)} = ?`,
        [pseudonym, ...scope.params, actor],
      );
      changed += affectedRows(result);
    }
  }
  return changed;
}

async function eraseOwn(manager: EntityManager, target: ErasureTarget, subject: ErasureSubject): Promise<number> {
  if (!target.own) return 0;
  const pseudonyms = pseudonymsFor(subject.contactId);
  const where = target.own.where(subject);
  const columns = Object.entries(target.own.set);
  // Only rows that still hold something else: a second erasure changes nothing.
  const differs = columns.map(([column]) => `NOT (${quote(column)} <=> ?)`).join(' OR ');
  const values = columns.map(([, kind]) => pseudonyms[kind]);
  const result = await manager.query(
    `UPDATE ${quote(target.table)} SET ${columns.map(([column]) => `${quote(column)} = ?`).join(', ')} WHERE (${where.sql}) AND (${differs})`,
    [...values, ...where.params, ...values],
  );
  return affectedRows(result);
}

async function eraseText(
  manager: EntityManager,
  target: ErasureTarget,
  subject: ErasureSubject,
  pseudonymiser: TextPseudonymiser,
): Promise<number> {
  const columns = target.text ?? [];
  if (columns.length === 0) return 0;
  if (!target.key) throw new Error(`${target.table}: free-text erasure needs the table's single-column key`);
  const scope = target.scope(subject);
  const patterns = pseudonymiser.replacements.map((replacement) => containsPattern(replacement.find));
  const matches = columns.flatMap((column) => patterns.map(() => `${quote(column)} LIKE ?`)).join(' OR ');
  const matchParams = columns.flatMap(() => patterns);
  const key = quote(target.key);
  let after: unknown = null;
  let changed = 0;
  for (;;) {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${key} AS \`__key\`, ${columns.map(quote).join(', ')} FROM ${quote(target.table)} WHERE (${scope.sql}) AND (${matches})${after === null ? '' : ` AND ${key} > ?`} ORDER BY ${key} LIMIT ${BATCH}`,
      [...scope.params, ...matchParams, ...(after === null ? [] : [after])],
    );
    for (const row of rows) {
      const changes = columns
        .map((column) => [column, row[column]] as const)
        .filter((entry): entry is readonly [string, string] => typeof entry[1] === 'string')
        .map(([column, value]) => [column, value, pseudonymiser.apply(value)] as const)
        .filter(([, before, after]) => before !== after);
      if (changes.length === 0) continue;
      await manager.query(
        `UPDATE ${quote(target.table)} SET ${changes.map(([column]) => `${quote(column)} = ?`).join(', ')} WHERE ${key} = ?`,
        [...changes.map(([, , value]) => value), row.__key],
      );
      changed += 1;
    }
    if (rows.length < BATCH) return changed;
    after = rows[rows.length - 1].__key;
  }
}

/**
 * Erases a contact from a service's tables, within the caller's transaction: actor strings
 * become `<ROLE>:erased-…`, the contact's own rows take the pseudonyms, and free text has their
 * actor strings, address and name replaced. Only what still holds them is written, so running it
 * again changes nothing. Resolves with the number of rows changed.
 */
export async function applyErasurePlan(manager: EntityManager, map: PersonalDataMap, subject: ErasureSubject): Promise<number> {
  const pseudonymiser = textPseudonymiser(erasureReplacements(subject));
  let changed = 0;
  for (const target of map.filter(isErasureTarget)) {
    changed += await eraseActors(manager, target, subject);
    changed += await eraseText(manager, target, subject, pseudonymiser);
    changed += await eraseOwn(manager, target, subject);
  }
  return changed;
}

/** Free text with the contact erased from it (e.g. a reason typed by staff, before it is stored). */
export function withoutContact(text: string, subject: Pick<ErasureSubject, 'contactId' | 'email' | 'name'>): string {
  return textPseudonymiser(erasureReplacements(subject)).apply(text);
}

/**
 * The tables of a service that its personal-data map does not classify, or names but the service
 * does not have: each must be added to the map, as an erasure target or as holding no personal data.
 */
export function unclassifiedTables(tables: readonly string[], map: PersonalDataMap): { unclassified: string[]; unknown: string[] } {
  const named = new Set(map.map((entry) => entry.table));
  const present = new Set(tables);
  return {
    unclassified: [...present].filter((table) => !named.has(table)).sort(),
    unknown: [...named].filter((table) => !present.has(table)).sort(),
  };
}
