import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { client, ok } from '../api/client';
import { formatCount } from '../format';
import type { ExceptionItem } from './exceptions-scope';

export type Verb = 'approve' | 'reject' | 'revoke';

const BUTTON: Record<Verb, string> = { approve: 'Approve', reject: 'Reject', revoke: 'Revoke' };

async function send(verb: Verb, id: number, comment: string) {
  const init = { params: { path: { id } }, body: { comment } };
  if (verb === 'approve') {
    const a = await ok(client.POST('/api/v1/exceptions/{id}/approve', init));
    return `Exception #${id} approved: ${formatCount(a.accepted)} finding(s) now accepted as a risk.`;
  }
  if (verb === 'reject') {
    await ok(client.POST('/api/v1/exceptions/{id}/reject', init));
    return `Exception #${id} rejected.`;
  }
  const r = await ok(client.POST('/api/v1/exceptions/{id}/revoke', init));
  return `Exception #${id} revoked: ${formatCount(r.reopened)} finding(s) open again.`;
}

function Covered({ id }: { id: number }) {
  const detail = useQuery({
    queryKey: ['exception', id],
    queryFn: () => ok(client.GET('/api/v1/exceptions/{id}', { params: { path: { id } } })),
  });
  if (!detail.data) return null;
  return <p>It covers {formatCount(detail.data.findings.count)} live finding(s) now.</p>;
}

/**
 * Approve, reject or revoke one exception with a comment, which the decision requires here (it is
 * what the audit log keeps of why). The server decides who may: its refusal (such as approving
 * one's own request) is shown as it says it.
 */
export function DecisionForm({
  exception,
  verbs,
  mine,
  onDone,
}: {
  exception: ExceptionItem;
  verbs: readonly Verb[];
  /** The signed-in user requested it. */
  mine: boolean;
  onDone: (message: string) => void;
}) {
  const id = useId();
  const queries = useQueryClient();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const decide = useMutation({
    mutationFn: (verb: Verb) => send(verb, exception.id, comment.trim()),
    onSuccess: (message) => {
      // Findings change status with the decision: every cached list may be stale.
      void queries.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      onDone(message);
    },
  });

  function submit(verb: Verb) {
    if (!comment.trim()) return setMissing(true);
    setMissing(false);
    decide.mutate(verb);
  }

  return (
    <form
      className="decision"
      aria-label={`Decide exception #${exception.id}`}
      onSubmit={(e: FormEvent) => e.preventDefault()}
      noValidate
    >
      {mine && (
        <p className="muted">
          You requested this exception: another person with the security or admin role decides it.
        </p>
      )}
      <Covered id={exception.id} />
      <label>
        Comment (required: it is recorded with the decision)
        <textarea
          value={comment}
          rows={3}
          maxLength={2000}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-missing` : undefined}
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
      {missing && (
        <p id={`${id}-missing`} role="alert" className="error">
          Write a comment: say why you decide so.
        </p>
      )}
      {decide.error && (
        <p role="alert" className="error">
          {decide.error.message}
        </p>
      )}
      <div className="actions">
        {verbs.map((v) => (
          <button
            key={v}
            type="button"
            className={v === 'approve' ? 'primary' : 'danger'}
            disabled={decide.isPending}
            onClick={() => submit(v)}
          >
            {BUTTON[v]}
          </button>
        ))}
      </div>
    </form>
  );
}
