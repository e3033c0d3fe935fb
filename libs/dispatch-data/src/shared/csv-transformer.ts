import type { ValueTransformer } from 'typeorm';

/** Stores a short list of codes (skills) in one varchar column. */
export const csvTransformer: ValueTransformer = {
  to: (value: string[] | undefined) => (value ?? []).join(','),
  from: (value: string | null) => (value ? value.split(',') : []),
};
