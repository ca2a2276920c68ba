import { QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { type Role, SessionGate } from '../session/session';

/**
 * For component tests: renders `ui` at `path` for a signed-in user of `role`. The session and
 * any `data` are put in the query cache as the server would have answered them, so nothing is
 * fetched for them (real server flows are the browser tests' job).
 */
export function renderSignedIn(
  ui: ReactNode,
  {
    role = 'admin',
    path = '/',
    data = [],
  }: { role?: Role; path?: string; data?: [QueryKey, unknown][] } = {},
) {
  const queries = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } },
  });
  queries.setQueryData(['session'], {
    user: { id: 1, email: `${role}@test.example`, name: role, role, projectId: null },
    csrfToken: 'test',
  });
  for (const [key, value] of data) queries.setQueryData(key, value);
  const router = createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [path] });
  render(
    <QueryClientProvider client={queries}>
      <SessionGate signIn={<p>Signed out</p>}>
        <RouterProvider router={router} />
      </SessionGate>
    </QueryClientProvider>,
  );
  return { queries, router };
}
