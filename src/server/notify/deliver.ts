import { recordAudit } from '../../store/audit.js';
import type { Store } from '../../store/connect.js';
import type { Notification } from './events.js';
import { FORMATS, type RenderInput } from './formats/index.js';
import { issueKeyOf } from './formats/jira.js';
import { confirmIssue, releaseIssue, reserveIssue } from './jira-issues.js';
import { markCancelled, markDelivered, markFailed, type OutboxRow } from './outbox.js';
import { type NotifyDb, notifyDb } from './schema.js';
import { describeError, post, type SendResult } from './send.js';
import { type LiveWebhook, liveWebhook } from './webhooks.js';

export interface DeliveryOptions {
  /** The schedule's clock: what is due, when to retry. */
  now: number;
  maxAttempts: number;
  timeoutMs: number;
  baseUrl: string;
}

export type Outcome = 'delivered' | 'retry' | 'failed' | 'cancelled';

interface Failure {
  status: number | null;
  error: string;
  retryAfterMs?: number;
}

/** Sends one claimed outbox row and records what happened. */
export async function deliverOne(store: Store, row: OutboxRow, o: DeliveryOptions): Promise<Outcome> {
  const db = notifyDb(store.db);
  let hook: LiveWebhook | undefined;
  try {
    hook = await liveWebhook(db, row.webhook_id);
  } catch (e) {
    return failed(store, row, { status: null, error: (e as Error).message }, o);
  }
  if (!hook) {
    await markCancelled(db, row, 'the webhook was deleted', o.now);
    return 'cancelled';
  }
  const input: RenderInput = {
    hook,
    deliveryId: row.delivery_id,
    notification: JSON.parse(row.payload) as Notification,
    baseUrl: o.baseUrl,
    // Signatures carry the real time even when a test runs the schedule at a made-up one.
    now: Date.now(),
  };
  return hook.format === 'jira' ? deliverIssue(store, row, input, o) : deliverPost(store, row, input, o);
}

async function deliverPost(
  store: Store,
  row: OutboxRow,
  i: RenderInput,
  o: DeliveryOptions,
): Promise<Outcome> {
  const sent = await send(i, o);
  if ('error' in sent) return failed(store, row, scrubbed(sent, i.hook), o);
  await markDelivered(notifyDb(store.db), row, sent.status, o.now);
  return 'delivered';
}

/** Tracker formats open at most one issue per subject; the key is kept and noted on the finding. */
async function deliverIssue(
  store: Store,
  row: OutboxRow,
  i: RenderInput,
  o: DeliveryOptions,
): Promise<Outcome> {
  const db = notifyDb(store.db);
  const reservation = await reserveIssue(db, i.hook.id, row.subject, o.now);
  if (reservation.kind === 'exists') {
    await markDelivered(db, row, null, o.now);
    return 'delivered';
  }
  if (reservation.kind === 'busy')
    return failed(store, row, { status: null, error: 'another delivery is opening the issue' }, o);
  const sent = await send(i, o);
  if ('error' in sent) {
    await releaseIssue(db, i.hook.id, row.subject);
    return failed(store, row, scrubbed(sent, i.hook), o);
  }
  // An issue Jira created but whose key it did not say still counts: never open a second one.
  const key = issueKeyOf(sent.body) ?? '(unknown)';
  await store.db.transaction().execute(async (trx) => {
    const t = notifyDb(trx);
    await confirmIssue(t, i.hook.id, row.subject, key, o.now);
    await markDelivered(t, row, sent.status, o.now);
    await noteOnFinding(t, row.subject, `Jira issue ${key} opened (webhook #${i.hook.id})`, o.now);
  });
  return 'delivered';
}

async function noteOnFinding(db: NotifyDb, subject: string, comment: string, now: number): Promise<void> {
  const id = /^finding:(\d+)$/.exec(subject)?.[1];
  if (!id) return;
  await db
    .insertInto('finding_events')
    .values({
      finding_id: Number(id),
      at: now,
      actor: 'gatehouse',
      kind: 'comment',
      from_status: null,
      to_status: null,
      comment,
      scan_id: null,
    })
    .execute();
}

async function send(i: RenderInput, o: DeliveryOptions): Promise<SendResult | Failure> {
  let sent: SendResult;
  try {
    sent = await post(FORMATS[i.hook.format](i), o.timeoutMs);
  } catch (e) {
    return { status: null, error: describeError(e) };
  }
  if (sent.status >= 200 && sent.status < 300) return sent;
  const answer = sent.body.replace(/\s+/g, ' ').trim().slice(0, 300);
  return {
    status: sent.status,
    error: `HTTP ${sent.status}${answer ? `: ${answer}` : ''}`,
    retryAfterMs: sent.retryAfterMs,
  };
}

/** A receiver may echo what it was sent: no secret of the webhook stays in a recorded error. */
function scrubbed(f: Failure, hook: LiveWebhook): Failure {
  const secrets = [hook.url, hook.secret, hook.jira?.auth.token].filter(
    (s): s is string => !!s && s.length >= 4,
  );
  if (hook.jira?.auth.type === 'basic')
    secrets.push(Buffer.from(`${hook.jira.auth.user}:${hook.jira.auth.token}`).toString('base64'));
  let error = f.error;
  for (const s of secrets) error = error.split(s).join('***');
  return { ...f, error };
}

async function failed(store: Store, row: OutboxRow, f: Failure, o: DeliveryOptions): Promise<Outcome> {
  const gaveUp = await markFailed(notifyDb(store.db), row, f, o.maxAttempts, o.now);
  if (!gaveUp) return 'retry';
  await recordAudit(
    store.db,
    {
      actor: 'gatehouse',
      action: 'webhook.delivery_failed',
      targetType: 'webhook',
      targetId: String(row.webhook_id),
      projectId: row.project_id ?? undefined,
      detail: { delivery: row.delivery_id, event: row.event, attempts: row.attempts, lastError: f.error },
    },
    o.now,
  );
  return 'failed';
}
