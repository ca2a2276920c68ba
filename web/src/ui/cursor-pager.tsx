import { useLocation, useSearchParams } from 'react-router';

/** Where a keyset page starts: its cursor in the URL, the cursors before it in history state. */
export interface CursorPages {
  /** The cursor of the page shown; undefined on the first page. */
  cursor: string | undefined;
  next(cursor: string): void;
  previous(): void;
}

/**
 * Keyset (cursor) pages whose position lives in the URL (`param`), so a page can be shared and
 * survives a reload. The cursors of the pages before it ride in the history entry's state:
 * "Previous" steps back one page; a shared link only knows its own page, and "Previous" then
 * goes to the first.
 */
export function useCursorPages(param: string): CursorPages {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const trailKey = `${param}-trail`;
  const trail: string[] = (location.state as Record<string, string[]> | null)?.[trailKey] ?? [];
  const cursor = params.get(param) ?? undefined;
  const go = (to: string | undefined, nextTrail: string[]) => {
    const p = new URLSearchParams(params);
    if (to) p.set(param, to);
    else p.delete(param);
    setParams(p, { state: { [trailKey]: nextTrail } });
  };
  return {
    cursor,
    next: (to) => go(to, [...trail, cursor ?? '']),
    previous: () => go(trail.at(-1) || undefined, trail.slice(0, -1)),
  };
}

/** Previous / next buttons for keyset pages; `next` is the answer's cursor of the page after. */
export function CursorPager({
  pages,
  next,
  what,
}: {
  pages: CursorPages;
  next: string | null;
  what: string;
}) {
  if (!pages.cursor && !next) return null;
  return (
    <nav aria-label={`Pages of ${what}`} className="cursor-pager">
      <button type="button" disabled={!pages.cursor} onClick={pages.previous}>
        Previous page
      </button>
      <button type="button" disabled={!next} onClick={() => next && pages.next(next)}>
        Next page
      </button>
    </nav>
  );
}
