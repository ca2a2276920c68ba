import { dastRule } from '../rule.js';
import type { PassiveHit, PassiveRule } from '../types.js';
import { enforcedPolicies } from './lib/csp.js';
import { isHttpsPage } from './lib/page-scheme.js';
import { hostOf, isHtmlDocument, isLoopbackHost } from './lib/response.js';
import { clip } from './lib/text.js';

const rule = dastRule({
  id: 'dast/mixed-content',
  title: 'HTTPS page loads resources over plain HTTP (mixed content)',
  description:
    'An HTTPS page that loads a script, stylesheet, frame or plugin over http:// lets anyone on the network ' +
    'replace it and take over the page (active mixed content, medium); images, audio and video over http:// can ' +
    'be watched or swapped (passive mixed content, low). Current browsers block the first and upgrade the ' +
    'second, so the page breaks or depends on the upgrade, and older clients are exposed. A page counts as ' +
    'HTTPS when it was fetched over https, or when its `<link rel="canonical">` names the same host and path ' +
    'over https (the app scanned over http behind its TLS proxy). Not reported: plain-HTTP pages, anchors to ' +
    'http:// pages (navigation is not mixed content), loopback resources (browsers trust http://localhost), ' +
    'and pages whose policy has upgrade-insecure-requests or block-all-mixed-content.',
  severity: 'medium',
  cwe: ['CWE-311', 'CWE-319'],
  owasp: ['A02:2021', 'A05:2021'],
  nist: ['SC-8'],
  mode: 'passive',
  remediation:
    'Load every resource over https:// (or protocol-relative from an HTTPS page); as a safety net send ' +
    '`Content-Security-Policy: upgrade-insecure-requests`.',
  references: [
    'https://developer.mozilla.org/en-US/docs/Web/Security/Mixed_content',
    'https://www.w3.org/TR/mixed-content/',
  ],
});

const ACTIVE = new Set(['script', 'iframe', 'frame', 'link', 'object', 'embed']);

export const mixedContent: PassiveRule = {
  rule,
  scope: 'page',
  check(ex, ctx) {
    const page = ctx.page();
    if (!page || !isHtmlDocument(ex, ctx)) return [];
    const insecure = page.resources.filter(
      (r) => r.url.startsWith('http:') && !isLoopbackHost(hostOf(r.url) ?? ''),
    );
    if (insecure.length === 0 || !isHttpsPage(ex, ctx)) return [];
    if (
      enforcedPolicies(ctx).some(
        (p) => p.has('upgrade-insecure-requests') || p.has('block-all-mixed-content'),
      )
    )
      return [];
    const hits: PassiveHit[] = [];
    for (const active of [true, false]) {
      const group = insecure.filter((r) => ACTIVE.has(r.tag) === active);
      const first = group[0];
      if (!first) continue;
      const tags = [...new Set(group.map((r) => `<${r.tag}>`))].join(', ');
      hits.push({
        message: `the HTTPS page loads ${group.length} ${active ? 'active' : 'passive'} resource${group.length === 1 ? '' : 's'} (${tags}) over plain HTTP, e.g. ${clip(first.url, 100)}`,
        evidence: clip(
          `<${first.tag} ${first.tag === 'link' ? 'href' : first.tag === 'object' ? 'data' : 'src'}="${first.url}">`,
        ),
        param: first.url,
        severity: active ? 'medium' : 'low',
      });
    }
    return hits;
  },
};
