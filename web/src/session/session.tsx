import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { ApiError, client, ok, setCsrfToken } from '../api/client';

type SessionAnswer = Awaited<ReturnType<typeof readSession>>;
export type User = NonNullable<SessionAnswer>['user'];
export type Role = User['role'];

async function readSession() {
  try {
    const s = await ok(client.GET('/api/v1/session'));
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

const SessionContext = createContext<User | null>(null);

/** What each role may do in the UI; the server enforces the same rules (src/server/auth.ts). */
const CAN: Record<Role, ReadonlySet<string>> = {
  admin: new Set(['triage', 'exception.request', 'exception.decide', 'audit.read', 'project.edit', 'admin']),
  security: new Set(['triage', 'exception.request', 'exception.decide', 'audit.read', 'project.edit']),
  developer: new Set(['triage', 'exception.request']),
  auditor: new Set(['audit.read']),
};

export type UiAction =
  | 'triage'
  | 'exception.request'
  | 'exception.decide'
  | 'audit.read'
  | 'project.edit'
  | 'admin';

export function useUser(): User {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useUser outside a signed-in page');
  return user;
}

export function useCan(action: UiAction): boolean {
  return CAN[useUser().role].has(action);
}

export function useSignIn() {
  const queries = useQueryClient();
  return async (email: string, password: string) => {
    const s = await ok(client.POST('/api/v1/session', { body: { email, password } }));
    setCsrfToken(s.csrfToken);
    queries.setQueryData(['session'], s);
  };
}

export function useSignOut() {
  const queries = useQueryClient();
  return async () => {
    await ok(client.DELETE('/api/v1/session'));
    setCsrfToken(null);
    // Nothing the last user read stays in memory; the gate then shows the sign-in form.
    queries.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    queries.setQueryData(['session'], null);
  };
}

const SESSION_QUERY = { queryKey: ['session'], queryFn: readSession, staleTime: Infinity } as const;

/**
 * Asks who is signed in as soon as the app starts, while the page's own code is still loading:
 * every page waits for the answer before asking for its data.
 */
export function prefetchSession(queries: QueryClient): void {
  void queries.prefetchQuery(SESSION_QUERY);
}

/** Renders `children` for a signed-in user, `signIn` otherwise. */
export function SessionGate({ children, signIn }: { children: ReactNode; signIn: ReactNode }) {
  const session = useQuery(SESSION_QUERY);
  if (session.isPending) return <p className="loading">Loading…</p>;
  if (session.isError) return <p role="alert">Cannot reach the server: {session.error.message}</p>;
  if (!session.data) return <>{signIn}</>;
  return <SessionContext.Provider value={session.data.user}>{children}</SessionContext.Provider>;
}
