import type { PassiveContext } from '../../types.js';
import { clip, redact } from './text.js';

export interface SetCookie {
  name: string;
  value: string;
  /** Attribute names in lower case; the last occurrence wins, as in RFC 6265bis. */
  attributes: Map<string, string>;
  /** The attributes as sent, for evidence. */
  rawAttributes: string;
}

const MAX_COOKIES = 50;

/** Parses a Set-Cookie value; undefined for a nameless or empty one, which browsers ignore. */
export function parseSetCookie(header: string): SetCookie | undefined {
  const [pair = '', ...rest] = header.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  const name = pair.slice(0, eq).trim();
  if (!name) return undefined;
  const attributes = new Map<string, string>();
  for (const attr of rest.slice(0, 50)) {
    const i = attr.indexOf('=');
    const key = (i < 0 ? attr : attr.slice(0, i)).trim().toLowerCase();
    if (key) attributes.set(key, i < 0 ? '' : attr.slice(i + 1).trim());
  }
  return { name, value: pair.slice(eq + 1).trim(), attributes, rawAttributes: rest.join(';').trim() };
}

/** Every cookie the response sets (one per Set-Cookie field; the HTTP client keeps them apart). */
export function setCookies(ctx: PassiveContext): SetCookie[] {
  const out: SetCookie[] = [];
  for (const header of ctx.headers('set-cookie').slice(0, MAX_COOKIES)) {
    const cookie = parseSetCookie(header);
    if (cookie) out.push(cookie);
  }
  return out;
}

const SESSION_NAMES = new Set([
  'sid',
  'sess',
  'session',
  'sessid',
  'sessionid',
  'token',
  'auth',
  'authtoken',
  'jwt',
  'aspxauth',
  'identity',
]);

/**
 * Names frameworks and developers give session and authentication cookies: sid, session,
 * connect.sid, PHPSESSID, JSESSIONID, ASP.NET_SessionId, laravel_session, .AspNetCore.Identity.*,
 * auth_token, jwt, remember_user_token… A cookie meant for scripts (theme, lang, csrftoken,
 * XSRF-TOKEN, whose value the page's JavaScript must read) is not one.
 */
export function isSessionCookie(name: string): boolean {
  const lower = name.toLowerCase().replace(/^__(?:host|secure)-/, '');
  if (/csrf|xsrf/.test(lower)) return false;
  if (/^wordpress_(?:logged_in|sec)_/.test(lower)) return true;
  for (const segment of lower.split(/[^a-z0-9]+/)) {
    if (SESSION_NAMES.has(segment)) return true;
    // phpsessid, jsessionid, usersession, sessionkey, access-token, remembertoken…
    if (/(?:^|[^s])sess(?:ion)?(?:id)?$/.test(segment) || /^session/.test(segment) || /token$/.test(segment))
      return true;
  }
  return false;
}

/** A Set-Cookie that deletes the cookie carries no session to protect. */
export function isRemoval(cookie: SetCookie): boolean {
  if (cookie.value === '' || cookie.value === '""' || /^(?:deleted|null|invalid)$/i.test(cookie.value))
    return true;
  const maxAge = cookie.attributes.get('max-age');
  if (maxAge !== undefined && /^-?\d+$/.test(maxAge)) return Number(maxAge) <= 0;
  const expires = cookie.attributes.get('expires');
  if (expires !== undefined) {
    const at = Date.parse(expires);
    return Number.isFinite(at) && at < Date.now();
  }
  return false;
}

/** The Set-Cookie line with its value redacted. */
export function cookieEvidence(cookie: SetCookie): string {
  const attrs = cookie.rawAttributes ? `; ${cookie.rawAttributes}` : '';
  return clip(`Set-Cookie: ${cookie.name}=${redact(cookie.value)}${attrs}`);
}
