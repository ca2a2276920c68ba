import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../format';
import { useCan, useUser } from '../session/session';
import { DecisionForm, type Verb } from './exceptions-decision';
import { daysUntil, type ExceptionItem, reach } from './exceptions-scope';

function Covers({ e }: { e: ExceptionItem }) {
  switch (e.kind) {
    case 'fingerprint':
      return (
        <>
          Finding <code>{e.fingerprint}</code>
        </>
      );
    case 'rule':
      return (
        <>
          Rule <code>{e.rule}</code>{' '}
          {e.pathGlob ? (
            <>
              in <code>{e.pathGlob}</code>
            </>
          ) : (
            'in every path'
          )}
        </>
      );
    case 'advisory':
      return (
        <>
          Advisory <code>{e.advisory}</code>{' '}
          {e.package ? (
            <>
              in <code>{e.package}</code>
            </>
          ) : (
            'in every package'
          )}
        </>
      );
  }
}

function AppliesTo({ e }: { e: ExceptionItem }) {
  const r = reach(e);
  if (r.kind === 'project') return <Link to={`/projects/${encodeURIComponent(r.label)}`}>{r.label}</Link>;
  return <span className={`reach-${r.kind}`}>{r.label}</span>;
}

function Expiry({ iso, now }: { iso: string | null; now: number }) {
  if (!iso) return <span className="muted">never</span>;
  const days = daysUntil(iso, now);
  return (
    <>
      {formatDate(iso)}
      <br />
      <span className={days <= 14 ? 'exc-soon' : 'muted'}>
        {days > 1 ? `in ${days} days` : days === 1 ? 'within a day' : 'passed'}
      </span>
    </>
  );
}

function Decision({ e }: { e: ExceptionItem }) {
  return (
    <>
      <span className={`exc-status exc-${e.status}`}>{e.status}</span>
      {e.decidedBy && (
        <>
          <br />
          by {e.decidedBy}, {formatDateTime(e.decidedAt)}
        </>
      )}
      {e.decisionComment && <q className="exc-comment">{e.decisionComment}</q>}
    </>
  );
}

/** What the signed-in user may do to the exception now, if anything. */
function verbsFor(e: ExceptionItem, canDecide: boolean): Verb[] {
  if (!canDecide) return [];
  if (e.status === 'pending') return ['approve', 'reject'];
  if (e.status === 'approved') return ['revoke'];
  return [];
}

/**
 * Exceptions with their scope (what, where), reason, requester, decision and expiry; a person
 * who may decide opens a row's decision form below it.
 */
export function ExceptionTable({
  rows,
  order,
  now,
  onDecided,
}: {
  rows: ExceptionItem[];
  /** How the rows are ordered, said above the table. */
  order: string;
  now: number;
  onDecided: (message: string) => void;
}) {
  const user = useUser();
  const canDecide = useCan('exception.decide');
  const [open, setOpen] = useState<number | null>(null);
  const anyAction = rows.some((e) => verbsFor(e, canDecide).length > 0);
  return (
    <table className="exc-table">
      <caption className="muted">{order}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Covers</th>
          <th scope="col">Applies to</th>
          <th scope="col">Reason</th>
          <th scope="col">Requested</th>
          <th scope="col">Decision</th>
          <th scope="col">Expires</th>
          {anyAction && <th scope="col">Action</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => {
          const verbs = verbsFor(e, canDecide);
          const formId = `exc-decide-${e.id}`;
          return (
            <Fragment key={e.id}>
              <tr>
                <td className="num">{e.id}</td>
                <td>
                  <Covers e={e} />
                </td>
                <td>
                  <AppliesTo e={e} />
                </td>
                <td className="exc-reason">{e.reason}</td>
                <td>
                  {e.requestedBy}
                  <br />
                  <span className="muted">{formatDateTime(e.requestedAt)}</span>
                </td>
                <td>
                  <Decision e={e} />
                </td>
                <td>
                  <Expiry iso={e.expiresAt} now={now} />
                </td>
                {anyAction && (
                  <td>
                    {verbs.length > 0 && (
                      <button
                        type="button"
                        aria-expanded={open === e.id}
                        aria-controls={open === e.id ? formId : undefined}
                        onClick={() => setOpen(open === e.id ? null : e.id)}
                      >
                        {verbs.includes('revoke') ? 'Revoke…' : 'Decide…'}
                        <span className="admin-vh"> exception #{e.id}</span>
                      </button>
                    )}
                  </td>
                )}
              </tr>
              {open === e.id && (
                <tr id={formId} className="exc-decide-row">
                  <td colSpan={anyAction ? 8 : 7}>
                    <DecisionForm
                      exception={e}
                      verbs={verbs}
                      mine={e.requestedBy === user.email}
                      onDone={(message) => {
                        setOpen(null);
                        onDecided(message);
                      }}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
