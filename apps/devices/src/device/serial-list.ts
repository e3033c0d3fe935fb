import type { RowError } from './dto/bulk-registration.result';
import type { RegistrationRow } from './bulk-registration.service';

export type ParsedSerialList = { rows: RegistrationRow[]; errors: RowError[] };

const SEPARATOR = /[,;\t]/;

/**
 * Reads a list a customer sent by email, one device per line as "SERIAL,MODEL"; rows are
 * numbered by line so the reply can point at them. Blank lines, # comments and a header are skipped.
 */
export function parseSerialList(lines: string[]): ParsedSerialList {
  const rows: RegistrationRow[] = [];
  const errors: RowError[] = [];
  lines.forEach((text, index) => {
    const line = index + 1;
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#') || (index === 0 && /^serial/i.test(trimmed))) return;
    const [serialNumber, productModel, ...rest] = trimmed.split(SEPARATOR).map((part) => part.trim());
    if (!serialNumber || !productModel || rest.some((part) => part !== '')) {
      errors.push({
        row: line,
        serialNumber: serialNumber ?? '',
        field: 'line',
        problem: 'UNREADABLE_LINE',
        message: 'a line must be "SERIAL,MODEL"',
      });
      return;
    }
    rows.push({ row: line, serialNumber, productModel });
  });
  return { rows, errors };
}
