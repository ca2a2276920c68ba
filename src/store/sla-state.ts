import type { FindingState } from './schema.js';
import { DAY_MS } from './sla.js';

/** Statuses of a finding someone still has to work on; only they run against an SLA. */
export const OPEN_LIKE: readonly FindingState[] = ['open', 'confirmed', 'in_progress'];

export const SLA_STATES = ['overdue', 'due_soon', 'ok', 'none'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** "Due soon" is the last week before the due date: enough warning to plan a fix. */
export const DUE_SOON_MS = 7 * DAY_MS;

/**
 * Where a finding stands against its SLA at `now`. Findings nobody has to fix (false positive,
 * accepted, fixed, closed) and findings without a due date have no SLA state.
 */
export function slaState(status: string, dueAt: number | null, now: number): SlaState {
  if (dueAt === null || !(OPEN_LIKE as readonly string[]).includes(status)) return 'none';
  if (dueAt < now) return 'overdue';
  return dueAt < now + DUE_SOON_MS ? 'due_soon' : 'ok';
}
