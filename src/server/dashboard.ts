import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { packageRoot } from '../core/package-root.js';

/** Where `npm run build` puts the dashboard (web/ → dist/web). */
export function dashboardDir(): string {
  return join(packageRoot(), 'dist', 'web');
}

/**
 * The dashboard's policy: its own scripts, styles and API only; never framed. Charts draw on
 * canvas and set styles through the CSSOM, which `style-src 'self'` allows.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Serves the built dashboard at `/`; its hashed assets are cached for a year, the page never. */
export async function dashboardRoutes(app: FastifyInstance, dir = dashboardDir()): Promise<boolean> {
  if (!existsSync(join(dir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    index: 'index.html',
    wildcard: true,
    setHeaders(reply, path) {
      const hashed = path.includes(join('/', 'assets', '/'));
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (path.endsWith('.html')) reply.header('content-security-policy', CSP);
    },
  });
  return true;
}

/** A page address of the single-page app (not the API, not a file): it gets index.html. */
export function isPageRequest(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0]!;
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    !path.startsWith('/api/') &&
    !path.startsWith('/assets/') &&
    (req.headers.accept ?? '').includes('text/html')
  );
}

export function sendPage(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', 'no-cache')
    .header('content-security-policy', CSP)
    .sendFile('index.html');
}
