import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';
import {
  enforcedPolicies,
  hasStrictDynamic,
  type Policy,
  scriptDirectiveName,
  scriptSources,
  serialize,
} from './lib/csp.js';
import { isHtmlDocument } from './lib/response.js';
import { clip } from './lib/text.js';

const rule = dastRule({
  id: 'dast/csp-wildcard',
  title: 'Content-Security-Policy allows scripts from any host',
  description:
    'A script source list containing `*`, a bare scheme (`http:`, `https:`) or `data:` lets a page load script ' +
    'from any server on the internet (or from a data: URL an attacker writes), so an injected ' +
    '`<script src>` runs as if there were no policy. Checked on script-src, or default-src when there is no ' +
    'script-src. Wildcards in other directives (img-src *, style-src https:) are not reported: they load no ' +
    "script. Not reported when the list has 'strict-dynamic', which makes CSP3 browsers ignore host and scheme " +
    'sources, nor when another enforced policy on the page restricts scripts. HTML pages only; once per site ' +
    'and directive.',
  severity: 'low',
  cwe: ['CWE-693', 'CWE-79'],
  owasp: ['A05:2021'],
  nist: ['SC-18', 'SI-10'],
  mode: 'passive',
  remediation:
    "List the hosts scripts really come from (`script-src 'self' https://cdn.example.com`), or better, use " +
    "nonces with 'strict-dynamic': `script-src 'nonce-R4nd0m' 'strict-dynamic'; object-src 'none'; base-uri 'none'`.",
  references: [
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy/script-src',
    'https://csp-evaluator.withgoogle.com/',
    'https://www.w3.org/TR/CSP3/#framework-directive-source-list',
  ],
});

/** Sources matching any host an attacker can control. */
function broad(source: string): boolean {
  return /^(?:\*|https?:|data:|(?:\*|https?):\/\/\*(?::\*)?\/?)$/.test(source);
}

function permissive(policy: Policy): string | null | undefined {
  const sources = scriptSources(policy);
  if (!sources) return null;
  if (hasStrictDynamic(sources)) return undefined;
  return sources.find(broad);
}

export const cspWildcard: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    if (!isHtmlDocument(ex, ctx)) return [];
    const policies = enforcedPolicies(ctx);
    // null: the policy does not restrict scripts; a string: the broad source it allows.
    const verdicts = policies.map(permissive);
    if (policies.length === 0 || verdicts.some((v) => v === undefined)) return [];
    const i = verdicts.findIndex((v) => typeof v === 'string');
    const culprit = policies[i];
    if (!culprit) return [];
    const directive = scriptDirectiveName(culprit);
    const source = verdicts[i] as string;
    return [
      {
        message:
          directive === 'script-src'
            ? `script-src allows ${source}, so scripts can be loaded from any host`
            : `default-src allows ${source} and there is no script-src, so scripts can be loaded from any host`,
        evidence: clip(serialize(culprit, directive)),
        param: directive,
      },
    ];
  },
};
