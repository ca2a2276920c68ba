import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { client, ok } from '../api/client';
import { formatCount, formatDateTime } from '../format';
import { CursorPager, useCursorPages } from '../ui/cursor-pager';
import { useDebouncedText } from '../ui/debounce';
import { useDocumentTitle } from '../ui/document-title';
import { findingsUrl, projectUrl, type RankingAnswer } from '../ui/overview-data';
import { riskFormula } from '../ui/overview-tables';
import { EmptyState, QueryState } from '../ui/query-state';
import { SortableHeader } from '../ui/sortable-header';
import { teamsKey } from './project-settings';
import {
  isFiltered,
  type ProjectSort,
  type ProjectsView,
  projectsQuery,
  readProjectsView,
  TIERS,
  withSort,
  writeProjectsView,
} from './projects-url';

export const PROJECTS_PAGE = 50;

/** The query key of one page of the list (component tests put answers under it). */
export const projectsKey = (v: ProjectsView, cursor: string | undefined) => [
  'projects',
  'ranked',
  projectsQuery(v, cursor, PROJECTS_PAGE),
];

function Filters({ view, onChange }: { view: ProjectsView; onChange: (v: ProjectsView) => void }) {
  const teams = useQuery({ queryKey: teamsKey, queryFn: () => ok(client.GET('/api/v1/teams')) });
  const [text, setText] = useDebouncedText(view.q, (q) => onChange({ ...view, q }));
  return (
    <search aria-label="Filter projects" className="proj-filters">
      <label>
        Name contains
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label>
        Tier
        <select
          value={view.tier}
          onChange={(e) => onChange({ ...view, tier: e.target.value as ProjectsView['tier'] })}
        >
          <option value="">Any tier</option>
          {TIERS.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        Owner team
        <select value={view.team} onChange={(e) => onChange({ ...view, team: e.target.value })}>
          <option value="">Any team</option>
          {/* A team named in a shared link stays selectable while the list of teams loads. */}
          {view.team && !teams.data?.teams.some((t) => t.name === view.team) && (
            <option value={view.team}>{view.team}</option>
          )}
          {teams.data?.teams.map((t) => (
            <option key={t.id} value={t.name}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      {isFiltered(view) && (
        <button type="button" onClick={() => onChange({ ...view, q: '', tier: '', team: '' })}>
          Clear filters
        </button>
      )}
    </search>
  );
}

const COLUMNS: { key: ProjectSort | null; label: string; num?: boolean }[] = [
  { key: 'name', label: 'Project' },
  { key: 'tier', label: 'Tier' },
  { key: null, label: 'Owner team' },
  { key: 'critical', label: 'Critical', num: true },
  { key: 'high', label: 'High', num: true },
  { key: null, label: 'Medium', num: true },
  { key: null, label: 'Low', num: true },
  { key: 'risk', label: 'Risk', num: true },
  { key: 'last_scan', label: 'Last scan' },
];

export function ProjectsTable({
  answer,
  view,
  onSort,
}: {
  answer: RankingAnswer;
  view: ProjectsView;
  onSort: (key: ProjectSort) => void;
}) {
  return (
    <div className="proj-scroll">
      <table className="proj-table">
        <caption className="visually-hidden">
          Projects, sorted by {view.sort.replace('_', ' ')} (
          {view.order === 'asc' ? 'ascending' : 'descending'})
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((c) =>
              c.key ? (
                <SortableHeader
                  key={c.label}
                  sortKey={c.key}
                  current={view.sort}
                  order={view.order}
                  onSort={(k) => onSort(k as ProjectSort)}
                  className={c.num ? 'num' : undefined}
                >
                  {c.key === 'risk' ? <abbr title={riskFormula(answer.weights)}>Risk</abbr> : c.label}
                </SortableHeader>
              ) : (
                <th key={c.label} scope="col" className={c.num ? 'num' : undefined}>
                  {c.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {answer.projects.map((p) => (
            <tr key={p.name}>
              <th scope="row">
                <Link to={projectUrl(p.name)}>{p.name}</Link>
                {p.repository && <div className="muted proj-repo">{p.repository}</div>}
              </th>
              <td>{p.tier}</td>
              <td>{p.team?.name ?? <span className="muted">none</span>}</td>
              {(['critical', 'high', 'medium', 'low'] as const).map((s) => (
                <td key={s} className="num">
                  {p.open[s] > 0 ? (
                    <Link
                      to={findingsUrl({ project: p.name, severity: s })}
                      aria-label={`${formatCount(p.open[s])} open ${s} findings in ${p.name}`}
                    >
                      {formatCount(p.open[s])}
                    </Link>
                  ) : (
                    <span className="muted">0</span>
                  )}
                </td>
              ))}
              <td className="num">{formatCount(p.risk)}</td>
              <td>{p.lastScanAt ? formatDateTime(p.lastScanAt) : <span className="muted">never</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NoProjects({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  if (filtered)
    return (
      <EmptyState title="No project matches these filters">
        <p>
          <button type="button" onClick={onClear}>
            Clear filters
          </button>
        </p>
      </EmptyState>
    );
  return (
    <EmptyState title="No projects yet">
      <p>
        A project appears with its first upload: run <code>gatehouse scan --upload</code> in its pipeline.
      </p>
    </EmptyState>
  );
}

/** Every visible project, sorted and filtered on the server; sort, filters and page live in the URL. */
export function Projects() {
  useDocumentTitle('Projects');
  const [params, setParams] = useSearchParams();
  const view = readProjectsView(params);
  const pages = useCursorPages('cursor');
  const list = useQuery({
    queryKey: projectsKey(view, pages.cursor),
    queryFn: () =>
      ok(
        client.GET('/api/v1/metrics/projects', {
          params: { query: projectsQuery(view, pages.cursor, PROJECTS_PAGE) },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const change = (v: ProjectsView) => setParams(writeProjectsView(v));
  return (
    <section className="projects-page">
      <h1>Projects</h1>
      <Filters view={view} onChange={change} />
      <QueryState query={list} what="projects">
        {(answer) =>
          answer.projects.length === 0 ? (
            <NoProjects
              filtered={isFiltered(view)}
              onClear={() => change({ ...view, q: '', tier: '', team: '' })}
            />
          ) : (
            <>
              <p role="status" className="muted">
                {list.isPlaceholderData
                  ? 'Updating…'
                  : `${formatCount(answer.projects.length)} projects on this page${answer.next ? ', more on the next' : ''}.`}
              </p>
              <ProjectsTable answer={answer} view={view} onSort={(k) => change(withSort(view, k))} />
              <CursorPager pages={pages} next={answer.next} what="projects" />
              <p className="ov-footnote">{riskFormula(answer.weights)}</p>
            </>
          )
        }
      </QueryState>
    </section>
  );
}
