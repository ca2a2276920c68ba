import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError, client, ok } from '../api/client';
import { useCan } from '../session/session';
import { useDocumentTitle } from '../ui/document-title';
import { EmptyState } from '../ui/query-state';
import { FindingView } from './finding-view';

/** The list the reader came from (its filters and page), else the default list. */
function backTo(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/findings') ? from : '/findings';
}

function NoSuchFinding({ id }: { id: string }) {
  return (
    <EmptyState title="Finding not found">
      <p>
        There is no finding #{id} that you can see: it does not exist, or it belongs to a project your account
        is not part of.
      </p>
      <p>
        <Link to="/findings">Back to the findings</Link>
      </p>
    </EmptyState>
  );
}

/** `/findings/:id`: one finding with its location, explanation, history and the actions on it. */
export function FindingPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const canTriage = useCan('triage');
  const canRequestException = useCan('exception.request');
  const valid = /^[1-9]\d{0,15}$/.test(id);
  const detail = useQuery({
    queryKey: ['findings', 'detail', Number(id)],
    queryFn: () => ok(client.GET('/api/v1/findings/{id}', { params: { path: { id: Number(id) } } })),
    enabled: valid,
  });
  useDocumentTitle(detail.data ? `${detail.data.finding.title} (#${id})` : `Finding #${id}`);
  if (!valid || (detail.error instanceof ApiError && detail.error.status === 404))
    return <NoSuchFinding id={id} />;
  if (detail.isPending) return <p className="loading">Loading finding #{id}…</p>;
  if (detail.isError)
    return (
      <p role="alert" className="error">
        Could not load finding #{id}: {detail.error.message}
      </p>
    );
  return (
    <FindingView
      detail={detail.data}
      canTriage={canTriage}
      canRequestException={canRequestException}
      back={backTo(location.state)}
    />
  );
}
