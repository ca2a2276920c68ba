import type { FastifyRequest } from 'fastify';
import type { Store } from '../store/connect.js';
import type { Role } from '../store/schema.js';
import { findToken } from '../store/tokens.js';
import { ApiError } from './errors.js';

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
    'admin',
  ]),
  security: new Set(['read', 'upload', 'triage', 'exception.request', 'exception.decide', 'audit.read']),
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

function describe(action: Action): string {
  const words: Record<Action, string> = {
    read: 'read findings',
    upload: 'upload scans',
    triage: 'triage findings',
    'exception.request': 'request exceptions',
    'exception.decide': 'approve or reject exceptions',
    'audit.read': 'read the audit log',
    admin: 'administer the server',
  };
  return words[action];
}

/** Resolves the bearer token of a request; every API route but health checks needs one. */
export async function authenticate(store: Store, req: FastifyRequest): Promise<Principal> {
  const header = req.headers.authorization;
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token)
    throw new ApiError(
      'unauthorized',
      'send a token: Authorization: Bearer <token> (gatehouse admin token create)',
    );
  const found = await findToken(store.db, token);
  if (!found) throw new ApiError('unauthorized', 'the token is unknown or revoked');
  return { actor: `token:${found.name}`, role: found.role, projectId: found.projectId };
}
