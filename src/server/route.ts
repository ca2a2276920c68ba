import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Store } from '../store/connect.js';
import {
  type Action,
  type ActiveSession,
  type Authenticated,
  authenticate,
  type Principal,
  requireAction,
} from './auth.js';
import { type AuthSettings, authSettings } from './auth-settings.js';
import { requireCsrf } from './csrf.js';
import { ApiError } from './errors.js';

export interface ServerContext {
  store: Store;
  /** Public base URL for links in answers (`http://host:port`). */
  baseUrl: string;
  limits: { uploadBytes: number; uploadInflatedBytes: number };
  /** Sign-in and sessions; defaults: 12 h idle, 7 days in all, scrypt at OWASP's cost. */
  auth?: Partial<AuthSettings>;
  /** Concurrent ingests in this process (default: `ingestConcurrency()`). */
  ingestConcurrency?: number;
}

export interface Handled<Q, P, B> {
  query: Q;
  params: P;
  body: B;
  principal: Principal;
  /** The session when the cookie authenticated the request. */
  session?: ActiveSession;
  req: FastifyRequest;
  reply: FastifyReply;
}

/** One API operation: its contract (for validation and the OpenAPI document) and its handler. */
export interface RouteSpec<Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Under /api/v1, fastify syntax (`/findings/:id`). */
  url: string;
  summary: string;
  tag: string;
  /**
   * What the caller must be allowed to do; `public` needs no credential; `session` needs a
   * signed-in user's cookie (a token is not a session).
   */
  action: Action | 'public' | 'session';
  query?: Q;
  params?: P;
  body?: B;
  /** Set for bodies that are not JSON objects validated here (uploads read the raw bytes). */
  rawBody?: { contentTypes: string[]; description: string };
  response: z.ZodType;
  status?: number;
  handler(h: Handled<z.infer<Q>, z.infer<P>, z.infer<B>>): Promise<unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds routes of every shape
export type AnyRoute = RouteSpec<any, any, any>;

export const API_PREFIX = '/api/v1';

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): z.infer<T> {
  if (!schema) return value as z.infer<T>;
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = issue.path.length ? `${where}.${issue.path.join('.')}` : where;
  throw new ApiError('bad_request', `${path}: ${issue.message}`, r.error.issues.slice(0, 10));
}

const ANONYMOUS: Principal = { actor: 'anonymous', role: 'auditor', projectId: null };

/**
 * Authenticates and authorises a request. A cookie is an ambient credential (the browser sends it
 * whoever made the page), so a change it authenticates must prove it comes from our own page:
 * the CSRF check. Bearer tokens are sent only by code that holds them, and need none.
 */
async function authorize(ctx: ServerContext, r: AnyRoute, req: FastifyRequest): Promise<Authenticated> {
  if (r.action === 'public') return { principal: ANONYMOUS };
  const a = await authenticate(ctx.store, authSettings(ctx.auth), req);
  if (a.session) requireCsrf(req, ctx.baseUrl, a.session.csrfToken);
  if (r.action !== 'session') requireAction(a.principal, r.action);
  else if (!a.session) throw new ApiError('unauthorized', 'this is for a signed-in user, not a token');
  return a;
}

export function mount(app: FastifyInstance, ctx: ServerContext, routes: readonly AnyRoute[]): void {
  for (const r of routes)
    app.route({
      method: r.method,
      url: API_PREFIX + r.url,
      handler: async (req, reply) => {
        const { principal, session } = await authorize(ctx, r, req);
        const query = parse(r.query, req.query, 'query');
        const params = parse(r.params, req.params, 'path');
        const body = r.rawBody ? req.body : parse(r.body, req.body, 'body');
        reply.code(r.status ?? 200);
        const out = await r.handler({ query, params, body, principal, session, req, reply });
        if (!reply.sent) reply.send(out);
        return reply;
      },
    });
}
