import type { paths } from '../api/openapi';

type Get = paths['/api/v1/audit']['get'];
export type AuditQuery = NonNullable<Get['parameters']['query']>;
export type AuditEvent = Get['responses'][200]['content']['application/json']['events'][number];

export const FIELDS = ['actor', 'action', 'project', 'targetType', 'targetId', 'from', 'to'] as const;
export type AuditFilter = Record<(typeof FIELDS)[number], string>;

/** What audit events are about (the server's target types). */
export const TARGET_TYPES = [
  'finding',
  'exception',
  'scan',
  'project',
  'team',
  'user',
  'token',
  'webhook',
  'sla_policy',
] as const;

/** Actions the server records, offered as suggestions (the filter takes any exact action). */
export const KNOWN_ACTIONS = [
  'exception.request',
  'exception.approve',
  'exception.reject',
  'exception.revoke',
  'exception.expire',
  'finding.triage',
  'finding.comment',
  'scan.ingest',
  'components.rematch',
  'project.update',
  'team.create',
  'team.rename',
  'team.delete',
  'sla_policy.update',
  'token.create',
  'token.revoke',
  'user.create',
  'user.update',
  'user.password',
  'user.lock',
  'session.create',
  'session.delete',
  'session.fail',
  'webhook.create',
  'webhook.delete',
  'webhook.delivery_failed',
];

export function readFilter(from: { get(name: string): unknown }): AuditFilter {
  return Object.fromEntries(FIELDS.map((f) => [f, String(from.get(f) ?? '').trim()])) as AuditFilter;
}

export function filterParams(f: AuditFilter): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of FIELDS) if (f[k]) p.set(k, f[k]);
  return p;
}

/** Said before asking the server, which would refuse it too. */
export function filterProblem(f: AuditFilter): string | undefined {
  if (f.from && f.to && f.from > f.to) return 'The “from” date must be on or before the “to” date.';
  if (f.targetId && !f.targetType) return 'Choose the target type the id belongs to (finding, exception, …).';
  return undefined;
}

export function apiQuery(f: AuditFilter, cursor: string | undefined): AuditQuery {
  const q: AuditQuery = { limit: 100 };
  for (const k of FIELDS) if (f[k]) q[k] = f[k];
  if (cursor) q.cursor = cursor;
  return q;
}

/** The recorded detail as indented JSON text (rendered as text, never as markup). */
export function detailText(detail: unknown): string | undefined {
  if (detail === null || detail === undefined || detail === '') return undefined;
  if (typeof detail === 'object' && Object.keys(detail).length === 0) return undefined;
  return typeof detail === 'string' ? detail : JSON.stringify(detail, null, 2);
}
