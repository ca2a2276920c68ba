import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/**
 * Loading and error states of a query, said the same way on every page; `children` renders the
 * data once it is there.
 */
export function QueryState<T>({
  query,
  children,
  what,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** What is loading, for the message: "findings". */
  what: string;
}) {
  if (query.isPending) return <p className="loading">Loading {what}…</p>;
  if (query.isError)
    return (
      <p role="alert" className="error">
        Could not load {what}: {query.error.message}
      </p>
    );
  return <>{children(query.data)}</>;
}

/** What an empty list means and what to do next. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="empty">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
