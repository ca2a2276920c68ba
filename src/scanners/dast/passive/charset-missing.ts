import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';
import { isHtmlDocument } from './lib/response.js';
import { clip } from './lib/text.js';

const rule = dastRule({
  id: 'dast/charset-missing',
  title: 'HTML page without a declared character set',
  description:
    'Without a charset in the Content-Type, a byte-order mark or a `<meta charset>` in the first 1024 bytes, ' +
    "browsers guess the encoding, and a guess that differs from the server's can turn harmless bytes into " +
    'markup (encoding-based XSS filter bypasses). Informational. The `<meta charset>` and ' +
    '`<meta http-equiv="Content-Type" content="…; charset=…">` forms both count, as HTML\'s prescan does. HTML ' +
    'pages only; reported once per site.',
  severity: 'info',
  cwe: ['CWE-116'],
  owasp: ['A05:2021'],
  nist: ['SI-10'],
  mode: 'passive',
  remediation:
    'Send `Content-Type: text/html; charset=utf-8` and start documents with `<meta charset="utf-8">`.',
  references: [
    'https://html.spec.whatwg.org/multipage/semantics.html#charset',
    'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Type',
  ],
});

export const charsetMissing: PassiveRule = {
  rule,
  scope: 'site',
  check(ex, ctx) {
    if (!isHtmlDocument(ex, ctx)) return [];
    const header = ctx.header('content-type') ?? '';
    if (/;\s*charset\s*=\s*["']?[\w-]/i.test(header)) return [];
    const head = ex.response.body.subarray(0, 1024);
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return [];
    if (head[0] === 0xfe || head[0] === 0xff) return [];
    if (/<meta[^>]{0,512}charset\s*=/i.test(head.toString('latin1'))) return [];
    return [
      {
        message:
          'the page declares no character set (not in Content-Type, not in a <meta> in its first 1024 bytes)',
        evidence: clip(`Content-Type: ${header}`),
      },
    ];
  },
};
