import { dastRule } from '../rule.js';
import type { Exchange, PassiveContext, PassiveRule } from '../types.js';
import { isSuccess } from './lib/response.js';
import { findTrace, withoutCodeBlocks } from './lib/stack-frames.js';
import { around, bodyText, clip, htmlToText, isTextual } from './lib/text.js';

const rule = dastRule({
  id: 'dast/stack-trace',
  title: 'Stack trace in the response',
  description:
    'The response shows a stack trace: file paths, class and function names and line numbers that map the ' +
    'code for an attacker, and often the failing input or query. Requires structure, not words: at least two ' +
    'frames with a source position (Java `at a.B.c(B.java:42)`, Node `at f (/app/x.js:1:2)`, .NET `at A.B() in ' +
    'X.cs:line 9`, Ruby `x.rb:3:in`, PHP `#0 x.php(12):`), a Python `Traceback (most recent call last):` with a ' +
    '`File "…", line N` frame, a Go `goroutine N [running]:` with a frame, or a complete PHP error line ' +
    '(`Fatal error: … in /var/www/x.php on line 3`). Words such as "exception" or a quoted traceback header ' +
    'alone never fire. On 2xx HTML pages the content of `<pre>`, `<code>`, `<samp>` and `<kbd>` is ignored, ' +
    'because documentation quotes example traces there; on error statuses and non-HTML answers everything ' +
    'counts. Scripts, stylesheets and binary bodies are not read.',
  severity: 'medium',
  cwe: ['CWE-209', 'CWE-497'],
  owasp: ['A05:2021', 'A04:2021'],
  nist: ['SI-11'],
  mode: 'passive',
  remediation:
    'Log the exception on the server and answer with a generic error page carrying an incident id. Turn off ' +
    'debug output in production: Express `NODE_ENV=production` and an error handler that omits `err.stack`; ' +
    'Spring `server.error.include-stacktrace=never`; PHP `display_errors = Off`; ASP.NET ' +
    '`<customErrors mode="RemoteOnly" />`; Django/Flask `DEBUG = False`.',
  references: [
    'https://owasp.org/www-community/Improper_Error_Handling',
    'https://cheatsheetseries.owasp.org/cheatsheets/Error_Handling_Cheat_Sheet.html',
    'https://cwe.mitre.org/data/definitions/209.html',
  ],
});

const SKIPPED_TYPES = /javascript|ecmascript|^text\/css$/;

/** The text the frames are looked for in: rendered text for HTML, unescaped strings for JSON. */
function traceText(ex: Exchange, ctx: PassiveContext): string {
  const body = bodyText(ctx);
  if (ctx.contentType === 'text/html' || ctx.contentType === 'application/xhtml+xml')
    return htmlToText(isSuccess(ex) ? withoutCodeBlocks(body) : body);
  if (ctx.contentType.includes('json'))
    return body.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\"/g, '"');
  return body;
}

export const stackTrace: PassiveRule = {
  rule,
  scope: 'page',
  check(ex, ctx) {
    if (ex.response.body.length === 0 || !isTextual(ex, ctx) || SKIPPED_TYPES.test(ctx.contentType))
      return [];
    const text = traceText(ex, ctx);
    const trace = findTrace(text);
    if (!trace) return [];
    const frames = trace.frames > 1 ? `${trace.frames} frames` : 'its location';
    return [
      {
        message: `the response shows a ${trace.language} stack trace (${frames}), e.g. ${clip(trace.first, 100)}`,
        evidence: around(text, trace.index, trace.first.length),
      },
    ];
  },
};
