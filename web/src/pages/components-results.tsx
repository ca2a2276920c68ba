import { Link } from 'react-router';
import { formatCount } from '../format';
import { byProject, type Group } from './components-search';

const rowsOf = (g: Group) => Math.max(1, g.components.length);

function BranchRows({ group }: { group: Group }) {
  return (
    <>
      {group.components.map((c, i) => (
        <tr key={`${c.ecosystem}:${c.name}@${c.version}`}>
          {i === 0 && (
            <th scope="rowgroup" rowSpan={rowsOf(group)} className="sbom-branch">
              {group.branch}
            </th>
          )}
          <td>
            {c.name}
            {c.purl && (
              <>
                <br />
                <code className="muted sbom-purl">{c.purl}</code>
              </>
            )}
          </td>
          <td className="sbom-version">
            <code>{c.version}</code>
          </td>
          <td>{c.ecosystem}</td>
          <td>{c.licenses ?? <span className="muted">not declared</span>}</td>
        </tr>
      ))}
    </>
  );
}

/** Who ships it: one block per project, a row per component of each branch that ships it. */
export function ComponentResults({ groups, more }: { groups: Group[]; more: boolean }) {
  const projects = byProject(groups);
  return (
    <>
      <p role="status">
        {formatCount(projects.length)} project(s), {formatCount(groups.length)} branch(es) on this page
        {more ? ' — more on the next page' : ''}.
      </p>
      <table className="sbom-table">
        <thead>
          <tr>
            <th scope="col">Branch</th>
            <th scope="col">Component</th>
            <th scope="col">Version</th>
            <th scope="col">Ecosystem</th>
            <th scope="col">Licenses</th>
          </tr>
        </thead>
        {projects.map((p) => (
          <tbody key={p.project}>
            <tr className="sbom-project">
              <th scope="colgroup" colSpan={5}>
                <Link to={`/projects/${encodeURIComponent(p.project)}`}>{p.project}</Link>{' '}
                <span className="muted">{formatCount(p.branches.length)} branch(es)</span>
              </th>
            </tr>
            {p.branches.map((g) => (
              <BranchRows key={g.branch} group={g} />
            ))}
          </tbody>
        ))}
      </table>
    </>
  );
}
