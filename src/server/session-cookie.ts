import type { FastifyReply } from 'fastify';

export const SESSION_COOKIE = 'gatehouse_session';

/**
 * HttpOnly: scripts (and so cross-site scripting) cannot read it; Secure: never sent over plain
 * HTTP (browsers make an exception for localhost); SameSite=Strict: other sites' pages cannot
 * make the browser send it.
 */
const ATTRIBUTES = { httpOnly: true, secure: true, sameSite: 'strict', path: '/' } as const;

export function setSessionCookie(reply: FastifyReply, secret: string, lifetimeMs: number): void {
  reply.setCookie(SESSION_COOKIE, secret, { ...ATTRIBUTES, maxAge: Math.floor(lifetimeMs / 1000) });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, ATTRIBUTES);
}
