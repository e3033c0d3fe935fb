import type { Severity } from '../graphql/documents';

/** Severity names from the service description; the colour is never the only cue (the label is shown too). */
export const SEVERITY_LABEL: Record<Severity, string> = { 1: 'Critical', 2: 'Major', 3: 'Minor' };

export function severityClass(severity: number): string {
  return `severity-${Math.min(Math.max(severity, 1), 3)}`;
}
