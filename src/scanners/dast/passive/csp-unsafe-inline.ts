import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';
import {
  enforcedPolicies,
  hasNonceOrHash,
  hasStrictDynamic,
  type Policy,
  scriptDirectiveName,
  scriptSources,
  serialize,
} from './lib/csp.js';
import { isHtmlDocument } from './lib/response.js';
import { clip } from './lib/text.js';

const rule = dastRule({
  id: 'dast/csp-unsafe-inline',
  title: "Content-Security-Policy lets inline scripts run ('unsafe-inline')",
  description:
    "With 'unsafe-inline' in script-src (or in default-src when there is no script-src), an injected " +
    '`<script>` block or `onerror=` handler runs, which is what a policy is mostly there to stop. Not reported ' +
    "when the same source list has a nonce, a hash or 'strict-dynamic': browsers supporting CSP level 2 and " +
    "later then ignore 'unsafe-inline', which sites keep only as a fallback for very old browsers. When a page " +
    'has several enforced policies (header and `<meta>`), a script must pass all of them, so the rule fires ' +
    'only if every policy lets inline scripts through. HTML pages only; reported once per site and directive.',
  severity: 'low',
  cwe: ['CWE-693', 'CWE-79'],
  owasp: ['A05:2021'],
  nist: ['SC-18', 'SI-10'],
  mode: 'passive',
  remediation:
    "Remove 'unsafe-inline' from script-src: move inline scripts to files, or give each inline block a " +
    "per-response nonce and list it: `script-src 'nonce-R4nd0m' 'strict-dynamic'; object-src 'none'; base-uri 'none'`. " +
    'Replace inline event handlers (`onclick=`) with `addEventListener`.',
  references: [
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy/script-src#unsafe_inline_script',
    'https://www.w3.org/TR/CSP3/#allow-all-inline',
    'https://csp.withgoogle.com/docs/strict-csp.html',
  ],
});

/** True when the policy does not stop inline scripts; `explicit` when it says 'unsafe-inline' itself. */
function allowsInline(policy: Policy): { allows: boolean; explicit: boolean } {
  const sources = scriptSources(policy);
  if (!sources) return { allows: true, explicit: false };
  const explicit =
    sources.includes("'unsafe-inline'") && !hasNonceOrHash(sources) && !hasStrictDynamic(sources);
  return { allows: explicit, explicit };
}

export const cspUnsafeInline: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    if (!isHtmlDocument(ex, ctx)) return [];
    const policies = enforcedPolicies(ctx);
    if (policies.length === 0) return [];
    const verdicts = policies.map(allowsInline);
    if (!verdicts.every((v) => v.allows)) return [];
    const culprit = policies[verdicts.findIndex((v) => v.explicit)];
    if (!culprit) return [];
    const directive = scriptDirectiveName(culprit);
    return [
      {
        message:
          directive === 'script-src'
            ? "script-src allows 'unsafe-inline' without a nonce or hash, so injected inline scripts and event handlers run"
            : "default-src allows 'unsafe-inline' and there is no script-src, so scripts fall back to it and injected inline scripts run",
        evidence: clip(serialize(culprit, directive)),
        param: directive,
      },
    ];
  },
};
