import type { Selectable } from 'kysely';
import picomatch from 'picomatch';
import type { ExceptionTable } from './schema.js';

export type ExceptionRow = Selectable<ExceptionTable>;

/** What an exception can be scoped by, read off one finding. */
export interface ExceptionSubject {
  projectId: number;
  teamId: number | null;
  fingerprint: string;
  ruleId: string;
  path: string;
  advisoryId: string | null;
  packageName: string | null;
}

const globs = new Map<string, (path: string) => boolean>();

function globMatches(glob: string, path: string): boolean {
  let m = globs.get(glob);
  if (!m) {
    m = picomatch(glob, { dot: true });
    globs.set(glob, m);
  }
  return m(path);
}

function inScope(e: ExceptionRow, s: ExceptionSubject): boolean {
  if (e.project_id !== null) return e.project_id === s.projectId;
  if (e.team_id !== null) return e.team_id === s.teamId;
  return true;
}

function covers(e: ExceptionRow, s: ExceptionSubject): boolean {
  switch (e.kind) {
    case 'fingerprint':
      return e.fingerprint === s.fingerprint;
    case 'rule':
      return e.rule_id === s.ruleId && (!e.path_glob || globMatches(e.path_glob, s.path));
    case 'advisory':
      return (
        s.advisoryId !== null &&
        e.advisory_id === s.advisoryId &&
        (!e.package_name || e.package_name === s.packageName)
      );
    default:
      return false;
  }
}

/** The approved, unexpired exception that covers the finding, if any (the narrowest scope wins). */
export function coveringException(
  exceptions: readonly ExceptionRow[],
  s: ExceptionSubject,
  now: number,
): ExceptionRow | undefined {
  let best: ExceptionRow | undefined;
  for (const e of exceptions) {
    if (e.status !== 'approved' || (e.expires_at !== null && e.expires_at <= now)) continue;
    if (!inScope(e, s) || !covers(e, s)) continue;
    if (!best || scopeRank(e) < scopeRank(best)) best = e;
  }
  return best;
}

function scopeRank(e: ExceptionRow): number {
  return e.project_id !== null ? 0 : e.team_id !== null ? 1 : 2;
}
