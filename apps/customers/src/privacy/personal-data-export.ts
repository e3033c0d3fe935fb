import type { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import {
  MAX_SUBJECT_INCIDENTS,
  isContactExport,
  readExportPage,
  type ExportPage,
  type ExportSubject,
  type PersonalDataPeer,
} from '@polyplus/privacy';
import { customersExportSections } from './customers-personal-data';

/** Export format written into every document; a consumer can branch on it. */
export const EXPORT_FORMAT = 'polyplus.personal-data-export.v1';
export const EXPORT_PAGE_SIZE = 200;

/** Services that know cases only by id: a contact's export asks them about the contact's cases. */
const BY_CASE = new Set(['logistics', 'dispatch']);

export type ExportedRecord = { service: string; section: string; data: string };

async function* pages(service: string, read: (after: string | null) => Promise<ExportPage>): AsyncGenerator<ExportedRecord> {
  let after: string | null = null;
  do {
    const page: ExportPage = await read(after);
    for (const record of page.records) yield { service, section: record.section, data: record.data };
    after = page.next;
  } while (after);
}

function* chunks<T>(values: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < values.length; start += size) yield values.slice(start, start + size);
}

/**
 * Every record the product holds about the subject, service by service and a page at a time: this
 * service's own first, then each other service's; for a contact, the services that know cases only
 * by id are asked about the cases the incidents service listed as theirs.
 */
export async function* personalDataRecords(
  dataSource: DataSource,
  peers: readonly PersonalDataPeer[],
  subject: ExportSubject,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<ExportedRecord> {
  const own = customersExportSections(dataSource, subject);
  yield* pages('customers', (after) => readExportPage(own, after, pageSize));
  const contact = isContactExport(subject);
  const cases: string[] = [];
  for (const peer of peers.filter((candidate) => !BY_CASE.has(candidate.service))) {
    for await (const record of pages(peer.service, (after) => peer.exportPage(subject, after, pageSize))) {
      if (contact && record.service === 'incidents' && record.section === 'incidents')
        cases.push((JSON.parse(record.data) as { id: string }).id);
      yield record;
    }
  }
  for (const peer of peers.filter((candidate) => BY_CASE.has(candidate.service))) {
    if (!contact) {
      yield* pages(peer.service, (after) => peer.exportPage(subject, after, pageSize));
      continue;
    }
    for (const incidentIds of chunks(cases, MAX_SUBJECT_INCIDENTS))
      yield* pages(peer.service, (after) => peer.exportPage({ ...subject, incidentIds }, after, pageSize));
  }
}

/** Writes a chunk, waiting while the reader is slower than the export (never buffering the document). */
function write(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('The reader went away'));
  if (out.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', drained);
      out.off('close', closed);
      if (error) reject(error);
      else resolve();
    };
    const drained = () => done();
    const closed = () => done(new Error('The reader went away'));
    out.once('drain', drained);
    out.once('close', closed);
  });
}

/**
 * Streams the export as one JSON document: `{ format, exportedAt, subject, records: [{ service,
 * section, data }, …], complete: true }`. Records are written as they arrive; a document without
 * `complete: true` (the connection cut short) is not a whole export.
 */
export async function writePersonalDataExport(
  out: Writable,
  records: AsyncIterable<ExportedRecord>,
  header: { exportedAt: Date; subject: { customerId: string; contactId: string | null } },
): Promise<number> {
  await write(
    out,
    `{"format":${JSON.stringify(EXPORT_FORMAT)},"exportedAt":${JSON.stringify(header.exportedAt.toISOString())},"subject":${JSON.stringify(header.subject)},"records":[`,
  );
  let count = 0;
  for await (const record of records) {
    // Each service answers JSON objects; anything else would corrupt the document, so it is refused.
    const data = JSON.parse(record.data) as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data))
      throw new Error(`The ${record.service} service answered a record that is not an object`);
    await write(
      out,
      `${count === 0 ? '' : ','}\n{"service":${JSON.stringify(record.service)},"section":${JSON.stringify(record.section)},"data":${record.data}}`,
    );
    count += 1;
  }
  await write(out, '\n],"complete":true}\n');
  return count;
}
