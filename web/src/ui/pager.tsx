import { useId } from 'react';
import { formatCount } from '../format';

/**
 * Previous / next for keyset pages (the server answers a page and a cursor to the next one, not
 * a total), the page number, and how many rows a page shows.
 */
export function Pager({
  what,
  page,
  rows,
  hasNext,
  onPrevious,
  onNext,
  pageSize,
  pageSizes,
  onPageSize,
}: {
  /** What the pages hold, for labels: "findings". */
  what: string;
  page: number;
  /** Rows on the page shown. */
  rows: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  pageSize: number;
  pageSizes: readonly number[];
  onPageSize: (size: number) => void;
}) {
  const id = useId();
  return (
    <nav className="pager" aria-label={`Pages of ${what}`}>
      <button type="button" onClick={onPrevious} disabled={page <= 1}>
        ← Previous
      </button>
      <span className="pager-where" aria-live="polite">
        Page {formatCount(page)} · {formatCount(rows)} {what}
      </span>
      <button type="button" onClick={onNext} disabled={!hasNext}>
        Next →
      </button>
      <label className="inline" htmlFor={`${id}-size`}>
        Per page
      </label>
      <select id={`${id}-size`} value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
        {pageSizes.map((s) => (
          <option key={s} value={s}>
            {formatCount(s)}
          </option>
        ))}
      </select>
    </nav>
  );
}
