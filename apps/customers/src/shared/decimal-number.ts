import type { ValueTransformer } from 'typeorm';

/** mysql2 returns DECIMAL as a string (exactness); coordinates are plain numbers in the API. */
export const decimalNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};
