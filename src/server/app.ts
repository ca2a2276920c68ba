import { createHash } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { dashboardDir, dashboardRoutes, isPageRequest, sendPage } from './dashboard.js';
import { ApiError, type ErrorCode, errorBody } from './errors.js';
import { openApiRoutes } from './openapi.js';
import { type AnyRoute, API_PREFIX, mount, type ServerContext } from './route.js';
import { healthRoutes } from './routes/health.js';
import { apiRoutes } from './routes/index.js';
import { SESSION_COOKIE } from './session-cookie.js';

export interface ServerOptions extends ServerContext {
  /** Requests per minute per credential (or address, without one). */
  rateLimitPerMinute: number;
  /** JSON bodies other than uploads. */
  jsonBodyBytes: number;
  logger: boolean;
  /** The built dashboard (default: dist/web of the package); not served when it is missing. */
  dashboardDir?: string;
}

export const DEFAULT_LIMITS = {
  uploadBytes: 64 * 1024 * 1024,
  uploadInflatedBytes: 512 * 1024 * 1024,
  jsonBodyBytes: 1024 * 1024,
  rateLimitPerMinute: 6000,
};

/** The API server: every route, the error contract, limits and security headers. */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: opts.jsonBodyBytes,
    logger: opts.logger
      ? { level: 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] }
      : false,
    return503OnClosing: true,
  });
  app.setErrorHandler(errorHandler);
  let dashboard = false;
  app.setNotFoundHandler((req, reply) => {
    // The dashboard's addresses (/findings/42) are pages of one HTML document.
    if (dashboard && isPageRequest(req)) return sendPage(reply);
    reply.code(404).send(errorBody('not_found', `no route ${req.method} ${req.url.split('?')[0]}`));
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    // The dashboard uses no device feature: saying so keeps an injected script from asking for one.
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    // The dashboard's hashed assets say how long they keep; API answers are never cached.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
  // Before the rate limiter: its key reads the session cookie.
  await app.register(cookie);
  await app.register(rateLimit, {
    max: opts.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_req, c) =>
      new ApiError(
        'rate_limited',
        `more than ${c.max} requests a minute; retry in ${Math.ceil(c.ttl / 1000)} s`,
      ),
  });
  healthRoutes(app, opts);
  const routes = apiRoutes(opts);
  await app.register(async (scoped) =>
    uploadContext(
      scoped,
      opts,
      routes.filter((r) => r.rawBody),
    ),
  );
  mount(
    app,
    opts,
    routes.filter((r) => !r.rawBody),
  );
  openApiRoutes(app, routes);
  dashboard = await dashboardRoutes(app, opts.dashboardDir ?? dashboardDir());
  return app;
}

const SIGN_IN = `${API_PREFIX}/session`;

/**
 * Whose budget a request spends: its token's, its session's (a digest: the limiter's memory holds
 * no secret), or its address's. Sign-in attempts always count against the address, so made-up
 * cookies or tokens cannot buy an attacker fresh budgets for guessing passwords.
 */
function rateLimitKey(req: FastifyRequest): string {
  // The matched route, not the URL: `/api/v1/%73ession` is the same route.
  if (req.method === 'POST' && req.routeOptions.url === SIGN_IN) return req.ip;
  const auth = req.headers.authorization;
  if (auth) return auth.slice(-16);
  const session = req.cookies[SESSION_COOKIE];
  if (session) return `session:${createHash('sha256').update(session).digest('hex').slice(0, 32)}`;
  return req.ip;
}

/** Upload routes read the raw bytes (any content type, gzip or not) up to their own limit. */
async function uploadContext(app: FastifyInstance, ctx: ServerContext, routes: AnyRoute[]): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: ctx.limits.uploadBytes },
    (_req, body, done) => done(null, body),
  );
  mount(app, ctx, routes);
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_format',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
};

function errorHandler(
  this: FastifyInstance,
  e: FastifyError | ApiError,
  req: { log: FastifyInstance['log'] },
  reply: import('fastify').FastifyReply,
) {
  if (e instanceof ApiError) return reply.code(e.status).send(errorBody(e.code, e.message, e.details));
  const code = (e.code && FASTIFY_CODES[e.code]) || (e.statusCode === 429 ? 'rate_limited' : undefined);
  if (code || (e.statusCode && e.statusCode < 500)) {
    const known = code ?? (e.statusCode === 413 ? 'payload_too_large' : 'bad_request');
    return reply.code(e.statusCode ?? 400).send(errorBody(known, e.message));
  }
  req.log.error(e);
  return reply.code(500).send(errorBody('internal', 'internal error; the server log has the details'));
}
