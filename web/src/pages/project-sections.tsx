import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { Link } from 'react-router';
import { client, ok } from '../api/client';
import { formatCount, formatDate, formatDateTime, formatPercent } from '../format';
import { CursorPager, useCursorPages } from '../ui/cursor-pager';
import { type Answer, findingsUrl, ratio, type SlaAnswer } from '../ui/overview-data';
import { QueryState } from '../ui/query-state';
import { SEVERITIES, SeverityLabel } from '../ui/severity';
import type { Project } from './project-settings';

type Scan = Answer<'/api/v1/scans'>['scans'][number];
type Component = Answer<'/api/v1/components'>['results'][number]['components'][number];

/** A section of the project page with its heading and a link to the page that has the rest. */
function Section({
  title,
  more,
  children,
}: {
  title: string;
  more?: { to: string; label: string };
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="card proj-section" aria-labelledby={id}>
      <div className="proj-section-head">
        <h2 id={id}>{title}</h2>
        {more && <Link to={more.to}>{more.label}</Link>}
      </div>
      {children}
    </section>
  );
}

export function FindingsSummary({ project, sla }: { project: Project; sla: SlaAnswer | undefined }) {
  const total = SEVERITIES.reduce((a, s) => a + project.open[s], 0);
  return (
    <Section
      title="Open findings"
      more={{ to: findingsUrl({ project: project.name }), label: `All ${formatCount(total)} open findings` }}
    >
      {total === 0 ? (
        <p className="ov-empty">
          Nothing is open in this project. New findings appear after its next upload (
          <code>gatehouse scan --upload</code>).
        </p>
      ) : (
        <table className="proj-counts">
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col" className="num">
                Open
              </th>
              <th scope="col" className="num">
                Past due
              </th>
            </tr>
          </thead>
          <tbody>
            {SEVERITIES.map((s) => (
              <tr key={s}>
                <th scope="row">
                  <SeverityLabel severity={s} />
                </th>
                <td className="num">
                  <Link to={findingsUrl({ project: project.name, severity: s })}>
                    {formatCount(project.open[s])}
                  </Link>
                </td>
                <td className="num">
                  {sla ? (
                    <Link to={findingsUrl({ project: project.name, severity: s, sla: 'overdue' })}>
                      {formatCount(sla.open.bySeverity[s].overdue)}
                    </Link>
                  ) : (
                    '…'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function Verdict({ verdict }: { verdict: string | null }) {
  if (!verdict) return <span className="muted">none</span>;
  return <span className={`verdict verdict-${verdict}`}>{verdict}</span>;
}

function Scanners({ scan }: { scan: Scan }) {
  return (
    <ul className="proj-scanners">
      {scan.scanners.map((s) => (
        <li key={s.name} className={s.status === 'failed' ? 'ov-failed' : undefined}>
          {s.name}
          {s.status !== 'ok' && ` (${s.status})`}
        </li>
      ))}
    </ul>
  );
}

export function ScansTable({ scans }: { scans: Scan[] }) {
  return (
    <div className="proj-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Branch</th>
            <th scope="col">Commit</th>
            <th scope="col">Stage</th>
            <th scope="col">Gate</th>
            <th scope="col" className="num">
              Findings
            </th>
            <th scope="col" className="num">
              New
            </th>
            <th scope="col" className="num">
              Fixed
            </th>
            <th scope="col">Scanners</th>
          </tr>
        </thead>
        <tbody>
          {scans.map((s) => (
            <tr key={s.id}>
              <td>{formatDateTime(s.receivedAt)}</td>
              <td>{s.branch}</td>
              <td>
                <code title={s.commit ?? undefined}>{s.commit?.slice(0, 10) ?? '—'}</code>
              </td>
              <td>{s.stage ?? '—'}</td>
              <td>
                <Verdict verdict={s.gate.verdict} />
              </td>
              <td className="num">{formatCount(s.counts.findings)}</td>
              <td className="num">{formatCount(s.counts.new)}</td>
              <td className="num">{formatCount(s.counts.fixed)}</td>
              <td>
                <Scanners scan={s} />
                {!s.complete && <span className="muted"> diff scan</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ScansSection({ name }: { name: string }) {
  const pages = useCursorPages('scans');
  const scans = useQuery({
    queryKey: ['project-scans', name, pages.cursor],
    queryFn: () =>
      ok(
        client.GET('/api/v1/scans', {
          params: { query: { project: name, limit: 20, ...(pages.cursor ? { cursor: pages.cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const gate = useQuery({
    queryKey: ['project-gate', name],
    queryFn: () => ok(client.GET('/api/v1/metrics/gate', { params: { query: { project: name } } })),
  });
  const g = gate.data?.totals;
  return (
    <Section title="Scans and gate history">
      {g && (
        <p className="ov-note">
          Last 90 days: {formatCount(g.scans)} scans with a gate verdict
          {g.scans > 0 &&
            `, ${formatPercent(ratio(g.passRate))} passed, ${formatPercent(ratio(g.failRate))} failed, ${formatCount(g.overridden)} passed after an override`}
          .
        </p>
      )}
      <QueryState query={scans} what="scans">
        {(data) =>
          data.scans.length === 0 ? (
            <p className="ov-empty">
              No scan yet. Upload one from the project's pipeline with <code>gatehouse scan --upload</code>.
            </p>
          ) : (
            <>
              <ScansTable scans={data.scans} />
              <CursorPager pages={pages} next={data.next} what="scans" />
            </>
          )
        }
      </QueryState>
    </Section>
  );
}

/** Components shown before "Show all": a long SBOM stays one click away, not one long scroll. */
const SHOWN_COMPONENTS = 100;

export function ComponentsTable({ components }: { components: Component[] }) {
  const [filter, setFilter] = useState('');
  const [all, setAll] = useState(false);
  const needle = filter.trim().toLowerCase();
  const matching = needle
    ? components.filter((c) => `${c.name} ${c.version} ${c.ecosystem}`.toLowerCase().includes(needle))
    : components;
  const shown = all ? matching : matching.slice(0, SHOWN_COMPONENTS);
  return (
    <>
      <label className="proj-inline-label">
        Filter components
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      <p role="status" className="muted">
        {formatCount(matching.length)} of {formatCount(components.length)} components
        {shown.length < matching.length && `, first ${formatCount(shown.length)} shown`}.
      </p>
      <div className="proj-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Version</th>
              <th scope="col">Ecosystem</th>
              <th scope="col">Licenses</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={`${c.ecosystem}:${c.name}@${c.version}`}>
                <th scope="row">
                  <span className="code-text">{c.name}</span>
                </th>
                <td>{c.version}</td>
                <td>{c.ecosystem}</td>
                <td>{c.licenses ?? <span className="muted">not declared</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length < matching.length && (
        <button type="button" onClick={() => setAll(true)}>
          Show all {formatCount(matching.length)}
        </button>
      )}
    </>
  );
}

export function ComponentsSection({ name, branch }: { name: string; branch: string | null }) {
  const sbom = useQuery({
    queryKey: ['project-components', name],
    queryFn: () => ok(client.GET('/api/v1/components', { params: { query: { project: name, limit: 200 } } })),
  });
  const wanted = branch ?? 'main';
  return (
    <Section
      title={`Components on ${wanted}`}
      more={{
        to: `/components?${new URLSearchParams({ project: name })}`,
        label: 'Search components of this project',
      }}
    >
      <QueryState query={sbom} what="components">
        {(data) => {
          const group = data.results.find((g) => g.branch === wanted);
          if (group) return <ComponentsTable components={group.components} />;
          const others = data.results.map((g) => g.branch);
          return (
            <p className="ov-empty">
              No SBOM of {wanted} yet: upload a scan of the default branch with the dependency scanner, or a
              CycloneDX / SPDX SBOM.
              {others.length > 0 && ` Other branches have one: ${others.join(', ')}.`}
            </p>
          );
        }}
      </QueryState>
    </Section>
  );
}

export function ExceptionsSection({ name }: { name: string }) {
  const exceptions = useQuery({
    queryKey: ['project-exceptions', name],
    queryFn: () => ok(client.GET('/api/v1/exceptions', { params: { query: { project: name, limit: 20 } } })),
  });
  return (
    <Section
      title="Exceptions"
      more={{
        to: `/exceptions?${new URLSearchParams({ tab: 'history', project: name })}`,
        label: 'All exceptions of this project',
      }}
    >
      <p className="ov-note">
        Exceptions requested for this project, newest first. Team-wide and global ones apply too: they are on
        the <Link to="/exceptions">Exceptions</Link> page.
      </p>
      <QueryState query={exceptions} what="exceptions">
        {(data) =>
          data.exceptions.length === 0 ? (
            <p className="ov-empty">
              No exception for this project. Ask for one from a finding when a risk is accepted for a while.
            </p>
          ) : (
            <div className="proj-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Covers</th>
                    <th scope="col">Status</th>
                    <th scope="col">Expires</th>
                    <th scope="col">Requested by</th>
                  </tr>
                </thead>
                <tbody>
                  {data.exceptions.map((e) => (
                    <tr key={e.id}>
                      <td>{e.id}</td>
                      <td>
                        {e.kind}:{' '}
                        <span className="code-text">
                          {e.fingerprint ?? e.rule ?? e.advisory}
                          {e.pathGlob && ` in ${e.pathGlob}`}
                          {e.package && ` (${e.package})`}
                        </span>
                        <div className="muted">{e.reason}</div>
                      </td>
                      <td>{e.status}</td>
                      <td>{e.expiresAt ? formatDate(e.expiresAt) : <span className="muted">never</span>}</td>
                      <td>{e.requestedBy}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </Section>
  );
}
