import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiError } from './errors.js';

/** Methods that change something: a cookie-authenticated request with one needs the CSRF token. */
const UNSAFE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The session's CSRF token, derived from its secret: nothing more to store, the same after a
 * reload, and knowing it tells nothing about the secret (HMAC).
 */
export function csrfToken(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('gatehouse csrf token v1').digest('base64url');
}

/** Compares digests, so neither the length nor any prefix of the token shows in the timing. */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * A browser's `Origin` must be this server: its Host, or the public URL it is configured with
 * (behind a proxy). Requests without one (other clients, old browsers) pass: the token decides.
 */
export function requireSameOrigin(req: FastifyRequest, baseUrl: string): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new ApiError('csrf', `request from origin ${origin.slice(0, 100)} refused`);
  }
  if (host !== req.headers.host?.toLowerCase() && host !== hostOf(baseUrl))
    throw new ApiError('csrf', `request from another origin (${host}) refused`);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** The double check of a cookie-authenticated change: same origin, and the session's token. */
export function requireCsrf(req: FastifyRequest, baseUrl: string, expected: string): void {
  if (!UNSAFE.has(req.method)) return;
  requireSameOrigin(req, baseUrl);
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !sent)
    throw new ApiError(
      'csrf',
      `a signed-in browser's change needs the ${CSRF_HEADER} header (csrfToken of GET /api/v1/session)`,
    );
  if (!sameSecret(sent, expected))
    throw new ApiError('csrf', `the ${CSRF_HEADER} header does not match the session`);
}
