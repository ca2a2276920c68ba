import { dastRule } from '../rule.js';
import type { ActiveCheck, ConfirmedHit, InsertionPoint } from '../types.js';
import { describePoint, hit, marker } from './lib.js';

const rule = dastRule({
  id: 'dast/crlf-injection',
  title: 'CRLF injection in a response header (HTTP response splitting)',
  description:
    'A value from the request is copied into a response header with its carriage return and line feed, so an ' +
    'attacker can add headers (a Set-Cookie that fixes the session, a Location) or a whole body to the answer, ' +
    'and poison caches in front of the site. Confirmed only when a header line sent after `%0d%0a` (or a bare ' +
    '`%0a`, or encoded twice) arrives as a header of its own, named `X-Gatehouse-Injected` with the random value ' +
    "sent. Not reported: CR/LF removed or encoded so that the text lands inside another header's value, or the " +
    'payload echoed in the body.',
  severity: 'medium',
  cwe: ['CWE-113', 'CWE-93'],
  owasp: ['A03:2021'],
  nist: ['SI-10'],
  mode: 'active',
  remediation:
    'Remove or reject CR and LF in any value written to a header, and let the framework set headers (most refuse ' +
    'control characters). Validate values that go into Location, Content-Language or cookies against what they ' +
    'should hold.',
  references: [
    'https://owasp.org/www-community/vulnerabilities/CRLF_Injection',
    'https://cwe.mitre.org/data/definitions/113.html',
  ],
});

export const INJECTED_HEADER = 'x-gatehouse-injected';

/** Line breaks as the application may turn them back into bytes: decoded once, LF only, decoded twice. */
const BREAKS = ['\r\n', '\n', '%0d%0a'];

/** Three requests at most: one per line-break form. */
async function run(point: InsertionPoint, ctx: Parameters<ActiveCheck['run']>[1]): Promise<ConfirmedHit[]> {
  for (const lineBreak of BREAKS) {
    const id = marker('ghc');
    const ex = await ctx.inject(`${point.value}${lineBreak}X-Gatehouse-Injected: ${id}`);
    const values = ex?.response.headers[INJECTED_HEADER] ?? [];
    if (ex && values.some((v) => v.trim() === id))
      return [
        hit(
          point,
          ex,
          `the ${describePoint(point)} is copied into a response header with its line break: the injected ` +
            `X-Gatehouse-Injected header came back as a header of its own`,
          `X-Gatehouse-Injected: ${id}`,
        ),
      ];
  }
  return [];
}

export const crlfInjection: ActiveCheck = { rule, run };
