import { bodyText } from '../active/lib.js';
import { dastRule } from '../rule.js';
import type { Exchange, FileProbe } from '../types.js';
import { probeAll } from './lib.js';

const rule = dastRule({
  id: 'dast/debug-endpoint-exposed',
  title: 'Debug or diagnostics endpoint exposed',
  description:
    'A diagnostics endpoint meant for developers is public: Go `net/http/pprof` (profiles, goroutine stacks, ' +
    'the command line), Go `expvar` (`/debug/vars`: command line and memory statistics), the Symfony profiler ' +
    '(requests, environment variables), Apache `server-status`/`server-info`, or `phpinfo()` (configuration, ' +
    'paths, environment). They disclose internals that help an attack, sometimes secrets, and some can be ' +
    "used to exhaust the server. Each is confirmed by its own output format: the pprof index's profile list, " +
    'expvar JSON with `cmdline` and `memstats`, the profiler\'s title, "Apache Server Status for", phpinfo\'s ' +
    '"PHP Version" table. Not reported: a page at such a path that is something else (a store\'s `info.php`), ' +
    'a "not found" page, or a 401/403.',
  severity: 'medium',
  cwe: ['CWE-215', 'CWE-497'],
  owasp: ['A05:2021'],
  nist: ['CM-7'],
  mode: 'probe',
  remediation:
    'Do not ship diagnostics to production, or serve them on an internal-only listener: in Go, register pprof ' +
    'and expvar on a separate mux bound to localhost; in Symfony, disable the profiler outside `dev`; in Apache, ' +
    'restrict `server-status` with `Require local`; delete `phpinfo()` pages.',
  references: [
    'https://pkg.go.dev/net/http/pprof',
    'https://cwe.mitre.org/data/definitions/215.html',
    'https://httpd.apache.org/docs/2.4/mod/mod_status.html',
  ],
});

interface Endpoint {
  path: string;
  name: string;
  severity?: 'high';
  evidence(text: string): string | undefined;
}

function expvar(text: string): string | undefined {
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null) return undefined;
    const doc = v as Record<string, unknown>;
    return Array.isArray(doc.cmdline) && typeof doc.memstats === 'object' && doc.memstats !== null
      ? `expvar JSON with ${Object.keys(doc).slice(0, 8).join(', ')}`
      : undefined;
  } catch {
    return undefined;
  }
}

const phpinfo = (text: string) => {
  const version = /PHP Version ([\d.]{3,20})/.exec(text)?.[1];
  return version && (/phpinfo\(\)/.test(text) || /Loaded Configuration File|Server API/.test(text))
    ? `phpinfo() output, PHP Version ${version}`
    : undefined;
};

const ENDPOINTS: readonly Endpoint[] = [
  {
    path: 'debug/pprof/',
    name: 'the Go pprof index',
    evidence: (t) =>
      /Types of profiles available/i.test(t) || /href=['"]?goroutine\?debug=/.test(t)
        ? 'net/http/pprof index (profiles, goroutine dump)'
        : undefined,
  },
  { path: 'debug/vars', name: 'Go expvar', evidence: expvar },
  {
    path: '_profiler/',
    name: 'the Symfony profiler',
    severity: 'high',
    evidence: (t) => (/<title>[^<]{0,80}Symfony Profiler/i.test(t) ? 'Symfony Profiler' : undefined),
  },
  {
    path: 'server-status',
    name: 'Apache server-status',
    evidence: (t) => (/Apache Server Status for/i.test(t) ? 'Apache Server Status' : undefined),
  },
  {
    path: 'server-info',
    name: 'Apache server-info',
    evidence: (t) =>
      /Apache Server Information/i.test(t) && /Server Settings/i.test(t)
        ? 'Apache Server Information'
        : undefined,
  },
  { path: 'phpinfo.php', name: 'phpinfo()', evidence: phpinfo },
  { path: 'info.php', name: 'phpinfo()', evidence: phpinfo },
];

/** Seven requests. */
export const debugEndpointExposed: FileProbe = {
  rule,
  run: (ctx) =>
    probeAll(
      ctx,
      ENDPOINTS.map((e) => e.path),
      (ex: Exchange, path) => {
        const endpoint = ENDPOINTS.find((e) => e.path === path);
        const evidence = endpoint?.evidence(bodyText(ex));
        if (!endpoint || !evidence) return undefined;
        return {
          message: `\`${path}\` serves ${endpoint.name} to anyone`,
          evidence,
          ...(endpoint.severity ? { severity: endpoint.severity } : {}),
        };
      },
    ),
};
