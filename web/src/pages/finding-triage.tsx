import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { client, ok } from '../api/client';
import { type FindingStatusName, STATUS_LABELS } from '../ui/finding-status';
import { SEVERITIES, type Severity } from '../ui/severity';
import type { FindingFull } from './finding-types';

/** What a person may set (the server's rule): risk accepted needs an exception, fixed a scan. */
const TRIAGE_STATUSES: readonly FindingStatusName[] = [
  'open',
  'confirmed',
  'in_progress',
  'false_positive',
  'closed',
];

type Patch = { status: FindingStatusName } | { severity: Severity };

function usePatch(id: number, done: (said: string) => void) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ change, comment }: { change: Patch; comment: string }) =>
      ok(client.PATCH('/api/v1/findings/{id}', { params: { path: { id } }, body: { ...change, comment } })),
    onSuccess: async (_, { change }) => {
      done(
        'status' in change
          ? `Status set to ${STATUS_LABELS[change.status]}.`
          : `Severity set to ${change.severity}.`,
      );
      await queries.invalidateQueries({ queryKey: ['findings'] });
    },
  });
}

/** A small form: one choice, a required reason, one button; says what happened or why not. */
function ChangeForm({
  title,
  choice,
  reasonLabel,
  submitLabel,
  onSubmit,
  pending,
  error,
  said,
  disabled = false,
}: {
  title: string;
  choice: ReactNode;
  reasonLabel: string;
  submitLabel: string;
  onSubmit: (reason: string) => void;
  pending: boolean;
  error: Error | null;
  said: string;
  disabled?: boolean;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  // Kept until the change is saved: a refused change keeps what was typed.
  useEffect(() => {
    if (said) setReason('');
  }, [said]);
  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit(reason.trim());
  }
  return (
    <form className="stack" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`}>{title}</h3>
      {choice}
      <label>
        {reasonLabel}
        <textarea
          required
          rows={3}
          maxLength={4000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={pending || disabled || !reason.trim()}>
        {pending ? 'Saving…' : submitLabel}
      </button>
      <p role="status" className="muted form-note">
        {said}
      </p>
      {error && (
        <p role="alert" className="error form-note">
          {error.message}
        </p>
      )}
    </form>
  );
}

/** Why the status cannot be triaged by hand, and what to do instead. */
function LockedStatus({ finding }: { finding: FindingFull }) {
  if (finding.status === 'risk_accepted')
    return (
      <p className="muted">
        An approved exception{finding.exceptionId !== null && ` (#${finding.exceptionId})`} accepts this risk.
        Revoke it under <Link to="/exceptions">Exceptions</Link> to triage the finding again.
      </p>
    );
  return (
    <p className="muted">
      A scan no longer reports this finding, so it is fixed. It reopens by itself if a scan reports it again;
      close it instead if it should not come back to the list.
    </p>
  );
}

function StatusForm({ finding }: { finding: FindingFull }) {
  const choices = TRIAGE_STATUSES.filter((s) => s !== finding.status);
  const [picked, setStatus] = useState<FindingStatusName>(choices[0]!);
  // Once the finding has the status picked, the choice moves on to one it does not have.
  const status = choices.includes(picked) ? picked : choices[0]!;
  const [said, setSaid] = useState('');
  const patch = usePatch(finding.id, setSaid);
  if (!TRIAGE_STATUSES.includes(finding.status)) return <LockedStatus finding={finding} />;
  return (
    <ChangeForm
      title="Change status"
      choice={
        <label>
          New status
          <select value={status} onChange={(e) => setStatus(e.target.value as FindingStatusName)}>
            {choices.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      }
      reasonLabel="Comment (required)"
      submitLabel="Set status"
      onSubmit={(comment) => {
        setSaid('');
        patch.mutate({ change: { status }, comment });
      }}
      pending={patch.isPending}
      error={patch.error}
      said={said}
    />
  );
}

function SeverityForm({ finding }: { finding: FindingFull }) {
  const [severity, setSeverity] = useState<Severity>(finding.severity);
  const [said, setSaid] = useState('');
  const patch = usePatch(finding.id, setSaid);
  return (
    <ChangeForm
      title="Change severity"
      choice={
        <label>
          New severity
          <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
                {s === finding.severity ? ' (current)' : ''}
              </option>
            ))}
          </select>
        </label>
      }
      reasonLabel="Reason (required)"
      submitLabel="Set severity"
      disabled={severity === finding.severity}
      onSubmit={(comment) => {
        setSaid('');
        patch.mutate({ change: { severity }, comment });
      }}
      pending={patch.isPending}
      error={patch.error}
      said={said}
    />
  );
}

/**
 * Triage of one finding: its status with a comment, its severity with a reason. A person's
 * severity stays over later scans and moves the SLA due date; both land in the history.
 */
export function FindingTriage({ finding }: { finding: FindingFull }) {
  return (
    <section className="card" aria-labelledby="finding-triage">
      <h2 id="finding-triage">Triage</h2>
      <StatusForm finding={finding} />
      <SeverityForm finding={finding} />
    </section>
  );
}
