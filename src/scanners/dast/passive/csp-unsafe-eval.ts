import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';
import { enforcedPolicies, type Policy, scriptDirectiveName, scriptSources, serialize } from './lib/csp.js';
import { isHtmlDocument } from './lib/response.js';
import { clip } from './lib/text.js';

const rule = dastRule({
  id: 'dast/csp-unsafe-eval',
  title: "Content-Security-Policy allows eval() ('unsafe-eval')",
  description:
    "'unsafe-eval' in script-src (or default-src when there is no script-src) lets strings become code through " +
    '`eval`, `new Function` and string arguments to `setTimeout`, which turns DOM-injection bugs in such code into ' +
    "script execution. Unlike 'unsafe-inline', it is not neutralised by a nonce, a hash or 'strict-dynamic'. " +
    "'wasm-unsafe-eval' (WebAssembly compilation only) is not reported. With several enforced policies the rule " +
    'fires only when all of them allow eval. HTML pages only; reported once per site and directive.',
  severity: 'low',
  cwe: ['CWE-693', 'CWE-95'],
  owasp: ['A05:2021'],
  nist: ['SC-18', 'SI-10'],
  mode: 'passive',
  remediation:
    "Remove 'unsafe-eval' and replace the code that needs it: `JSON.parse` instead of `eval` for data, functions " +
    'instead of strings for `setTimeout`, template engines with a precompiled (CSP-compatible) build.',
  references: [
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy/script-src#unsafe_eval_expressions',
    'https://www.w3.org/TR/CSP3/#can-compile-strings',
  ],
});

function allowsEval(policy: Policy): boolean {
  return scriptSources(policy)?.includes("'unsafe-eval'") ?? true;
}

export const cspUnsafeEval: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    if (!isHtmlDocument(ex, ctx)) return [];
    const policies = enforcedPolicies(ctx);
    if (policies.length === 0 || !policies.every(allowsEval)) return [];
    const culprit = policies.find((p) => scriptSources(p)?.includes("'unsafe-eval'"));
    if (!culprit) return [];
    const directive = scriptDirectiveName(culprit);
    return [
      {
        message: `${directive} allows 'unsafe-eval', so strings can be run as code with eval() and new Function()`,
        evidence: clip(serialize(culprit, directive)),
        param: directive,
      },
    ];
  },
};
