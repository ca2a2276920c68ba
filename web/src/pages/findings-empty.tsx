import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { client, ok } from '../api/client';
import { EmptyState } from '../ui/query-state';
import { type FindingsView, isDefaultFilter } from './findings-url';

/** How findings get here: the pipeline's scan, uploaded. */
function UploadHint() {
  return (
    <>
      <p>Findings arrive when a pipeline uploads its scan. In CI, with a token in GATEHOUSE_TOKEN:</p>
      <pre>
        <code>{`npx gatehouse scan . --upload ${window.location.origin} --project <name>`}</code>
      </pre>
      <p>
        SARIF reports of other tools and CycloneDX or SPDX SBOMs can be posted to{' '}
        <code>POST /api/v1/scans</code> as well. An administrator creates upload tokens under{' '}
        <Link to="/settings">Settings</Link>.
      </p>
    </>
  );
}

/**
 * The default view is empty: either nothing was ever uploaded, or nothing is open any more. One
 * small request (any finding at all, of any status) tells which, so the advice fits.
 */
function NothingOpen() {
  const any = useQuery({
    queryKey: ['findings', 'any'],
    queryFn: () => ok(client.GET('/api/v1/findings', { params: { query: { status: ['all'], limit: 1 } } })),
  });
  if (any.isPending) return null;
  if (any.data && any.data.findings.length > 0)
    return (
      <EmptyState title="No open findings">
        <p>
          Everything found so far is fixed, closed, accepted or a false positive.{' '}
          <Link to="?status=all">Show findings of every status</Link>.
        </p>
      </EmptyState>
    );
  return (
    <EmptyState title="No findings yet">
      <UploadHint />
    </EmptyState>
  );
}

/** What an empty page of the table means, and what to do next. */
export function FindingsEmpty({
  view,
  onClear,
  onFirstPage,
}: {
  view: FindingsView;
  onClear: () => void;
  onFirstPage: () => void;
}) {
  if (view.page > 1)
    return (
      <EmptyState title="No more findings here">
        <p>The findings this page started from have changed since the link was made.</p>
        <button type="button" onClick={onFirstPage}>
          Go to the first page
        </button>
      </EmptyState>
    );
  if (!isDefaultFilter(view.filter))
    return (
      <EmptyState title="No findings match these filters">
        <p>Widen the search or clear the filters to see every open finding.</p>
        <button type="button" onClick={onClear}>
          Clear the filters
        </button>
      </EmptyState>
    );
  return <NothingOpen />;
}
