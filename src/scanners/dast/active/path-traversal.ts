import { dastRule } from '../rule.js';
import type { ActiveCheck, ConfirmedHit, InsertionPoint } from '../types.js';
import { bodyText, describePoint, hit } from './lib.js';

const rule = dastRule({
  id: 'dast/path-traversal',
  title: 'Path traversal',
  description:
    'A value from the request is used as a file path without confinement, so `../` sequences or an absolute ' +
    'path read any file the server can: configuration, keys, source code. Confirmed only by the content of a ' +
    'well-known system file in the answer (`root:x:0:0:` of /etc/passwd, the `[fonts]` and `[extensions]` ' +
    'sections of win.ini) that the original answer did not contain. A "file not found" page that names the ' +
    'requested path is therefore not reported.',
  severity: 'high',
  cwe: ['CWE-22'],
  owasp: ['A01:2021'],
  nist: ['AC-3', 'SI-10'],
  mode: 'active',
  remediation:
    'Never build a file path from request input. Map an identifier to a file on the server side, or take the ' +
    'base name only and check that the resolved path (`path.resolve(base, name)`) still starts with the base ' +
    'folder before opening it.',
  references: [
    'https://owasp.org/www-community/attacks/Path_Traversal',
    'https://cwe.mitre.org/data/definitions/22.html',
  ],
});

interface Target {
  file: string;
  found(text: string): string | undefined;
}

const PASSWD: Target = {
  file: '/etc/passwd',
  found: (text) => /(?:^|\n)root:[^:\n]{0,40}:0:0:[^\n]{0,200}/.exec(text)?.[0].trim(),
};

const WIN_INI: Target = {
  file: 'win.ini',
  found: (text) =>
    /\[fonts\]/i.test(text) && (/\[extensions\]/i.test(text) || /; for 16-bit app support/i.test(text))
      ? '[fonts] … [extensions]'
      : undefined,
};

const UP = '../'.repeat(8);

/** Depth enough for any web root; each encoding or bypass form is a separate request. */
const PAYLOADS: readonly { value: string; target: Target }[] = [
  { value: `${UP}etc/passwd`, target: PASSWD },
  { value: '/etc/passwd', target: PASSWD },
  // Filters that strip `../` once leave `../` behind from `....//`.
  { value: `${'....//'.repeat(8)}etc/passwd`, target: PASSWD },
  // Decoded twice by the application: arrives as %2f after the server's own decoding.
  { value: `${'..%2f'.repeat(8)}etc%2fpasswd`, target: PASSWD },
  { value: `${'..\\'.repeat(8)}windows\\win.ini`, target: WIN_INI },
  { value: 'C:\\Windows\\win.ini', target: WIN_INI },
];

/** Six requests at most; the first signature ends it. */
async function run(point: InsertionPoint, ctx: Parameters<ActiveCheck['run']>[1]): Promise<ConfirmedHit[]> {
  const baseline = bodyText(ctx.baseline);
  for (const { value, target } of PAYLOADS) {
    if (target.found(baseline)) continue;
    const ex = await ctx.inject(value);
    if (!ex) continue;
    const evidence = target.found(bodyText(ex));
    if (evidence)
      return [
        hit(
          point,
          ex,
          `the ${describePoint(point)} is used as a file path: \`${value}\` returned the content of ${target.file}`,
          evidence,
        ),
      ];
  }
  return [];
}

export const pathTraversal: ActiveCheck = { rule, run };
