import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { ApiError, client, ok } from '../api/client';
import { useCan } from '../session/session';
import { CopyLinkButton } from '../ui/copy-link';
import { useDebouncedValue } from '../ui/debounce';
import { useDocumentTitle } from '../ui/document-title';
import { Pager } from '../ui/pager';
import { BulkTriage } from './findings-bulk';
import { FindingsEmpty } from './findings-empty';
import { type FilterChange, FindingsFilters, useFindingsView } from './findings-filters';
import { FindingsTable } from './findings-table';
import {
  apiQuery,
  clearFilters,
  type FindingsView,
  firstPage,
  nextPage,
  PAGE_SIZES,
  previousPage,
  withFilter,
  withPageSize,
  withSort,
} from './findings-url';

/** Names for the project filter's suggestions, asked for only while someone types one. */
function useProjectSuggestions(): [string[], (text: string) => void] {
  const [draft, setDraft] = useState<string | null>(null);
  const q = useDebouncedValue(draft);
  const projects = useQuery({
    queryKey: ['projects', 'names', q],
    queryFn: () => ok(client.GET('/api/v1/projects', { params: { query: { q: q ?? '', limit: 20 } } })),
    enabled: q !== null,
    staleTime: 300_000,
    placeholderData: keepPreviousData,
  });
  return [projects.data?.projects.map((p) => p.name) ?? [], setDraft];
}

/** Ticked findings belong to one page of one list: another page or filter starts with none. */
function useSelection(pageKey: string) {
  const [selection, setSelection] = useState({ pageKey, ids: new Set<number>() });
  const ids = selection.pageKey === pageKey ? selection.ids : new Set<number>();
  return [ids, (next: Set<number>) => setSelection({ pageKey, ids: next })] as const;
}

/**
 * The findings table: filters, sort, page and page size all live in the URL; each interaction is
 * one request, and the page shown stays until the next one arrives.
 */
export function Findings() {
  useDocumentTitle('Findings');
  const { view, change } = useFindingsView();
  const location = useLocation();
  const canTriage = useCan('triage');
  const top = useRef<HTMLDivElement>(null);
  const query = apiQuery(view);
  const pageKey = JSON.stringify(query);
  const list = useQuery({
    queryKey: ['findings', 'list', query],
    queryFn: () => ok(client.GET('/api/v1/findings', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const [selected, setSelected] = useSelection(pageKey);
  const [projectSuggestions, onProjectDraft] = useProjectSuggestions();

  const onFilter: FilterChange = (patch, how) => change((v) => withFilter(v, patch), how?.replace);
  const turn = (to: (v: FindingsView) => FindingsView) => {
    change(to);
    top.current?.scrollIntoView({ block: 'nearest' });
  };
  const rows = list.data?.findings ?? [];
  const selectedIds = rows.filter((r) => selected.has(r.id)).map((r) => r.id);
  const updating = list.isFetching && list.isPlaceholderData;

  return (
    <section className="findings-page">
      <div className="page-head">
        <h1>Findings</h1>
        <CopyLinkButton label="Copy link to this view" />
      </div>
      <FindingsFilters
        filter={view.filter}
        onChange={onFilter}
        projectSuggestions={projectSuggestions}
        onProjectDraft={onProjectDraft}
      />
      <div ref={top} />
      {canTriage && <BulkTriage ids={selectedIds} onDone={() => setSelected(new Set())} />}
      <p role="status" className="muted updating">
        {updating ? 'Loading…' : ''}
      </p>
      {list.isPending && <p className="loading">Loading findings…</p>}
      {list.isError && <ListError error={list.error} onFirstPage={() => change(firstPage)} />}
      {list.data && rows.length === 0 && !updating && (
        <FindingsEmpty
          view={view}
          onClear={() => change(clearFilters)}
          onFirstPage={() => change(firstPage)}
        />
      )}
      {list.data && rows.length > 0 && (
        <>
          <FindingsTable
            rows={rows}
            sort={view.sort}
            order={view.order}
            onSort={(key) => change((v) => withSort(v, key))}
            selectable={canTriage}
            selected={selected}
            onSelect={setSelected}
            from={location.pathname + location.search}
            busy={updating}
          />
          <Pager
            what="findings"
            page={view.page}
            rows={rows.length}
            hasNext={list.data.next !== null && !updating}
            onPrevious={() => turn(previousPage)}
            onNext={() => {
              const next = list.data.next;
              if (next) turn((v) => nextPage(v, next));
            }}
            pageSize={view.limit}
            pageSizes={PAGE_SIZES}
            onPageSize={(size) => change((v) => withPageSize(v, size))}
          />
        </>
      )}
    </section>
  );
}

function ListError({ error, onFirstPage }: { error: Error; onFirstPage: () => void }) {
  const badCursor = error instanceof ApiError && error.message.startsWith('query.cursor');
  return (
    <div role="alert" className="error">
      <p>Could not load findings: {error.message}</p>
      {badCursor && (
        <button type="button" onClick={onFirstPage}>
          Start from the first page
        </button>
      )}
    </div>
  );
}
