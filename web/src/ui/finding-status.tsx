import type { paths } from '../api/openapi';

type ApiFinding =
  paths['/api/v1/findings']['get']['responses'][200]['content']['application/json']['findings'][number];
export type FindingStatusName = ApiFinding['status'];

/**
 * A finding's lifecycle states as people read them, in the order they are worked through. Keyed
 * by the API's own list: a status added to or dropped from the server fails type checking here.
 */
export const STATUS_LABELS: Record<FindingStatusName, string> = {
  open: 'open',
  confirmed: 'confirmed',
  in_progress: 'in progress',
  false_positive: 'false positive',
  risk_accepted: 'risk accepted',
  fixed: 'fixed',
  closed: 'closed',
};

export const FINDING_STATUSES = Object.keys(STATUS_LABELS) as FindingStatusName[];

/** What the list shows when no status is asked for (the server's default): work still to do. */
export const OPEN_STATUSES: readonly FindingStatusName[] = ['open', 'confirmed', 'in_progress'];

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as FindingStatusName] ?? status;
}

export function StatusLabel({ status }: { status: string }) {
  return <span className={`status status-${status}`}>{statusLabel(status)}</span>;
}
