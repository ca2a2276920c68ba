import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { client, ok } from '../api/client';
import { formatCount, formatDateTime } from '../format';
import { QueryState } from '../ui/query-state';

/** A webhook's latest deliveries, fetched when opened: what was sent, and the last answer or error. */
export function Deliveries({ id }: { id: number }) {
  const [open, setOpen] = useState(false);
  const deliveries = useQuery({
    queryKey: ['webhook-deliveries', id],
    queryFn: () =>
      ok(
        client.GET('/api/v1/webhooks/{id}/deliveries', {
          params: { path: { id }, query: { limit: 20 } },
        }),
      ),
    enabled: open,
  });
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Latest deliveries<span className="admin-vh"> of webhook {id}</span>
      </summary>
      {open && (
        <QueryState query={deliveries} what="deliveries">
          {(data) =>
            data.deliveries.length ? (
              <ul className="webhook-deliveries">
                {data.deliveries.map((d) => (
                  <li key={d.id}>
                    <code>{d.event}</code> {d.subject}: <strong>{d.status}</strong> after{' '}
                    {formatCount(d.attempts)} attempt(s)
                    {d.lastStatus !== null && <>, HTTP {d.lastStatus}</>}
                    {d.lastError && <>, {d.lastError}</>} — {formatDateTime(d.lastAttemptAt ?? d.createdAt)}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">Nothing sent yet: deliveries start with the next matching event.</p>
            )
          }
        </QueryState>
      )}
    </details>
  );
}
