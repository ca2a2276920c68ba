import { Link } from 'react-router';
import { formatCount, formatDate, formatDateTime } from '../format';
import { StatusLabel } from '../ui/finding-status';
import { SeverityLabel } from '../ui/severity';
import { SlaLabel } from '../ui/sla-label';
import { AdvisoryDetails } from './finding-advisory';
import { RequestException } from './finding-exception';
import { FindingHistory } from './finding-history';
import { FindingLocation } from './finding-location';
import { FindingRule } from './finding-rule';
import { DataflowTrace } from './finding-trace';
import { FindingTriage } from './finding-triage';
import type { FindingDetail, FindingFull } from './finding-types';
import { locationText } from './findings-table';

function Facts({ f }: { f: FindingFull }) {
  return (
    <dl className="facts finding-facts">
      <dt>Severity</dt>
      <dd>
        <SeverityLabel severity={f.severity} />
      </dd>
      <dt>Status</dt>
      <dd>
        <StatusLabel status={f.status} />
        {f.reopenedCount > 0 && <span className="muted"> (reopened {formatCount(f.reopenedCount)}×)</span>}
      </dd>
      <dt>Project</dt>
      <dd>
        <Link to={`/projects/${encodeURIComponent(f.project)}`}>{f.project}</Link>
      </dd>
      <dt>Scanner</dt>
      <dd>{f.scanner}</dd>
      <dt>Rule</dt>
      <dd>
        <code>{f.rule}</code>
      </dd>
      <dt>Confidence</dt>
      <dd>{f.confidence}</dd>
      <dt>First seen</dt>
      <dd>
        <time dateTime={f.firstSeenAt}>{formatDateTime(f.firstSeenAt)}</time>
      </dd>
      <dt>Last seen</dt>
      <dd>
        <time dateTime={f.lastSeenAt}>{formatDateTime(f.lastSeenAt)}</time>
      </dd>
      <dt>SLA due</dt>
      <dd>
        <SlaLabel sla={f.sla} dueAt={f.slaDueAt} />
      </dd>
      {f.exceptionId !== null && (
        <>
          <dt>Exception</dt>
          <dd>
            <Link to="/exceptions">#{f.exceptionId}</Link>
          </dd>
        </>
      )}
    </dl>
  );
}

function Occurrences({ rows }: { rows: FindingDetail['occurrences'] }) {
  if (rows.length === 0) return null;
  return (
    <section className="card" aria-labelledby="finding-occurrences">
      <h2 id="finding-occurrences">Seen in the latest scans</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Scan</th>
            <th scope="col">Branch</th>
            <th scope="col">Commit</th>
            <th scope="col">Location</th>
            <th scope="col">Received</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.scanId}>
              <td>#{o.scanId}</td>
              <td>{o.branch}</td>
              <td>
                <code>{o.commit?.slice(0, 12) ?? '—'}</code>
              </td>
              <td className="code-text location">{locationText(o.path, o.line)}</td>
              <td>
                <time dateTime={o.at} title={formatDateTime(o.at)}>
                  {formatDate(o.at)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * One finding, as the server answered it. Everything in it came from an uploaded report, so
 * every value is rendered as text by React (no markup from the data, links only to web
 * addresses). The actions appear only for roles that may take them.
 */
export function FindingView({
  detail,
  canTriage,
  canRequestException,
  back,
}: {
  detail: FindingDetail;
  canTriage: boolean;
  canRequestException: boolean;
  /** The findings list the reader came from, with its filters. */
  back: string;
}) {
  const f = detail.finding;
  return (
    <article className="finding-page" aria-labelledby="finding-title">
      <p className="back">
        <Link to={back}>← Findings</Link>
      </p>
      <h1 id="finding-title">{f.title}</h1>
      <p className="muted code-text">
        #{f.id} · {locationText(f.path, f.line)}
      </p>
      <Facts f={f} />
      <div className="finding-columns">
        <div className="stack">
          <FindingLocation finding={f} />
          {f.trace && f.trace.length > 0 && <DataflowTrace steps={f.trace} />}
          {f.vulnerability && <AdvisoryDetails vulnerability={f.vulnerability} references={f.references} />}
          <FindingRule finding={f} withReferences={!f.vulnerability} />
          <FindingHistory events={detail.history} />
          <Occurrences rows={detail.occurrences} />
        </div>
        {(canTriage || canRequestException) && (
          <div className="stack">
            {canTriage && <FindingTriage finding={f} />}
            {canRequestException && <RequestException finding={f} />}
          </div>
        )}
      </div>
    </article>
  );
}
