import type { ReactNode } from 'react';

export type SortDirection = 'asc' | 'desc';

/**
 * A column header that sorts the table by its key: a button (keyboard and screen readers reach
 * it), with `aria-sort` on the header cell of the column the table is sorted by. The sorting
 * itself is the caller's (for server data: a new request, never a sort of the rows at hand).
 */
export function SortableHeader({
  children,
  sortKey,
  current,
  order,
  onSort,
  className,
}: {
  children: ReactNode;
  sortKey: string;
  /** The key the table is sorted by now. */
  current: string;
  order: SortDirection;
  onSort: (key: string) => void;
  className?: string;
}) {
  const active = current === sortKey;
  const ariaSort = active ? (order === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort} className={className}>
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)}>
        {children}
        <span aria-hidden="true" className="sort-mark">
          {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
