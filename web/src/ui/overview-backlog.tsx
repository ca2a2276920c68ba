import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatCount, formatPercent } from '../format';
import { findingsUrl, type OpenAnswer, ratio, type SecretsAnswer, type SlaAnswer } from './overview-data';
import { lastDays, Tile, TileEmpty } from './overview-tile';
import { SEVERITIES, SeverityLabel } from './severity';

const NOTHING_OPEN = (
  <TileEmpty>
    Nothing is open. Findings appear here after the next upload (<code>gatehouse scan --upload</code>).
  </TileEmpty>
);

/** Rows of counts, each a link to the findings it counts, with a bar for its share of the largest. */
function CountList({ rows }: { rows: { key: string; label: ReactNode; count: number; to: string }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <ul className="ov-counts">
      {rows.map((r) => (
        <li key={r.key}>
          <Link to={r.to}>
            <span className="ov-count-label">{r.label}</span>
            <span className="ov-count">{formatCount(r.count)}</span>
          </Link>
          <span className="ov-bar" aria-hidden="true">
            <span style={{ width: `${(r.count / max) * 100}%` }} />
          </span>
        </li>
      ))}
    </ul>
  );
}

export function OpenBySeverityTile({ sla }: { sla: SlaAnswer }) {
  return (
    <Tile
      title="Open findings by severity"
      covers={{ now: sla.asOf }}
      more={{ to: findingsUrl({}), label: `All ${formatCount(sla.open.total)} open findings` }}
    >
      {sla.open.total === 0 ? (
        NOTHING_OPEN
      ) : (
        <CountList
          rows={SEVERITIES.map((s) => ({
            key: s,
            label: <SeverityLabel severity={s} />,
            count: sla.open.bySeverity[s].open,
            to: findingsUrl({ severity: s }),
          }))}
        />
      )}
    </Tile>
  );
}

export function OpenByScannerTile({ open }: { open: OpenAnswer }) {
  return (
    <Tile title="Open findings by scanner" covers={{ now: open.asOf }}>
      {open.byScanner.length === 0 ? (
        NOTHING_OPEN
      ) : (
        <CountList
          rows={open.byScanner.map((s) => ({
            key: s.scanner,
            label: s.scanner,
            count: s.open,
            to: findingsUrl({ scanner: s.scanner }),
          }))}
        />
      )}
    </Tile>
  );
}

/** Severities with a non-zero count, worst first, as "critical 3 · high 1". */
function BySeverity({ counts, link }: { counts: Record<string, number>; link: (s: string) => string }) {
  const shown = SEVERITIES.filter((s) => (counts[s] ?? 0) > 0);
  if (!shown.length) return null;
  return (
    <ul className="ov-inline">
      {shown.map((s) => (
        <li key={s}>
          <Link to={link(s)}>
            <SeverityLabel severity={s} /> {formatCount(counts[s]!)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function SlaTile({ sla, open }: { sla: SlaAnswer; open: OpenAnswer }) {
  const overdue = Object.fromEntries(SEVERITIES.map((s) => [s, sla.open.bySeverity[s].overdue]));
  const c = sla.compliance;
  return (
    <Tile title="SLA" covers={{ now: sla.asOf }}>
      <dl className="ov-figures">
        <div>
          <dt>Past due</dt>
          <dd>
            <Link className="ov-big" to={findingsUrl({ sla: 'overdue' })}>
              {formatCount(sla.open.overdue)}
            </Link>
            <BySeverity counts={overdue} link={(s) => findingsUrl({ sla: 'overdue', severity: s })} />
          </dd>
        </div>
        <div>
          <dt>Due within 7 days</dt>
          <dd>
            <Link className="ov-big" to={findingsUrl({ sla: 'due_soon' })}>
              {formatCount(open.dueSoon.total)}
            </Link>
            <BySeverity
              counts={open.dueSoon.bySeverity}
              link={(s) => findingsUrl({ sla: 'due_soon', severity: s })}
            />
          </dd>
        </div>
      </dl>
      <p className="ov-note">
        Compliance, {lastDays(sla.window).toLowerCase()}:{' '}
        <strong>{formatPercent(ratio(c.compliancePercent))}</strong>{' '}
        {c.met + c.late + c.openOverdue === 0
          ? '(nothing was due: no finding with a due date was resolved, and none is past due)'
          : `(${formatCount(c.met)} resolved in time, ${formatCount(c.late)} late, ${formatCount(c.openOverdue)} open past due)`}
      </p>
    </Tile>
  );
}

export function SecretsTile({ secrets }: { secrets: SecretsAnswer }) {
  const t = secrets.totals;
  return (
    <Tile title="Secrets" covers={{ ...secrets.window, label: lastDays(secrets.window) }}>
      {t.detected === 0 && t.blocked === 0 ? (
        <TileEmpty>No secret was detected and no pipeline was blocked for one in this window.</TileEmpty>
      ) : (
        <dl className="ov-figures">
          <div>
            <dt>Detected</dt>
            <dd>
              <Link
                className="ov-big"
                to={findingsUrl({
                  scanner: 'secrets',
                  status: ['all'],
                  firstSeenFrom: secrets.window.from.slice(0, 10),
                })}
              >
                {formatCount(t.detected)}
              </Link>
            </dd>
          </div>
          <div>
            <dt>Still open</dt>
            <dd>
              <Link
                className="ov-big"
                to={findingsUrl({ scanner: 'secrets', firstSeenFrom: secrets.window.from.slice(0, 10) })}
              >
                {formatCount(t.stillOpen)}
              </Link>
            </dd>
          </div>
          <div>
            <dt>Blocked</dt>
            <dd>
              <span className="ov-big">{formatCount(t.blocked)}</span>
              <span className="ov-note"> failed gates that carried a secret</span>
            </dd>
          </div>
        </dl>
      )}
    </Tile>
  );
}
