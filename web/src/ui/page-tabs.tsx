import { Link, useSearchParams } from 'react-router';

export interface PageTab {
  key: string;
  label: string;
}

/** The tab the URL names in `param`; the first tab when it names none (or an unknown one). */
export function usePageTab(param: string, tabs: readonly PageTab[]): string {
  const [params] = useSearchParams();
  const wanted = params.get(param);
  return tabs.find((t) => t.key === wanted)?.key ?? tabs[0]!.key;
}

/**
 * Sections of one page as links that set a URL parameter: a section can be shared and Back
 * returns to the previous one. Parameters named in `keep` carry over; the rest (a page cursor,
 * filters of another section) are dropped.
 */
export function PageTabs({
  label,
  param,
  tabs,
  keep = [],
}: {
  label: string;
  param: string;
  tabs: readonly PageTab[];
  keep?: readonly string[];
}) {
  const [params] = useSearchParams();
  const current = usePageTab(param, tabs);
  const href = (key: string) => {
    const next = new URLSearchParams();
    next.set(param, key);
    for (const k of keep) {
      const v = params.get(k);
      if (v) next.set(k, v);
    }
    return `?${next}`;
  };
  return (
    <nav aria-label={label} className="page-tabs">
      <ul>
        {tabs.map((t) => (
          <li key={t.key}>
            <Link to={href(t.key)} aria-current={t.key === current ? 'page' : undefined}>
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
