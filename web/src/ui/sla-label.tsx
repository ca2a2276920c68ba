import type { paths } from '../api/openapi';
import { formatDate, formatDateTime } from '../format';

export type SlaName =
  paths['/api/v1/findings']['get']['responses'][200]['content']['application/json']['findings'][number]['sla'];

/** The API's SLA states in words. */
export const SLA_LABELS: Record<SlaName, string> = {
  overdue: 'overdue',
  due_soon: 'due soon',
  ok: 'on track',
  none: 'no SLA',
};

export const SLA_NAMES = Object.keys(SLA_LABELS) as SlaName[];

/**
 * Where a finding stands against its SLA: the state in words (never colour alone), then the due
 * date. Findings nobody has to fix, or without a policy, have none.
 */
export function SlaLabel({ sla, dueAt }: { sla: SlaName; dueAt: string | null }) {
  if (sla === 'none' || !dueAt) return <span className="muted">—</span>;
  return (
    <span className={`sla sla-${sla}`}>
      {sla !== 'ok' && <span className="sla-state">{SLA_LABELS[sla]}</span>}{' '}
      <time dateTime={dueAt} title={`Due ${formatDateTime(dueAt)}`}>
        {formatDate(dueAt)}
      </time>
    </span>
  );
}
