import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { client, ok } from '../api/client';
import { formatCount } from '../format';
import { type FindingStatusName, STATUS_LABELS } from '../ui/finding-status';

/** What bulk triage sets: the decisions people make on many findings at once. */
const BULK_STATUSES: readonly FindingStatusName[] = ['confirmed', 'false_positive', 'in_progress', 'closed'];

const plural = (n: number) => `${formatCount(n)} finding${n === 1 ? '' : 's'}`;

/**
 * Sets one status, with one comment, on the findings ticked in the table, through the bulk
 * triage route (all or nothing: one refused finding refuses the request, and its message says
 * which).
 */
export function BulkTriage({ ids, onDone }: { ids: number[]; onDone: () => void }) {
  const id = useId();
  const queries = useQueryClient();
  const [status, setStatus] = useState<FindingStatusName>('confirmed');
  const [comment, setComment] = useState('');
  const [said, setSaid] = useState('');
  const bulk = useMutation({
    mutationFn: () =>
      ok(client.POST('/api/v1/findings/bulk', { body: { ids, status, comment: comment.trim() } })),
    onSuccess: async (r) => {
      const already = r.unchanged.length ? ` (${plural(r.unchanged.length)} already were)` : '';
      setSaid(`${plural(r.changed.length)} set to ${STATUS_LABELS[status]}${already}.`);
      setComment('');
      onDone();
      await queries.invalidateQueries({ queryKey: ['findings'] });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaid('');
    bulk.mutate();
  }

  const none = ids.length === 0;
  return (
    <form className="bulk-triage" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`} className="visually-hidden">
        Triage the selected findings
      </h2>
      <span className="bulk-count">
        {none ? 'Tick findings to triage them together' : `${plural(ids.length)} selected`}
      </span>
      <label>
        Set status
        <select
          value={status}
          disabled={none}
          onChange={(e) => setStatus(e.target.value as FindingStatusName)}
        >
          {BULK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="grow">
        Comment (required)
        <input
          type="text"
          required
          maxLength={4000}
          disabled={none}
          value={comment}
          placeholder="Why: it feeds the history and the audit log"
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={none || bulk.isPending || !comment.trim()}>
        {bulk.isPending ? 'Applying…' : 'Apply'}
      </button>
      <p role="status" className="muted form-note">
        {said}
      </p>
      {bulk.isError && (
        <p role="alert" className="error form-note">
          Nothing was changed: {bulk.error.message}
        </p>
      )}
    </form>
  );
}
