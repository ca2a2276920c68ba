import { formatDateTime } from '../format';
import { statusLabel } from '../ui/finding-status';
import type { HistoryEvent } from './finding-types';

/** One line saying what happened; the status words are the ones the table uses. */
export function eventSummary(e: HistoryEvent): string {
  const change = e.from && e.to ? `${statusLabel(e.from)} → ${statusLabel(e.to)}` : '';
  switch (e.kind) {
    case 'created':
      return 'First seen by a scan';
    case 'reopened':
      return `Reopened by a scan${change ? `: ${change}` : ''}`;
    case 'fixed':
      return 'Fixed: a complete scan no longer reports it';
    case 'status':
      return `Status ${change}`;
    case 'severity':
      return `Severity ${e.from ?? '?'} → ${e.to ?? '?'}`;
    case 'exception':
      return `Exception: ${change}`;
    case 'comment':
      return 'Comment';
    default:
      return change ? `${e.kind}: ${change}` : e.kind;
  }
}

/** Everything that happened to the finding, oldest first: who, when, and why they said. */
export function FindingHistory({ events }: { events: HistoryEvent[] }) {
  return (
    <section className="card" aria-labelledby="finding-history">
      <h2 id="finding-history">History</h2>
      {events.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <ol className="timeline">
          {events.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: events have no id; the history only grows at its end
            <li key={`${e.at}-${i}`} className={`event event-${e.kind}`}>
              <div className="event-head">
                <strong>{eventSummary(e)}</strong>
                <span className="muted">
                  {' '}
                  by {e.actor} · <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                  {e.scanId !== null && ` · scan #${e.scanId}`}
                </span>
              </div>
              {e.comment && <p className="event-comment">{e.comment}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
