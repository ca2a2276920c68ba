import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { client, ok } from '../api/client';
import type { paths } from '../api/openapi';
import { CursorPager, useCursorPages } from '../ui/cursor-pager';
import { useDocumentTitle } from '../ui/document-title';
import { PageTabs, usePageTab } from '../ui/page-tabs';
import { EmptyState, QueryState } from '../ui/query-state';
import type { ExceptionItem } from './exceptions-scope';
import { ExceptionTable } from './exceptions-table';

const EXPIRING_DAYS = 14;

const TABS = [
  { key: 'pending', label: 'Pending approval' },
  { key: 'expiring', label: `Expiring within ${EXPIRING_DAYS} days` },
  { key: 'history', label: 'History' },
] as const;
type Tab = (typeof TABS)[number]['key'];

const DECIDED = ['approved', 'rejected', 'expired', 'revoked'] as const;
type Decided = (typeof DECIDED)[number];

type ListQuery = NonNullable<paths['/api/v1/exceptions']['get']['parameters']['query']>;

interface View {
  tab: Tab;
  project: string;
  status: Decided | '';
  after: string | undefined;
}

function listQuery(v: View): ListQuery {
  const q: ListQuery = { limit: v.tab === 'expiring' ? 200 : 50 };
  if (v.project) q.project = v.project;
  if (v.after) q.after = Number(v.after);
  if (v.tab === 'pending') q.status = 'pending';
  if (v.tab === 'expiring') q.expiringWithinDays = EXPIRING_DAYS;
  if (v.tab === 'history' && v.status) q.status = v.status;
  return q;
}

/** The page's rows: history leaves pending requests to their tab; expiring ones soonest first. */
function shown(v: View, rows: ExceptionItem[]): ExceptionItem[] {
  if (v.tab === 'history') return rows.filter((e) => e.status !== 'pending');
  if (v.tab === 'expiring')
    return rows.toSorted((a, b) => Date.parse(a.expiresAt ?? '') - Date.parse(b.expiresAt ?? ''));
  return rows;
}

function Empty({ view }: { view: View }) {
  const where = view.project ? ` for ${view.project}` : '';
  if (view.tab === 'pending')
    return (
      <EmptyState title={`No exception is waiting for approval${where}`}>
        <p>
          Requests come from a finding’s page (“Request exception”) or from{' '}
          <code>POST /api/v1/exceptions</code>; they appear here until someone other than the requester
          approves or rejects them.
        </p>
      </EmptyState>
    );
  if (view.tab === 'expiring')
    return (
      <EmptyState title={`No approved exception expires in the next ${EXPIRING_DAYS} days${where}`}>
        <p>Nothing to renew. Approved exceptions that stop applying soon are listed here.</p>
      </EmptyState>
    );
  return (
    <EmptyState title={`No decided exception${where}${view.status ? ` is ${view.status}` : ''}`}>
      <p>Approved, rejected, expired and revoked exceptions stay here for the record.</p>
    </EmptyState>
  );
}

function Filters({ view }: { view: View }) {
  const [, setParams] = useSearchParams();
  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams({ tab: view.tab });
    const project = String(form.get('project') ?? '').trim();
    if (project) next.set('project', project);
    const status = String(form.get('status') ?? '');
    if (status) next.set('status', status);
    setParams(next);
  }
  return (
    <form className="filters" onSubmit={apply} aria-label="Filter exceptions" key={JSON.stringify(view)}>
      <label>
        Project
        <input name="project" defaultValue={view.project} placeholder="every project" />
      </label>
      {view.tab === 'history' && (
        <label>
          Status
          <select name="status" defaultValue={view.status}>
            <option value="">any decision</option>
            {DECIDED.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit">Apply</button>
    </form>
  );
}

/** Exceptions: requests waiting for a decision, approvals about to expire, and every decision made. */
export function Exceptions() {
  useDocumentTitle('Exceptions');
  const [params] = useSearchParams();
  const pages = useCursorPages('after');
  const tab = usePageTab('tab', TABS) as Tab;
  const status = params.get('status') ?? '';
  const view: View = {
    tab,
    project: params.get('project') ?? '',
    status: (DECIDED as readonly string[]).includes(status) ? (status as Decided) : '',
    after: pages.cursor,
  };
  const [notice, setNotice] = useState('');
  const list = useQuery({
    queryKey: ['exceptions', view],
    queryFn: () => ok(client.GET('/api/v1/exceptions', { params: { query: listQuery(view) } })),
  });
  const now = list.dataUpdatedAt || Date.now();

  return (
    <div className="admin-page">
      <h1>Exceptions</h1>
      <PageTabs label="Exception lists" param="tab" tabs={TABS} keep={['project']} />
      <Filters view={view} />
      <p role="status" className="notice">
        {notice}
      </p>
      <QueryState query={list} what="exceptions">
        {(data) => {
          const rows = shown(view, data.exceptions);
          return (
            <>
              {rows.length ? (
                <ExceptionTable
                  rows={rows}
                  order={view.tab === 'expiring' ? 'Soonest expiry first' : 'Newest request first'}
                  now={now}
                  onDecided={setNotice}
                />
              ) : (
                <Empty view={view} />
              )}
              <CursorPager pages={pages} next={data.next} what="exceptions" />
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
