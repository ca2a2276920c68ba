import { dastRule } from '../rule.js';
import type { PassiveHit, PassiveRule } from '../types.js';
import { hostOf } from './lib/response.js';
import { looksLikeSecret, redact } from './lib/text.js';

const rule = dastRule({
  id: 'dast/token-in-url',
  title: 'Session id or token in a URL',
  description:
    'A credential in a URL ends up in browser history, server and proxy logs, and the Referer header sent to ' +
    'other sites. Reported for links on the page (anchors, resources, form actions) and for the crawled URL ' +
    'itself when a query parameter is named like a credential (token, access_token, id_token, api_key, apikey, ' +
    'session, sessionid, sid, jsessionid, auth, jwt…) or the path has `;jsessionid=`, and the value looks ' +
    'generated: 16 characters or more, letters and digits, not repetitive. `?page=2`, `?sort=token`, ' +
    '`?tokenizer=…` or `?q=access+token` are not findings. Links to other hosts are not judged (their keys are ' +
    'usually public client keys, such as map tiles), nor URLs the scanner built itself (probe and attack ' +
    'requests). Values are redacted to their first four characters.',
  severity: 'medium',
  cwe: ['CWE-598', 'CWE-200'],
  owasp: ['A04:2021', 'A07:2021'],
  nist: ['SC-23', 'IA-5'],
  mode: 'passive',
  remediation:
    'Keep session ids in cookies (Java: `<tracking-mode>COOKIE</tracking-mode>` in web.xml; PHP: ' +
    '`session.use_only_cookies = 1`, `session.use_trans_sid = 0`) and send API tokens in an `Authorization` ' +
    'header or a POST body. Links that must carry a token (password reset, download) should use a single-use, ' +
    'short-lived one.',
  references: [
    'https://owasp.org/www-community/vulnerabilities/Information_exposure_through_query_strings_in_url',
    'https://cwe.mitre.org/data/definitions/598.html',
    'https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#session-id-exchange-mechanism',
  ],
});

const NAMES = new Set([
  'token',
  'access_token',
  'accesstoken',
  'auth_token',
  'authtoken',
  'id_token',
  'refresh_token',
  'private_token',
  'api_key',
  'apikey',
  'api-key',
  'session',
  'sessionid',
  'session_id',
  'sessid',
  'sid',
  'jsessionid',
  'phpsessid',
  'aspsessionid',
  'auth',
  'jwt',
  'client_secret',
]);
const PATH_SESSION = /;(jsessionid|phpsessid|sid)=([^;?/#]{1,500})/i;
const MAX_URLS = 2_000;

interface Leak {
  param: string;
  value: string;
  url: URL;
}

function leaks(raw: string): Leak[] {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return [];
  }
  const out: Leak[] = [];
  const path = PATH_SESSION.exec(url.pathname);
  if (path && looksLikeSecret(path[2]!)) out.push({ param: path[1]!.toLowerCase(), value: path[2]!, url });
  for (const [name, value] of url.searchParams)
    if (NAMES.has(name.toLowerCase()) && looksLikeSecret(value)) out.push({ param: name, value, url });
  return out;
}

export const tokenInUrl: PassiveRule = {
  rule,
  scope: 'page',
  check(ex, ctx) {
    const hosts = new Set([hostOf(ctx.origin), hostOf(ex.request.url)]);
    const found = new Map<string, { leak: Leak; count: number; own: boolean }>();
    const note = (leak: Leak, own: boolean) => {
      const key = leak.param.toLowerCase();
      const seen = found.get(key);
      if (seen) seen.count++;
      else found.set(key, { leak, count: 1, own });
    };
    if (ex.kind === 'crawl') for (const leak of leaks(ex.request.url)) note(leak, true);
    for (const link of ctx.page()?.links.slice(0, MAX_URLS) ?? [])
      if (hosts.has(hostOf(link))) for (const leak of leaks(link)) note(leak, false);
    const hits: PassiveHit[] = [];
    for (const { leak, count, own } of found.values()) {
      const where = `${leak.url.origin}${leak.url.pathname.split(';')[0]}`;
      const shown = `${leak.param}=${redact(leak.value)}`;
      hits.push({
        message: own
          ? `the requested URL carries ${shown}, a credential-like value, in its query string or path`
          : `${count === 1 ? 'a link on the page carries' : `${count} links on the page carry`} ${shown}, a credential-like value, in the URL (${where})`,
        evidence: `${where.slice(0, 150)} … ${shown}`,
        param: leak.param,
      });
    }
    return hits;
  },
};
