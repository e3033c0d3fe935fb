import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badUserInput } from '@polyplus/subgraph-kit';

/** One kind of record in an export (e.g. a service's comments), read in key order a page at a time. */
export type ExportSection = {
  name: string;
  /** Up to `limit` records whose key follows `after` (null: from the first), in key order. */
  read(after: string | null, limit: number): Promise<{ key: string; record: unknown }[]>;
};

export type ExportRecord = { section: string; data: string };

export type ExportPage = { records: ExportRecord[]; next: string | null };

export const DEFAULT_EXPORT_PAGE = 200;
export const MAX_EXPORT_PAGE = 1_000;
export const MAX_CURSOR_LENGTH = 500;

type Cursor = { s: number; k: string | null };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(value: string | null | undefined, sections: number): Cursor {
  if (value === null || value === undefined) return { s: 0, k: null };
  const refused = () => badUserInput('after is not a cursor this export gave', 'after');
  if (value.length > MAX_CURSOR_LENGTH) throw refused();
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  const { s, k } = (cursor ?? {}) as Partial<Cursor>;
  if (!Number.isInteger(s) || (s as number) < 0 || (s as number) > sections || (k !== null && typeof k !== 'string')) throw refused();
  return { s: s as number, k: k ?? null };
}

/**
 * One page of an export over several sections: up to `limit` records, each section's in key order
 * and the sections one after another, with the cursor of the next page (null after the last).
 * Nothing but one page is held in memory, however much the subject has.
 */
export async function readExportPage(
  sections: readonly ExportSection[],
  after: string | null | undefined,
  limit = DEFAULT_EXPORT_PAGE,
): Promise<ExportPage> {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_EXPORT_PAGE)
    throw badUserInput(`limit must be from 1 to ${MAX_EXPORT_PAGE}`, 'limit');
  let cursor = decodeCursor(after, sections.length);
  const records: ExportRecord[] = [];
  while (cursor.s < sections.length) {
    const section = sections[cursor.s];
    const wanted = limit - records.length;
    const rows = await section.read(cursor.k, wanted);
    for (const row of rows) records.push({ section: section.name, data: JSON.stringify(row.record) });
    if (rows.length < wanted) {
      cursor = { s: cursor.s + 1, k: null };
      continue;
    }
    return { records, next: encodeCursor({ s: cursor.s, k: rows[rows.length - 1].key }) };
  }
  return { records, next: null };
}

/**
 * A section read with a query builder over one table: keyset paging on `key` (`key > after`, in
 * key order), each row shown through `view` (e.g. leaving out storage internals).
 */
export function querySection<T extends ObjectLiteral>(
  name: string,
  options: { query: () => SelectQueryBuilder<T>; key: keyof T & string; view?: (row: T) => unknown },
): ExportSection {
  return {
    name,
    async read(after, limit) {
      const builder = options.query();
      const column = `${builder.alias}.${options.key}`;
      if (after !== null) builder.andWhere(`${column} > :keysetAfter`, { keysetAfter: after });
      const rows = await builder.orderBy(column, 'ASC').limit(limit).getMany();
      return rows.map((row) => ({ key: String(row[options.key]), record: options.view ? options.view(row) : row }));
    },
  };
}
