import type { Store } from '../../store/connect.js';
import { type DeliveryOptions, deliverOne, type Outcome } from '../notify/deliver.js';
import { claimDue, type OutboxRow, pruneFinished } from '../notify/outbox.js';
import { notifyDb } from '../notify/schema.js';

export interface DeliverRunOptions extends Partial<DeliveryOptions> {
  /** Rows claimed at a time. */
  batch?: number;
  /** Requests in flight at once (deliveries about one subject of one webhook go one by one). */
  concurrency?: number;
}

export type DeliveryReport = Record<Outcome, number>;

export const DEFAULT_MAX_ATTEMPTS = 8;
const MAX_ROUNDS = 20;

/**
 * The delivery job: sends every due notification of the outbox (at least once: receivers
 * deduplicate on X-Gatehouse-Delivery), retries failures with backoff, gives up after
 * `maxAttempts` and records why; finished rows past their keeping time are deleted.
 */
export async function deliverNotifications(
  store: Store,
  options: DeliverRunOptions = {},
): Promise<DeliveryReport> {
  const o: DeliveryOptions = {
    now: options.now ?? Date.now(),
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    timeoutMs: options.timeoutMs ?? 10_000,
    baseUrl: options.baseUrl ?? process.env.GATEHOUSE_PUBLIC_URL ?? '',
  };
  const batch = options.batch ?? 100;
  const report: DeliveryReport = { delivered: 0, retry: 0, failed: 0, cancelled: 0 };
  const db = notifyDb(store.db);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const rows = await claimDue(db, o.now, batch);
    await inPool(bySubject(rows), options.concurrency ?? 8, async (group) => {
      for (const row of group) report[await deliverOne(store, row, o)]++;
    });
    if (rows.length < batch) break;
  }
  await pruneFinished(db, o.now);
  return report;
}

/** Rows about the same subject of the same webhook, in order: a tracker must see them one by one. */
function bySubject(rows: readonly OutboxRow[]): OutboxRow[][] {
  const groups = new Map<string, OutboxRow[]>();
  for (const r of rows) {
    const key = `${r.webhook_id}|${r.subject}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()];
}

async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
