/** What a webhook can subscribe to. */
export const EVENTS = [
  'finding.new_critical',
  'finding.new_high',
  'sla.breach',
  'exception.expiring',
  'gate.failed',
] as const;

/** What a webhook may subscribe to. */
export type SubscribableEvent = (typeof EVENTS)[number];
/** Those, and the test an administrator sends by hand. */
export type EventName = SubscribableEvent | 'webhook.test';

export function isEventName(v: unknown): v is SubscribableEvent {
  return typeof v === 'string' && (EVENTS as readonly string[]).includes(v);
}

export interface ProjectRef {
  id: number;
  name: string;
}

export interface FindingSummary {
  id: number;
  title: string;
  severity: string;
  status: string;
  ruleId: string;
  scanner: string;
  path: string;
  line: number | null;
  fingerprint: string;
  advisoryId: string | null;
  package: string | null;
  firstSeenAt: string;
  slaDueAt: string | null;
}

export interface ScanSummary {
  id: number;
  branch: string;
  commit: string | null;
  pipeline: string | null;
  stage: string | null;
  gateVerdict: string | null;
  findings: number;
  new: number;
  reopened: number;
  fixed: number;
}

export interface ExceptionSummary {
  id: number;
  kind: string;
  /** What it covers: a fingerprint, `rule <id> on <glob>`, or `<advisory> in <package>`. */
  scope: string;
  reason: string;
  requestedBy: string;
  approvedBy: string | null;
  expiresAt: string | null;
}

/**
 * One notification, independent of the format it is delivered in. `path` is the subject's page
 * on the server, made absolute with GATEHOUSE_PUBLIC_URL when delivered.
 */
export interface Notification {
  event: EventName;
  occurredAt: string;
  project: ProjectRef | null;
  finding?: FindingSummary;
  scan?: ScanSummary;
  exception?: ExceptionSummary;
  /** Set when too many subjects happened at once: one summary stands for `count` of them. */
  more?: { count: number };
  path: string;
}

/** A short human title of the event, for chat messages and issue summaries. */
export function headline(n: Notification): string {
  const where = n.project ? ` in ${n.project.name}` : '';
  if (n.more) return `${eventWords(n.event)}: ${n.more.count} more${where}`;
  if (n.finding) return `${eventWords(n.event)}${where}: ${n.finding.title}`;
  if (n.exception)
    return `Exception #${n.exception.id} expires ${n.exception.expiresAt?.slice(0, 10) ?? 'soon'}${where}`;
  if (n.scan)
    return `Gate failed${where} (${n.scan.branch}${n.scan.commit ? ` @ ${n.scan.commit.slice(0, 12)}` : ''})`;
  return `${eventWords(n.event)}${where}`;
}

function eventWords(e: EventName): string {
  const words: Record<EventName, string> = {
    'finding.new_critical': 'New critical finding',
    'finding.new_high': 'New high finding',
    'sla.breach': 'SLA breached',
    'exception.expiring': 'Exception expiring',
    'gate.failed': 'Gate failed',
    'webhook.test': 'Test notification from Gatehouse',
  };
  return words[e];
}

export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
