import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';
import { findTrace } from './lib/stack-frames.js';
import { bodyText, clip, htmlToText } from './lib/text.js';

const rule = dastRule({
  id: 'dast/debug-page',
  title: 'Framework debug page exposed',
  description:
    "The response is a framework's development error page: it shows source code, settings, environment " +
    'variables and the request, and the Werkzeug debugger even runs Python typed into it (high severity). Each ' +
    'framework is recognised by two markers of the page itself, never by its name alone: Werkzeug (the ' +
    '"Werkzeug Debugger" title with its `__debugger__` resources or console text), Django (the "you have DEBUG = ' +
    "True in your Django settings file\" notice with the page's summary or URLconf section), Laravel (Ignition's " +
    '`window.ignite(window.data)` or the Whoops container), Rails ("Action Controller: Exception caught"), ' +
    'ASP.NET (the "Server Error in \'…\' Application" page with exception details or stack trace) and Spring ' +
    '(the Whitelabel page, only when it includes a Java stack trace). An article telling readers to turn DEBUG ' +
    'off, or a plain 500 page, is not one.',
  severity: 'medium',
  cwe: ['CWE-489', 'CWE-215', 'CWE-209'],
  owasp: ['A05:2021'],
  nist: ['SI-11', 'CM-7'],
  mode: 'passive',
  remediation:
    'Disable debug mode in production and serve a generic error page: Flask/Werkzeug `debug=False` (never ' +
    '`app.run(debug=True)` on a reachable address); Django `DEBUG = False`; Laravel `APP_DEBUG=false`; Rails ' +
    '`config.consider_all_requests_local = false`; ASP.NET `<customErrors mode="RemoteOnly" />`; Spring ' +
    '`server.error.include-stacktrace=never`.',
  references: [
    'https://werkzeug.palletsprojects.com/en/latest/debug/',
    'https://docs.djangoproject.com/en/stable/ref/settings/#debug',
    'https://cwe.mitre.org/data/definitions/489.html',
  ],
});

interface Signature {
  framework: string;
  matches(raw: string, text: () => string): string | undefined;
  critical?: boolean;
}

const has = (raw: string, needle: string) => raw.includes(needle);

const SIGNATURES: readonly Signature[] = [
  {
    framework: 'the Werkzeug interactive debugger',
    critical: true,
    matches: (raw) =>
      has(raw, 'Werkzeug Debugger') &&
      (has(raw, '__debugger__') ||
        has(raw, 'The debugger caught an exception') ||
        has(raw, 'traceback interpreter'))
        ? 'Werkzeug Debugger'
        : undefined,
  },
  {
    framework: 'the Django debug page (DEBUG = True)',
    matches: (raw, text) =>
      (has(raw, 'id="summary"') || has(raw, 'Django Version:') || has(raw, 'Using the URLconf defined in')) &&
      /seeing this error because you have DEBUG = True in your Django settings file/.test(text())
        ? "You're seeing this error because you have DEBUG = True in your Django settings file"
        : undefined,
  },
  {
    framework: 'the Laravel Ignition error page',
    matches: (raw) => (has(raw, 'window.ignite(window.data)') ? 'window.ignite(window.data)' : undefined),
  },
  {
    framework: 'the Whoops error page',
    matches: (raw) => (has(raw, 'class="Whoops container"') ? '<div class="Whoops container">' : undefined),
  },
  {
    framework: 'the Rails development error page',
    matches: (raw) =>
      has(raw, '<title>Action Controller: Exception caught</title>')
        ? 'Action Controller: Exception caught'
        : undefined,
  },
  {
    framework: 'the ASP.NET detailed error page',
    matches: (raw, text) => {
      if (!has(raw, 'Server Error in')) return undefined;
      const t = text();
      return /Server Error in '[^'\n]{0,200}' Application\./.test(t) &&
        /Exception Details:|Stack Trace:|Source Error:/.test(t)
        ? "Server Error in '…' Application. … Exception Details"
        : undefined;
    },
  },
  {
    framework: 'the Spring Boot Whitelabel error page with a stack trace',
    matches: (raw, text) =>
      has(raw, 'Whitelabel Error Page') && findTrace(text())?.language === 'Java'
        ? 'Whitelabel Error Page'
        : undefined,
  },
];

export const debugPage: PassiveRule = {
  rule,
  scope: 'page',
  check(ex, ctx) {
    if (ex.response.body.length === 0 || (ctx.contentType !== 'text/html' && ctx.contentType !== ''))
      return [];
    const raw = bodyText(ctx);
    let text: string | undefined;
    const rendered = () => {
      text ??= htmlToText(raw).replace(/\s+/g, ' ');
      return text;
    };
    for (const s of SIGNATURES) {
      const marker = s.matches(raw, rendered);
      if (marker)
        return [
          {
            message: `the response is ${s.framework}${s.critical ? ', whose console runs code typed into it' : ''}`,
            evidence: clip(marker),
            ...(s.critical ? { severity: 'high' as const } : {}),
          },
        ];
    }
    return [];
  },
};
