import { Link } from 'react-router';
import { formatCount, formatDate, formatPercent } from '../format';
import {
  type CoverageAnswer,
  findingsUrl,
  type NoiseAnswer,
  projectUrl,
  type RankingAnswer,
  ratio,
} from './overview-data';
import { lastDays, Tile, TileEmpty } from './overview-tile';
import { SEVERITIES } from './severity';

/** Projects shown in the coverage matrix; the rest are counted. */
const MATRIX_ROWS = 8;

type CoveredProject = CoverageAnswer['projects'][number];

function Cell({ project, scanner }: { project: CoveredProject; scanner: string }) {
  const run = project.scanners.find((s) => s.scanner === scanner);
  if (!run) return <td className="ov-gap">not run</td>;
  if (run.failed === run.runs) return <td className="ov-failed">failed ×{formatCount(run.failed)}</td>;
  return (
    <td className="ov-ran">
      ✓ {formatCount(run.runs)}
      {run.failed > 0 && <span className="ov-failed"> ({formatCount(run.failed)} failed)</span>}
    </td>
  );
}

/** Projects with the most scanners missing (never run or always failed) first. */
function gaps(p: CoveredProject, scanners: string[]): number {
  return scanners.filter((s) => {
    const run = p.scanners.find((r) => r.scanner === s);
    return !run || run.failed === run.runs;
  }).length;
}

export function CoverageTile({ coverage }: { coverage: CoverageAnswer }) {
  const total = coverage.projects.length + coverage.notScanned.length;
  const rows = [...coverage.projects]
    .sort(
      (a, b) => gaps(b, coverage.scanners) - gaps(a, coverage.scanners) || a.project.localeCompare(b.project),
    )
    .slice(0, MATRIX_ROWS);
  return (
    <Tile
      title="Pipeline coverage"
      covers={{ from: coverage.since, to: coverage.asOf, label: 'Last 30 days' }}
      more={{ to: '/projects?sort=last_scan&order=asc', label: 'Projects, least recently scanned first' }}
      size="full"
    >
      {coverage.projects.length === 0 ? (
        <TileEmpty>
          No project was scanned in this window. Add <code>gatehouse scan --upload</code> to a pipeline to
          start.
        </TileEmpty>
      ) : (
        <>
          <ul className="ov-inline">
            {coverage.byScanner.map((s) => (
              <li key={s.scanner}>
                <strong>{s.scanner}</strong>: {formatCount(s.projects)} of {formatCount(total)} projects
              </li>
            ))}
          </ul>
          <div className="ov-scroll">
            <table className="ov-matrix">
              <caption className="visually-hidden">
                Scanners each project ran in the last 30 days (runs; projects with the most gaps first)
              </caption>
              <thead>
                <tr>
                  <th scope="col">Project</th>
                  {coverage.scanners.map((s) => (
                    <th key={s} scope="col">
                      {s}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.project}>
                    <th scope="row">
                      <Link to={projectUrl(p.project)}>{p.project}</Link>
                    </th>
                    {coverage.scanners.map((s) => (
                      <Cell key={s} project={p} scanner={s} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {coverage.projects.length > rows.length && (
            <p className="ov-note">
              {formatCount(coverage.projects.length - rows.length)} more scanned projects not shown.
            </p>
          )}
        </>
      )}
      {coverage.notScanned.length > 0 && (
        <p className="ov-note">
          Not scanned in this window: <strong>{formatCount(coverage.notScanned.length)}</strong>{' '}
          {coverage.notScanned.length === 1 ? 'project' : 'projects'} (
          {coverage.notScanned.slice(0, 5).map((p, i) => (
            <span key={p.project}>
              {i > 0 && ', '}
              <Link to={projectUrl(p.project)}>{p.project}</Link>
            </span>
          ))}
          {coverage.notScanned.length > 5 && ', …'}).
        </p>
      )}
    </Tile>
  );
}

/** The ranking's formula in words, from the weights the server used. */
export function riskFormula(w: RankingAnswer['weights']): string {
  const sev = SEVERITIES.map((s) => `${w.severity[s]} × ${s}`).join(' + ');
  const tier = Object.entries(w.tier)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  return `Risk = tier weight × (${sev}), counting open findings; tier weights: ${tier}.`;
}

export function RiskiestTile({ ranking, asOf }: { ranking: RankingAnswer; asOf: string }) {
  const risky = ranking.projects.filter((p) => p.risk > 0);
  return (
    <Tile
      title="Riskiest projects"
      covers={{ now: asOf }}
      more={{ to: '/projects?sort=risk', label: 'All projects by risk' }}
      size="half"
    >
      {risky.length === 0 ? (
        <TileEmpty>
          No project has open findings that count toward risk. Projects appear here after an upload finds
          something.
        </TileEmpty>
      ) : (
        <table className="ov-table">
          <thead>
            <tr>
              <th scope="col">Project</th>
              <th scope="col">Tier</th>
              <th scope="col" className="num">
                Critical
              </th>
              <th scope="col" className="num">
                High
              </th>
              <th scope="col" className="num">
                <abbr title={riskFormula(ranking.weights)}>Risk</abbr>
              </th>
            </tr>
          </thead>
          <tbody>
            {risky.map((p) => (
              <tr key={p.name}>
                <th scope="row">
                  <Link to={projectUrl(p.name)}>{p.name}</Link>
                </th>
                <td>{p.tier}</td>
                <td className="num">
                  <Link to={findingsUrl({ project: p.name, severity: 'critical' })}>
                    {formatCount(p.open.critical)}
                  </Link>
                </td>
                <td className="num">
                  <Link to={findingsUrl({ project: p.name, severity: 'high' })}>
                    {formatCount(p.open.high)}
                  </Link>
                </td>
                <td className="num">{formatCount(p.risk)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="ov-footnote">{riskFormula(ranking.weights)}</p>
    </Tile>
  );
}

export function NoisyRulesTile({ noise }: { noise: NoiseAnswer }) {
  return (
    <Tile title="Noisiest rules" covers={{ ...noise.window, label: lastDays(noise.window) }} size="half">
      {noise.rules.length === 0 ? (
        <TileEmpty>
          No rule has {formatCount(noise.minTriaged)} or more triaged findings in this window. Rules show here
          once people confirm findings or mark them false positive.
        </TileEmpty>
      ) : (
        <table className="ov-table">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Scanner</th>
              <th scope="col" className="num">
                False positive
              </th>
              <th scope="col" className="num">
                Of triaged
              </th>
            </tr>
          </thead>
          <tbody>
            {noise.rules.map((r) => (
              <tr key={`${r.scanner}/${r.ruleId}`}>
                <th scope="row">
                  <Link to={findingsUrl({ rule: r.ruleId, scanner: r.scanner, status: ['false_positive'] })}>
                    <code>{r.ruleId}</code>
                  </Link>
                </th>
                <td>{r.scanner}</td>
                <td className="num">{formatPercent(ratio(r.falsePositiveRate))}</td>
                <td className="num">
                  {formatCount(r.falsePositives)} / {formatCount(r.triaged)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="ov-footnote">
        Rules with at least {formatCount(noise.minTriaged)} triaged findings, highest false-positive rate
        first (from {formatDate(noise.window.from)}).
      </p>
    </Tile>
  );
}
