import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { ApiError, type ErrorCode, errorBody } from './errors.js';
import { openApiRoutes } from './openapi.js';
import { type AnyRoute, mount, type ServerContext } from './route.js';
import { healthRoutes } from './routes/health.js';
import { apiRoutes } from './routes/index.js';

export interface ServerOptions extends ServerContext {
  /** Requests per minute per credential (or address, without one). */
  rateLimitPerMinute: number;
  /** JSON bodies other than uploads. */
  jsonBodyBytes: number;
  logger: boolean;
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
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(errorBody('not_found', `no route ${req.method} ${req.url.split('?')[0]}`));
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cache-control', 'no-store');
    return payload;
  });
  await app.register(rateLimit, {
    max: opts.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (req) => req.headers.authorization?.slice(-16) ?? req.ip,
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
  return app;
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
