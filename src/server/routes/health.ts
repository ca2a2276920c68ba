import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { ServerContext } from '../route.js';

/** Liveness (the process answers) and readiness (the database answers), outside /api/v1 and auth. */
export function healthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (req, reply) => {
    try {
      await sql`SELECT 1`.execute(ctx.store.db);
      return { status: 'ready', database: ctx.store.dialect };
    } catch (e) {
      // Unauthenticated: the reason (host names, user names) goes to the log, not to the caller.
      req.log.error({ err: e }, 'readiness check: the database does not answer');
      reply.code(503);
      return { status: 'unavailable', database: ctx.store.dialect };
    }
  });
}
