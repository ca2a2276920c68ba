export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A severity as a word with its colour (never colour alone: readable without it). */
export function SeverityLabel({ severity }: { severity: string }) {
  return <span className={`sev-${severity}`}>{severity}</span>;
}
