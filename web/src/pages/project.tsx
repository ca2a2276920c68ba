import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError, client, ok } from '../api/client';
import { formatDateTime } from '../format';
import { useDocumentTitle } from '../ui/document-title';
import { EmptyState, QueryState } from '../ui/query-state';
import { ComponentsSection, ExceptionsSection, FindingsSummary, ScansSection } from './project-sections';
import { ProjectSettings } from './project-settings';

/** The query keys of the project and its SLA numbers (component tests put answers under them). */
export const projectKey = (name: string) => ['project', name];
export const projectSlaKey = (name: string) => ['project-sla', name];

/** One project: its settings, open findings, scans and gate history, components and exceptions. */
export function ProjectPage() {
  const name = useParams().name ?? '';
  useDocumentTitle(name ? `Project ${name}` : 'Project');
  const project = useQuery({
    queryKey: projectKey(name),
    queryFn: () => ok(client.GET('/api/v1/projects/{name}', { params: { path: { name } } })),
  });
  const sla = useQuery({
    queryKey: projectSlaKey(name),
    queryFn: () => ok(client.GET('/api/v1/metrics/sla', { params: { query: { project: name } } })),
  });
  if (project.error instanceof ApiError && project.error.status === 404)
    return (
      <EmptyState title={`No project named ${name}`}>
        <p>
          It does not exist or you may not see it. Pick one from the <Link to="/projects">projects</Link>.
        </p>
      </EmptyState>
    );
  return (
    <QueryState query={project} what="the project">
      {({ project: p }) => (
        <article className="project-page">
          <header className="proj-head">
            <p className="muted">
              <Link to="/projects">Projects</Link> /
            </p>
            <h1>{p.name}</h1>
            <p className="muted">Last scan: {p.lastScanAt ? formatDateTime(p.lastScanAt) : 'never'}</p>
            <ProjectSettings project={p} />
          </header>
          <div className="proj-grid">
            <FindingsSummary project={p} sla={sla.data} />
            <ExceptionsSection name={p.name} />
          </div>
          <ScansSection name={p.name} />
          <ComponentsSection name={p.name} branch={p.defaultBranch} />
        </article>
      )}
    </QueryState>
  );
}
