import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';
import { isActive } from './lib/response.js';
import { clip, redact } from './lib/text.js';

const rule = dastRule({
  id: 'dast/debug-token-header',
  title: 'Symfony profiler enabled (X-Debug-Token)',
  description:
    'Symfony adds X-Debug-Token and X-Debug-Token-Link when its web profiler is on: the linked /_profiler pages ' +
    "show every request's parameters, cookies, session, database queries, logs and configuration, to anyone " +
    'who can reach them. The profiler is a development tool and should never run on a reachable server. ' +
    'Reported once per site; the token in the evidence is redacted.',
  severity: 'medium',
  cwe: ['CWE-489', 'CWE-200'],
  owasp: ['A05:2021'],
  nist: ['CM-7', 'SI-11'],
  mode: 'passive',
  remediation:
    'Run production with `APP_ENV=prod` and `APP_DEBUG=0`, and keep the WebProfilerBundle registered for the ' +
    "`dev` environment only (`config/bundles.php`: `['dev' => true]`).",
  references: [
    'https://symfony.com/doc/current/profiler.html',
    'https://cwe.mitre.org/data/definitions/489.html',
  ],
});

export const debugTokenHeader: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    if (isActive(ex)) return [];
    const token = ctx.header('x-debug-token')?.trim();
    const link = ctx.header('x-debug-token-link')?.trim();
    if (!token && !link) return [];
    const shown =
      link && token ? link.replace(token, redact(token)) : link ? clip(link.replace(/[^/]+$/, '…'), 120) : '';
    return [
      {
        message: `the response carries ${link ? 'X-Debug-Token-Link' : 'X-Debug-Token'}: the Symfony profiler is enabled${link ? ` and linked at ${clip(shown, 120)}` : ''}`,
        evidence: link ? clip(`X-Debug-Token-Link: ${shown}`) : `X-Debug-Token: ${redact(token ?? '')}`,
        param: link ? 'x-debug-token-link' : 'x-debug-token',
      },
    ];
  },
};
