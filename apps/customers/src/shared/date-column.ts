import type { ColumnOptions } from 'typeorm';

// `utc: true` makes TypeORM read DATE columns with UTC getters: the same yyyy-mm-dd whatever the host's zone.
export const DATE_COLUMN: ColumnOptions = { type: 'date', utc: true };
