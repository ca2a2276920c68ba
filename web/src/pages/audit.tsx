import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { client, ok } from '../api/client';
import { formatDateTime } from '../format';
import { useCan } from '../session/session';
import { CursorPager, useCursorPages } from '../ui/cursor-pager';
import { useDocumentTitle } from '../ui/document-title';
import { NotAllowed } from '../ui/not-allowed';
import { EmptyState, QueryState } from '../ui/query-state';
import {
  type AuditEvent,
  type AuditFilter,
  apiQuery,
  detailText,
  filterParams,
  filterProblem,
  KNOWN_ACTIONS,
  readFilter,
  TARGET_TYPES,
} from './audit-filter';

function Filters({ filter }: { filter: AuditFilter }) {
  const [, setParams] = useSearchParams();
  const [problem, setProblem] = useState<string>();
  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = readFilter(new FormData(e.currentTarget));
    const why = filterProblem(f);
    setProblem(why);
    if (!why) setParams(filterParams(f));
  }
  return (
    <form
      className="filters"
      aria-label="Filter the audit log"
      onSubmit={apply}
      noValidate
      key={filterParams(filter).toString()}
    >
      <label>
        Actor
        <input name="actor" defaultValue={filter.actor} placeholder="e-mail or token:name" />
      </label>
      <label>
        Action
        <input name="action" defaultValue={filter.action} list="audit-actions" placeholder="any" />
        <datalist id="audit-actions">
          {KNOWN_ACTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </label>
      <label>
        Project
        <input name="project" defaultValue={filter.project} placeholder="every project" />
      </label>
      <label>
        Target
        <select name="targetType" defaultValue={filter.targetType}>
          <option value="">any</option>
          {TARGET_TYPES.map((t) => (
            <option key={t} value={t}>
              {t.replace('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      <label>
        Target id
        <input name="targetId" defaultValue={filter.targetId} placeholder="e.g. 42" size={8} />
      </label>
      <label>
        From (UTC date)
        <input name="from" type="date" defaultValue={filter.from} />
      </label>
      <label>
        To (UTC date, inclusive)
        <input name="to" type="date" defaultValue={filter.to} />
      </label>
      <button type="submit">Apply</button>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </form>
  );
}

/** The target, linking to every event about it. */
function Target({ e }: { e: AuditEvent }) {
  const q = new URLSearchParams({
    targetType: e.targetType,
    ...(e.targetId ? { targetId: e.targetId } : {}),
  });
  return (
    <Link to={`/audit?${q}`} title={`Every event about this ${e.targetType.replace('_', ' ')}`}>
      {e.targetType}
      {e.targetId && <> #{e.targetId}</>}
    </Link>
  );
}

function Detail({ e }: { e: AuditEvent }) {
  const text = detailText(e.detail);
  if (!text) return <span className="muted">—</span>;
  return (
    <details className="audit-detail">
      <summary>
        Details<span className="admin-vh"> of event {e.id}</span>
      </summary>
      <pre>{text}</pre>
    </details>
  );
}

function EventTable({ events }: { events: AuditEvent[] }) {
  return (
    <table className="audit-table">
      <caption className="muted">Newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Actor</th>
          <th scope="col">Action</th>
          <th scope="col">Target</th>
          <th scope="col">Project</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td>{formatDateTime(e.at)}</td>
            <td>{e.actor}</td>
            <td>
              <code>{e.action}</code>
            </td>
            <td>
              <Target e={e} />
            </td>
            <td>
              {e.project ? (
                <Link to={`/projects/${encodeURIComponent(e.project)}`}>{e.project}</Link>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td>
              <Detail e={e} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AuditLog() {
  const [params] = useSearchParams();
  const filter = readFilter(params);
  const pages = useCursorPages('cursor');
  const problem = filterProblem(filter);
  const events = useQuery({
    queryKey: ['audit', filter, pages.cursor],
    queryFn: () => ok(client.GET('/api/v1/audit', { params: { query: apiQuery(filter, pages.cursor) } })),
    enabled: !problem,
  });
  const filtered = Object.values(filter).some(Boolean);
  if (problem)
    return (
      <div className="admin-page">
        <h1>Audit log</h1>
        <Filters filter={filter} />
        <p role="alert" className="error">
          {problem}
        </p>
      </div>
    );
  return (
    <div className="admin-page">
      <h1>Audit log</h1>
      <Filters filter={filter} />
      <QueryState query={events} what="the audit log">
        {(data) =>
          data.events.length ? (
            <>
              <EventTable events={data.events} />
              <CursorPager pages={pages} next={data.next} what="the audit log" />
            </>
          ) : (
            <EmptyState title={filtered ? 'No event matches these filters' : 'Nothing recorded yet'}>
              <p>
                {filtered
                  ? 'Actor and action compare exactly (an e-mail, token:name, exception.approve); widen the dates or clear a filter.'
                  : 'Sign-ins, uploads, triage, exception decisions and settings changes are recorded here as they happen.'}
              </p>
            </EmptyState>
          )
        }
      </QueryState>
    </div>
  );
}

/** The audit log, for the roles that may read it; others are told so (the server answers 403). */
export function Audit() {
  useDocumentTitle('Audit log');
  const allowed = useCan('audit.read');
  if (!allowed) return <NotAllowed what="the audit log" who="The admin, security and auditor roles can" />;
  return <AuditLog />;
}
