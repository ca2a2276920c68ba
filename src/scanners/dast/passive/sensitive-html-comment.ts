import { dastRule } from '../rule.js';
import type { PassiveHit, PassiveRule } from '../types.js';
import { isHtmlDocument } from './lib/response.js';
import { clip, redact } from './lib/text.js';

const rule = dastRule({
  id: 'dast/sensitive-html-comment',
  title: 'Credential in an HTML comment',
  description:
    'An HTML comment, invisible on the page but sent to every visitor, holds a credential: a password, secret, ' +
    'API key or token assignment (`password: S3cret!`, `api_key=…`) or a connection string with a user and ' +
    'password (`mysql://app:pw@db`). Only these precise shapes count: a TODO, a FIXME or the word "password" ' +
    'without a value is not a finding, and placeholder values (`****`, `{{ password }}`, `${TOKEN}`, ' +
    '`<password>`, plain words without a digit or symbol) are skipped. Values are redacted in the evidence. ' +
    'HTML pages only.',
  severity: 'medium',
  cwe: ['CWE-615', 'CWE-798'],
  owasp: ['A05:2021', 'A07:2021'],
  nist: ['IA-5', 'SI-11'],
  mode: 'passive',
  remediation:
    'Remove the comment (strip comments in the build: html-minifier `removeComments: true`), and rotate the ' +
    'credential: it has been published.',
  references: [
    'https://cwe.mitre.org/data/definitions/615.html',
    'https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/01-Information_Gathering/05-Review_Web_Page_Content_for_Information_Leakage',
  ],
});

const ASSIGNMENT =
  /\b(pass(?:word|wd)?|pwd|secret|api[_-]?key|access[_-]?key|private[_-]?key|auth[_-]?token|token)\b["']?\s{0,4}[:=]\s{0,4}["']?([^\s"'<>]{4,100})/gi;
const CONNECTION = /\b([a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/<>"']{1,100}):([^\s@/<>"']{1,100})@/gi;
const PLACEHOLDER = /^(?:[*x•.#-]+|\{\{.*|\$\{?.*|<.*|%.*|null|none|undefined|changeme|\w+_here)$/i;
const MAX_HITS = 3;

function realValue(value: string): boolean {
  return !PLACEHOLDER.test(value) && /[\d\W_]/.test(value.replace(/[.,;)]+$/, ''));
}

export const sensitiveHtmlComment: PassiveRule = {
  rule,
  scope: 'page',
  check(ex, ctx) {
    const page = ctx.page();
    if (!page || !isHtmlDocument(ex, ctx)) return [];
    const hits: PassiveHit[] = [];
    for (const raw of page.comments) {
      if (hits.length >= MAX_HITS) break;
      const comment = raw.slice(0, 10_000);
      ASSIGNMENT.lastIndex = 0;
      CONNECTION.lastIndex = 0;
      const assignment = [...comment.matchAll(ASSIGNMENT)].find((m) => realValue(m[2]!));
      const connection = CONNECTION.exec(comment);
      if (connection) {
        hits.push({
          message: `an HTML comment contains a connection string with a password (${clip(connection[1]!, 60)}:…@)`,
          evidence: clip(`<!-- … ${connection[1]}:${redact(connection[2]!)}@ … -->`),
        });
      } else if (assignment) {
        hits.push({
          message: `an HTML comment contains a ${assignment[1]!.toLowerCase()} value`,
          evidence: clip(`<!-- … ${assignment[1]}: ${redact(assignment[2]!)} … -->`),
          param: assignment[1]!.toLowerCase(),
        });
      }
    }
    return hits;
  },
};
