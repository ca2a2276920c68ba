import { dastRule } from '../rule.js';
import type { PassiveHit, PassiveRule } from '../types.js';
import { hostOf } from './lib/response.js';
import { around, bodyText, clip, isTextual } from './lib/text.js';

const rule = dastRule({
  id: 'dast/internal-ip-disclosure',
  title: 'Private IP address disclosed',
  description:
    'The response names an address of the internal network (RFC 1918: 10/8, 172.16/12, 192.168/16, or ' +
    'link-local 169.254/16, the cloud metadata range), in a header such as X-Backend-Server or in the body ' +
    '(comments, error text), which maps the infrastructure behind the site for an attacker. Each octet is ' +
    'validated: `10.0.300.1`, `172.32.0.1`, five-part strings (`10.2.3.4.5`), zero-padded octets and numbers ' +
    'after "version", "v", "build", "firmware" or "release" are not addresses. Loopback (127.0.0.1) is not ' +
    'internal-network disclosure. Not reported: the address the scan targets itself, and addresses that ' +
    'appear in the request (an echoed parameter is not a disclosure). Binary bodies are not read.',
  severity: 'low',
  cwe: ['CWE-200'],
  owasp: ['A05:2021'],
  nist: ['SI-11', 'SC-7'],
  mode: 'passive',
  remediation:
    'Remove upstream addresses from responses: drop headers such as X-Backend-Server at the proxy ' +
    '(`proxy_hide_header X-Backend-Server;`), strip comments and debug output from templates, and keep ' +
    'internal host names and addresses out of error messages.',
  references: ['https://www.rfc-editor.org/rfc/rfc1918', 'https://cwe.mitre.org/data/definitions/200.html'],
});

const IPV4 = /(?<![\w.-])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\w-]|\.\d)/g;
const VERSION_CONTEXT = /(?:\bv|version|ver\.?|release|build|firmware|rev\.?)\s*[:=]?\s*$/i;
const MAX_HITS = 5;

/** The address if the four octets form a private one, written canonically. */
function privateAddress(m: RegExpExecArray): string | undefined {
  const parts = m.slice(1, 5) as string[];
  if (parts.some((p) => p.length > 1 && p.startsWith('0'))) return undefined;
  const [a, b, c, d] = parts.map(Number) as [number, number, number, number];
  if ([a, b, c, d].some((o) => o > 255)) return undefined;
  const internal =
    a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  return internal ? `${a}.${b}.${c}.${d}` : undefined;
}

function* addresses(text: string): Generator<{ ip: string; index: number }> {
  IPV4.lastIndex = 0;
  for (let m = IPV4.exec(text); m; m = IPV4.exec(text)) {
    const ip = privateAddress(m);
    if (ip && !VERSION_CONTEXT.test(text.slice(Math.max(0, m.index - 16), m.index)))
      yield { ip, index: m.index };
  }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Whether `index` falls inside an HTML comment. */
function inComment(text: string, index: number): boolean {
  return text.lastIndexOf('<!--', index) > text.lastIndexOf('-->', index);
}

export const internalIpDisclosure: PassiveRule = {
  rule,
  scope: 'page',
  check(ex, ctx) {
    const request = [
      ex.request.url,
      decode(ex.request.url),
      ex.request.body ?? '',
      decode(ex.request.body ?? ''),
      ...Object.values(ex.request.headers),
    ].join('\n');
    const skip = new Set([hostOf(ctx.origin), hostOf(ex.request.url)]);
    const seen = new Set<string>();
    const hits: PassiveHit[] = [];
    // Built lazily: a body repeating one address 100,000 times must not search for comments each time.
    const report = (ip: string, hit: () => PassiveHit) => {
      if (seen.has(ip) || skip.has(ip) || hits.length >= MAX_HITS) return;
      seen.add(ip);
      if (!request.includes(ip)) hits.push(hit());
    };
    for (const [name, values] of Object.entries(ex.response.headers))
      for (const value of values.slice(0, 20))
        for (const { ip } of addresses(value.slice(0, 8192)))
          report(ip, () => ({
            message: `the ${name} response header discloses the private address ${ip}`,
            evidence: clip(`${name}: ${value}`),
            param: name,
          }));
    if (ex.response.body.length > 0 && isTextual(ex, ctx)) {
      const text = bodyText(ctx);
      for (const { ip, index } of addresses(text)) {
        if (hits.length >= MAX_HITS) break;
        report(ip, () => ({
          message: `the response body discloses the private address ${ip}${inComment(text, index) ? ' in an HTML comment' : ''}`,
          evidence: around(text, index, ip.length),
        }));
      }
    }
    return hits;
  },
};
