import { dastRule } from '../rule.js';
import type { Exchange, PassiveContext, PassiveRule } from '../types.js';
import { isRemoval, isSessionCookie, setCookies } from './lib/cookies.js';
import { findApiKeys, findLabelledCredential, findPrivateKeys } from './lib/secrets.js';
import { bodyText, clip, htmlToText, isTextual, redact } from './lib/text.js';

const rule = dastRule({
  id: 'dast/cacheable-sensitive-response',
  title: 'Sensitive response may be stored by caches',
  description:
    'A response that carries private data but no `Cache-Control: no-store` (or `private`) can be kept by the ' +
    'browser cache, and, when it is marked public or has no caching headers, by proxies and CDNs that then ' +
    'serve it to other users. Sensitive means one of: it sets a session cookie; it answers a request with an ' +
    'Authorization header while allowing shared caches (public, s-maxage, must-revalidate); or its content ' +
    'shows a credential (a labelled API key, access token or client secret, a private key, a provider token). ' +
    'Severity is medium when shared caches are explicitly allowed, low when the response is only heuristically ' +
    'cacheable. Not reported: public pages with nothing personal on them, static assets, non-2xx answers. A ' +
    'request cookie alone does not make a page sensitive (crawlers carry cookies to public pages), nor does a ' +
    'login form (a blank form holds nothing private). Directive names are matched in any case.',
  severity: 'medium',
  cwe: ['CWE-524', 'CWE-525'],
  owasp: ['A04:2021', 'A05:2021'],
  nist: ['SC-28', 'SC-4'],
  mode: 'passive',
  remediation:
    'Send `Cache-Control: no-store` on responses with personal data, credentials or session cookies (or ' +
    '`private, no-cache` where the browser may keep a copy), e.g. Express `res.set("Cache-Control", "no-store")`, ' +
    'Spring Security (sends it by default), nginx `add_header Cache-Control "no-store" always;` on account paths.',
  references: [
    'https://www.rfc-editor.org/rfc/rfc9111#section-5.2.2.5',
    'https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#web-content-caching',
    'https://portswigger.net/web-security/web-cache-deception',
  ],
});

const STATIC = /^(?:image|font|audio|video)\/|javascript|ecmascript|^text\/css$|wasm|octet-stream/;

interface Caching {
  shared: boolean;
  header: string;
}

/** How the response may be cached; undefined when it may not be stored (or only privately). */
function caching(ctx: PassiveContext): Caching | undefined {
  const header = ctx.headers('cache-control').join(', ');
  const directives = new Set(
    header
      .split(',')
      .map((d) => d.split('=')[0]!.trim().toLowerCase())
      .filter(Boolean),
  );
  if (directives.has('no-store') || directives.has('private')) return undefined;
  if (ctx.headers('vary').some((v) => v.trim() === '*')) return undefined;
  return { shared: directives.has('public') || directives.has('s-maxage'), header };
}

/** Why the response is private, or undefined. */
function sensitivity(
  ex: Exchange,
  ctx: PassiveContext,
  cache: Caching,
): { reason: string; evidence?: string } | undefined {
  const session = setCookies(ctx).find((c) => isSessionCookie(c.name) && !isRemoval(c));
  if (session) return { reason: `the response sets the session cookie ${session.name}` };
  const directives = cache.header.toLowerCase();
  if (ex.request.headers.authorization && (cache.shared || directives.includes('must-revalidate')))
    return {
      reason: 'the response answers a request carrying an Authorization header',
    };
  if (ex.response.body.length === 0 || !isTextual(ex, ctx) || STATIC.test(ctx.contentType)) return undefined;
  const raw = bodyText(ctx);
  const text = ctx.contentType === 'text/html' ? htmlToText(raw) : raw;
  const labelled = findLabelledCredential(text);
  if (labelled)
    return {
      reason: `the response shows a credential (${labelled.kind} ${redact(labelled.value)})`,
      evidence: `${labelled.kind}: ${redact(labelled.value)}`,
    };
  const key = findPrivateKeys(text)[0] ?? findApiKeys(text)[0];
  if (key) return { reason: `the response contains a ${key.kind} (${redact(key.value)})` };
  return undefined;
}

export const cacheableSensitiveResponse: PassiveRule = {
  rule,
  scope: 'page',
  check(ex, ctx) {
    const { status } = ex.response;
    if (status < 200 || status >= 300) return [];
    const cache = caching(ctx);
    if (!cache) return [];
    const sensitive = sensitivity(ex, ctx, cache);
    if (!sensitive) return [];
    const how = cache.header
      ? cache.shared
        ? `Cache-Control "${clip(cache.header, 60)}" lets shared caches store it`
        : `Cache-Control "${clip(cache.header, 60)}" has neither no-store nor private`
      : 'there is no Cache-Control header, so caches may store it heuristically';
    return [
      {
        message: `${sensitive.reason}, but ${how}`,
        evidence: clip(sensitive.evidence ?? `Cache-Control: ${cache.header || '(absent)'}`),
        ...(cache.shared ? {} : { severity: 'low' as const }),
      },
    ];
  },
};
