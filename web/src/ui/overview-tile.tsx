import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { formatCount, formatDate, formatDateTime } from '../format';

/** The time a number covers, as every tile states it. */
export type Covers = { now: string } | { from: string; to: string; label: string };

/** "Last 90 days" for a window [from, to). */
export function lastDays(w: { from: string; to: string }): string {
  const days = Math.floor((Date.parse(w.to) - Date.parse(w.from)) / 86_400_000);
  return days === 1 ? 'Last day' : `Last ${formatCount(days)} days`;
}

export function coversText(c: Covers): string {
  if ('now' in c) return `Now (as of ${formatDateTime(c.now)})`;
  return `${c.label}: ${formatDate(c.from)} – ${formatDate(c.to)}`;
}

export type TileSize = 'half' | 'full';

/** One tile of the overview: its title, the window it covers, its content and where it leads. */
export function Tile({
  title,
  covers,
  more,
  children,
  size,
}: {
  title: string;
  covers: Covers | undefined;
  more?: { to: string; label: string };
  children: ReactNode;
  /** Columns of the overview's grid: one (default), half the row or all of it. */
  size?: TileSize;
}) {
  const id = useId();
  return (
    <section className={`card ov-tile${size ? ` ov-${size}` : ''}`} aria-labelledby={id}>
      <header className="ov-tile-head">
        <h2 id={id}>{title}</h2>
        {covers && <p className="ov-covers">{coversText(covers)}</p>}
      </header>
      {children}
      {more && (
        <p className="ov-more">
          <Link to={more.to}>{more.label}</Link>
        </p>
      )}
    </section>
  );
}

/** A tile's empty state: what the absence means and what to do next. */
export function TileEmpty({ children }: { children: ReactNode }) {
  return <p className="ov-empty">{children}</p>;
}
