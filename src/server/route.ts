import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Store } from '../store/connect.js';
import { type Action, authenticate, type Principal, requireAction } from './auth.js';
import { ApiError } from './errors.js';

export interface ServerContext {
  store: Store;
  /** Public base URL for links in answers (`http://host:port`). */
  baseUrl: string;
  limits: { uploadBytes: number; uploadInflatedBytes: number };
}

export interface Handled<Q, P, B> {
  query: Q;
  params: P;
  body: B;
  principal: Principal;
  req: FastifyRequest;
  reply: FastifyReply;
}

/** One API operation: its contract (for validation and the OpenAPI document) and its handler. */
export interface RouteSpec<Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Under /api/v1, fastify syntax (`/findings/:id`). */
  url: string;
  summary: string;
  tag: string;
  /** What the caller must be allowed to do; `public` needs no credential. */
  action: Action | 'public';
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

export function mount(app: FastifyInstance, ctx: ServerContext, routes: readonly AnyRoute[]): void {
  for (const r of routes)
    app.route({
      method: r.method,
      url: API_PREFIX + r.url,
      handler: async (req, reply) => {
        const principal: Principal =
          r.action === 'public'
            ? { actor: 'anonymous', role: 'auditor', projectId: null }
            : await authenticate(ctx.store, req);
        if (r.action !== 'public') requireAction(principal, r.action);
        const query = parse(r.query, req.query, 'query');
        const params = parse(r.params, req.params, 'path');
        const body = r.rawBody ? req.body : parse(r.body, req.body, 'body');
        reply.code(r.status ?? 200);
        const out = await r.handler({ query, params, body, principal, req, reply });
        if (!reply.sent) reply.send(out);
        return reply;
      },
    });
}
