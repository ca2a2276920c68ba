import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../format';
import { StatusLabel } from '../ui/finding-status';
import { SeverityLabel } from '../ui/severity';
import { SlaLabel } from '../ui/sla-label';
import { SortableHeader } from '../ui/sortable-header';
import type { FindingSummary, SortKey, SortOrder } from './finding-types';

/** `path:line`, as editors and terminals take it. */
export function locationText(path: string, line: number | null | undefined): string {
  return line ? `${path}:${line}` : path;
}

function SelectPage({
  rows,
  selected,
  onSelect,
}: {
  rows: FindingSummary[];
  selected: ReadonlySet<number>;
  onSelect: (ids: Set<number>) => void;
}) {
  const box = useRef<HTMLInputElement>(null);
  const count = rows.filter((r) => selected.has(r.id)).length;
  useEffect(() => {
    if (box.current) box.current.indeterminate = count > 0 && count < rows.length;
  }, [count, rows.length]);
  return (
    <input
      ref={box}
      type="checkbox"
      aria-label="Select every finding on this page"
      checked={rows.length > 0 && count === rows.length}
      onChange={(e) => onSelect(new Set(e.target.checked ? rows.map((r) => r.id) : []))}
    />
  );
}

function Row({
  f,
  selectable,
  selected,
  onToggle,
  from,
}: {
  f: FindingSummary;
  selectable: boolean;
  selected: boolean;
  onToggle: (id: number, on: boolean) => void;
  from: string;
}) {
  const what = f.advisory ? [f.advisory, f.purl].filter(Boolean).join(' · ') : null;
  return (
    <tr className={selected ? 'selected' : undefined}>
      {selectable && (
        <td className="select">
          <input
            type="checkbox"
            aria-label={`Select finding ${f.id}: ${f.title}`}
            checked={selected}
            onChange={(e) => onToggle(f.id, e.target.checked)}
          />
        </td>
      )}
      <td>
        <SeverityLabel severity={f.severity} />
      </td>
      <td className="finding-title">
        <Link to={`/findings/${f.id}`} state={{ from }}>
          {f.title}
        </Link>
        {what && <div className="muted small code-text">{what}</div>}
      </td>
      <td>{f.project}</td>
      <td className="location code-text">{locationText(f.path, f.line)}</td>
      <td>{f.scanner}</td>
      <td className="code-text rule">{f.rule}</td>
      <td>
        <StatusLabel status={f.status} />
      </td>
      <td>
        <time dateTime={f.firstSeenAt} title={formatDateTime(f.firstSeenAt)}>
          {formatDate(f.firstSeenAt)}
        </time>
      </td>
      <td>
        <time dateTime={f.lastSeenAt} title={formatDateTime(f.lastSeenAt)}>
          {formatDate(f.lastSeenAt)}
        </time>
      </td>
      <td>
        <SlaLabel sla={f.sla} dueAt={f.slaDueAt} />
      </td>
    </tr>
  );
}

/**
 * One page of findings as the server ordered it. Sorting asks the server again (`onSort`): the
 * rows at hand are one page of millions, so sorting them here would be wrong, not just slow.
 */
export function FindingsTable({
  rows,
  sort,
  order,
  onSort,
  selectable,
  selected,
  onSelect,
  from,
  busy,
}: {
  rows: FindingSummary[];
  sort: SortKey;
  order: SortOrder;
  onSort: (key: SortKey) => void;
  /** Checkboxes for bulk triage: only for roles that may triage. */
  selectable: boolean;
  selected: ReadonlySet<number>;
  onSelect: (ids: Set<number>) => void;
  /** The list's address, so a finding's page can lead back to the same view. */
  from: string;
  /** The next page or sort is on its way: the rows shown are the previous answer. */
  busy: boolean;
}) {
  const header = (key: SortKey, label: string) => (
    <SortableHeader sortKey={key} current={sort} order={order} onSort={(k) => onSort(k as SortKey)}>
      {label}
    </SortableHeader>
  );
  const toggle = (id: number, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelect(next);
  };
  return (
    <div className="table-scroll">
      <table className="findings-table" aria-busy={busy} aria-label="Findings">
        <thead>
          <tr>
            {selectable && (
              <th scope="col" className="select">
                <SelectPage rows={rows} selected={selected} onSelect={onSelect} />
              </th>
            )}
            {header('severity', 'Severity')}
            <th scope="col">Finding</th>
            <th scope="col">Project</th>
            {header('path', 'Location')}
            <th scope="col">Scanner</th>
            {header('rule', 'Rule')}
            <th scope="col">Status</th>
            {header('first_seen', 'First seen')}
            {header('last_seen', 'Last seen')}
            {header('sla_due', 'SLA due')}
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <Row
              key={f.id}
              f={f}
              selectable={selectable}
              selected={selected.has(f.id)}
              onToggle={toggle}
              from={from}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
