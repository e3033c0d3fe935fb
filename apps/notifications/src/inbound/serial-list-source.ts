import { Worker } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';

/** The devices API's limits for one imported list: lines and characters per line. */
export const MAX_LIST_LINES = 5_000;
export const MAX_LINE_LENGTH = 200;

export type MailAttachment = { filename: string | null; contentType: string; content: Buffer };

/**
 * Where the serial numbers of a mail are: lines for `importSerialList` (row n = line n, as the
 * reply names them), or why there are none. `ignored` names attachments that were not read.
 */
export type SerialListSource =
  | { kind: 'LIST'; source: string; lines: string[]; ignored: string[] }
  | { kind: 'UNREADABLE'; source: string; explanation: string; ignored: string[] };

// A line the devices API reports as unreadable ("a line must be SERIAL,MODEL") at its row.
const UNREADABLE_MARKER = 'UNREADABLE-LINE';

const SEPARATOR = /[,;\t]/;

const isCsv = (attachment: MailAttachment) =>
  /\.csv$/i.test(attachment.filename ?? '') || /^text\/(csv|comma-separated-values)/i.test(attachment.contentType);
const isXlsx = (attachment: MailAttachment) =>
  /\.xlsx$/i.test(attachment.filename ?? '') ||
  attachment.contentType.toLowerCase() === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function bounded(line: string): string {
  return line.length > MAX_LINE_LENGTH ? UNREADABLE_MARKER : line;
}

function trimTrailingBlank(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1].trim() === '') end -= 1;
  return lines.slice(0, end);
}

/** The site a mail names with a line "Site: …", if any. */
export function siteNamed(text: string | null): string | null {
  const match = /^[ \t]*site[ \t]*:[ \t]*(.+?)[ \t]*$/im.exec(text ?? '');
  return match ? match[1].slice(0, 200) : null;
}

/**
 * The list in a message body. A mail also holds greetings and a signature, so a line is a row
 * only when it looks like one: "SERIAL,MODEL" whose serial has a digit, or a lone serial-like
 * word with a digit (reported as missing its model). Prose, "Site:" lines, quoted lines ("> …")
 * and everything after a signature line ("-- ") are left out (blank), keeping line numbers.
 */
export function bodyLines(text: string): string[] {
  const lines: string[] = [];
  let signature = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (signature || raw === '-- ' || line === '--') {
      signature = true;
      lines.push('');
      continue;
    }
    if (line === '' || line.startsWith('>') || /^site\s*:/i.test(line)) {
      lines.push('');
      continue;
    }
    if (SEPARATOR.test(line)) {
      lines.push(/\d/.test(line.split(SEPARATOR)[0]) ? bounded(line) : '');
      continue;
    }
    lines.push(/^[A-Za-z0-9-]{5,}$/.test(line) && /\d/.test(line) ? bounded(line) : '');
  }
  return trimTrailingBlank(lines);
}

function rowsToLines(rows: string[][]): string[] {
  return rows.map((cells) => {
    const fields = cells.map((cell) => cell.trim());
    while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
    // Tab-joined: a model name with a comma in a quoted CSV field stays one field.
    return bounded(fields.join('\t'));
  });
}

/** A CSV file's records as list lines; a broken file (an unclosed quote…) is unreadable, with the line csv-parse names. */
export function csvLines(content: Buffer): string[] | { error: string } {
  try {
    const rows = parse(content, {
      bom: true,
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    }) as string[][];
    return trimTrailingBlank(rowsToLines(rows));
  } catch (error) {
    return { error: (error as Error).message.slice(0, 300) };
  }
}

// Runs in a worker thread with a memory cap and a time limit: a hostile spreadsheet (a zip bomb,
// a pathological sheet) costs that thread, never the service. Nothing in the file is executed:
// the reader only unzips and reads cell values.
const XLSX_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readSheet } = require(workerData.reader);
readSheet(Buffer.from(workerData.content)).then(
  (rows) => parentPort.postMessage({ rows: rows.map((row) => row.map((cell) => cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell))) }),
  (error) => parentPort.postMessage({ error: String((error && error.message) || error) }),
);`;

/** The first sheet of an XLSX file as list lines, read in a sandboxed worker thread. */
export function xlsxLines(content: Buffer, timeoutMs = 10_000): Promise<string[] | { error: string }> {
  return new Promise((resolve) => {
    const worker = new Worker(XLSX_WORKER, {
      eval: true,
      workerData: { content, reader: require.resolve('read-excel-file/node') },
      resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 32, codeRangeSizeMb: 16 },
    });
    let settled = false;
    const finish = (value: string[] | { error: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(value);
    };
    const timer = setTimeout(() => finish({ error: 'reading the file took too long' }), timeoutMs);
    worker.once('message', (message: { rows?: string[][]; error?: string }) =>
      finish(
        message.rows
          ? trimTrailingBlank(rowsToLines(message.rows))
          : { error: `the file is not a readable XLSX workbook (${(message.error ?? 'unknown').slice(0, 200)})` },
      ),
    );
    worker.once('error', (error) =>
      finish({
        error: /memory/i.test(error.message) ? 'the file unpacks to more than can be read' : 'the file is not a readable XLSX workbook',
      }),
    );
    worker.once('exit', () => finish({ error: 'the file is not a readable XLSX workbook' }));
  });
}

/**
 * Finds the list in a mail: the first CSV or XLSX attachment, else the body. Other attachments
 * are named in `ignored` and never opened.
 */
export async function serialListOf(
  text: string | null,
  attachments: MailAttachment[],
  maxAttachmentBytes: number,
): Promise<SerialListSource> {
  const lists = attachments.filter((attachment) => isCsv(attachment) || isXlsx(attachment));
  const [list] = lists;
  const nameOf = (attachment: MailAttachment) => attachment.filename || attachment.contentType;
  const ignored = attachments.filter((attachment) => attachment !== list).map(nameOf);
  if (list) {
    const source = `the attached file ${nameOf(list)}`;
    if (list.content.length > maxAttachmentBytes) {
      return {
        kind: 'UNREADABLE',
        source,
        explanation: `The attached file is larger than ${Math.floor(maxAttachmentBytes / 1024)} KB.`,
        ignored,
      };
    }
    const lines = isXlsx(list) ? await xlsxLines(list.content) : csvLines(list.content);
    if (!Array.isArray(lines))
      return { kind: 'UNREADABLE', source, explanation: `The attached file cannot be read: ${lines.error}.`, ignored };
    return checked(source, lines, ignored);
  }
  return checked('the message body', bodyLines(text ?? ''), ignored);
}

function checked(source: string, lines: string[], ignored: string[]): SerialListSource {
  if (!lines.some((line) => line.trim() !== '' && !/^serial/i.test(line.trim()))) {
    return { kind: 'UNREADABLE', source, explanation: 'No serial numbers were found: write one device per line as SERIAL,MODEL.', ignored };
  }
  if (lines.length > MAX_LIST_LINES)
    return { kind: 'UNREADABLE', source, explanation: `The list has more than ${MAX_LIST_LINES} lines; send it in parts.`, ignored };
  return { kind: 'LIST', source, lines, ignored };
}
