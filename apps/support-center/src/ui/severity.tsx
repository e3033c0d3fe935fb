/** Severity names and response objectives from the service description; colour is never the only cue. */
export const SEVERITIES = [
  {
    level: 1,
    name: 'Critical',
    objective: '30 minutes',
    meaning: 'The product or service is inoperative with a critical effect on your operations.',
  },
  { level: 2, name: 'Major', objective: '1 hour', meaning: 'Partially inoperable but still usable; severely restricts your operations.' },
  { level: 3, name: 'Minor', objective: '2 hours', meaning: 'Usable with little or limited impact on your operations.' },
] as const;

export function severityName(severity: number): string {
  return SEVERITIES.find((entry) => entry.level === severity)?.name ?? `Severity ${severity}`;
}

export function SeverityBadge({ severity }: { severity: number }) {
  return (
    <span className={`severity severity-${Math.min(Math.max(severity, 1), 3)}`}>
      S{severity} {severityName(severity)}
    </span>
  );
}
