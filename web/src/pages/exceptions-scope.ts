import type { paths } from '../api/openapi';

export type ExceptionItem =
  paths['/api/v1/exceptions']['get']['responses'][200]['content']['application/json']['exceptions'][number];

/** Where it applies: one project, a team's projects, or every project. */
export function reach(e: ExceptionItem): { kind: 'project' | 'team' | 'everything'; label: string } {
  if (e.project) return { kind: 'project', label: e.project };
  if (e.team) return { kind: 'team', label: `team ${e.team} (all its projects)` };
  return { kind: 'everything', label: 'every project' };
}

export const DAY_MS = 86_400_000;

/** Whole days until `iso` from `now` (negative once past), for "expires in 3 days". */
export function daysUntil(iso: string, now: number): number {
  return Math.ceil((Date.parse(iso) - now) / DAY_MS);
}
