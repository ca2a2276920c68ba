import type { FastifyRequest } from 'fastify';
import type { Store } from '../store/connect.js';
import type { Role } from '../store/schema.js';
import { findSession, type SessionUser } from '../store/sessions.js';
import { findToken } from '../store/tokens.js';
import type { AuthSettings } from './auth-settings.js';
import { csrfToken } from './csrf.js';
import { ApiError } from './errors.js';
import { SESSION_COOKIE } from './session-cookie.js';

/** Who is asking: a token (pipelines, scripts) or a signed-in user (the dashboard). */
export interface Principal {
  /** For the audit log and finding history: `token:<name>` or the user's e-mail. */
  actor: string;
  role: Role;
  /** Set when the credential is scoped to one project: it sees and changes nothing else. */
  projectId: number | null;
}

export type Action =
  | 'read'
  | 'upload'
  | 'triage'
  | 'exception.request'
  | 'exception.decide'
  | 'audit.read'
  | 'project.edit'
  | 'admin';

/**
 * What each role may do. Auditors read everything (and the audit log) and change nothing; CI
 * tokens upload and ask for the gate, nothing else; developers triage their findings and ask for
 * exceptions but cannot grant them.
 */
const ALLOWED: Record<Role, ReadonlySet<Action>> = {
  admin: new Set([
    'read',
    'upload',
    'triage',
    'exception.request',
    'exception.decide',
    'audit.read',
    'project.edit',
    'admin',
  ]),
  security: new Set([
    'read',
    'upload',
    'triage',
    'exception.request',
    'exception.decide',
    'audit.read',
    'project.edit',
  ]),
  developer: new Set(['read', 'triage', 'exception.request']),
  auditor: new Set(['read', 'audit.read']),
  ci: new Set(['upload']),
};

export function can(p: Principal, action: Action): boolean {
  return ALLOWED[p.role].has(action);
}

export function requireAction(p: Principal, action: Action): void {
  if (!can(p, action)) throw new ApiError('forbidden', `the ${p.role} role may not ${describe(action)}`);
}

/** Project-scoped credentials reach only their project; everything else reaches every project. */
export function requireProject(p: Principal, projectId: number): void {
  if (p.projectId !== null && p.projectId !== projectId)
    throw new ApiError('not_found', 'no such project for this credential');
}

/**
 * Users and tokens are administered by credentials of every project: a project-scoped admin
 * could otherwise make itself an unscoped one.
 */
export function requireEveryProject(p: Principal): void {
  if (p.projectId !== null)
    throw new ApiError('forbidden', 'only a credential of every project administers users and tokens');
}

function describe(action: Action): string {
  const words: Record<Action, string> = {
    read: 'read findings',
    upload: 'upload scans',
    triage: 'triage findings',
    'exception.request': 'request exceptions',
    'exception.decide': 'approve or reject exceptions',
    'audit.read': 'read the audit log',
    'project.edit': 'change project settings',
    admin: 'administer the server',
  };
  return words[action];
}

/** A request authenticated by its session cookie: the user, and what its CSRF check compares. */
export interface ActiveSession {
  /** The SHA-256 of the cookie's secret (the stored id). */
  id: string;
  user: SessionUser;
  csrfToken: string;
}

export interface Authenticated {
  principal: Principal;
  /** Set when the session cookie authenticated the request (no bearer token). */
  session?: ActiveSession;
}

const UNAUTHENTICATED =
  'sign in (POST /api/v1/session) or send a token: Authorization: Bearer <token> (gatehouse admin token create)';

/**
 * Who sent the request. A bearer token wins when present (a wrong one is refused, never replaced
 * by the cookie); otherwise the session cookie. Every API route but sign-in and health checks
 * needs one or the other.
 */
export async function authenticate(
  store: Store,
  settings: AuthSettings,
  req: FastifyRequest,
): Promise<Authenticated> {
  const header = req.headers.authorization;
  if (header !== undefined) return { principal: await bearer(store, header) };
  const secret = req.cookies[SESSION_COOKIE];
  if (!secret) throw new ApiError('unauthorized', UNAUTHENTICATED);
  const found = await findSession(store.db, secret, settings, settings.now());
  if (!found) throw new ApiError('unauthorized', 'the session has ended: sign in again');
  return {
    principal: userPrincipal(found.user),
    session: { id: found.id, user: found.user, csrfToken: csrfToken(secret) },
  };
}

function userPrincipal(u: SessionUser): Principal {
  return { actor: u.email, role: u.role, projectId: u.projectId };
}

async function bearer(store: Store, header: string): Promise<Principal> {
  const token = header.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw new ApiError('unauthorized', UNAUTHENTICATED);
  const found = await findToken(store.db, token);
  if (!found) throw new ApiError('unauthorized', 'the token is unknown or revoked');
  return { actor: `token:${found.name}`, role: found.role, projectId: found.projectId };
}
