import { bodyText } from '../active/lib.js';
import { dastRule } from '../rule.js';
import type { FileProbe } from '../types.js';
import { probeAll, startsWith } from './lib.js';

const rule = dastRule({
  id: 'dast/actuator-exposed',
  title: 'Spring Boot Actuator endpoints exposed',
  description:
    'Spring Boot Actuator management endpoints are public: `/actuator/env` lists configuration and environment ' +
    'properties, `/actuator/heapdump` hands out the JVM memory with every secret in it, and the index links to ' +
    'the rest. Confirmed only by content: a JSON index whose `_links` go beyond `self`, `health` and `info`, an ' +
    '`env` document with `propertySources`, or a heap dump starting with the HPROF signature (`JAVA PROFILE ' +
    '1.0.`). Not reported: `/actuator/health` and `/actuator/info` (public by design), a "not found" page, or a ' +
    '401/403.',
  severity: 'high',
  cwe: ['CWE-200', 'CWE-497'],
  owasp: ['A05:2021'],
  nist: ['CM-7', 'AC-3'],
  mode: 'probe',
  remediation:
    'Expose only what is needed over HTTP (`management.endpoints.web.exposure.include=health,info`), serve the ' +
    'management endpoints on a separate internal port (`management.server.port`), and require authentication ' +
    'for them with Spring Security. Rotate secrets a heap dump or env endpoint may have leaked.',
  references: [
    'https://docs.spring.io/spring-boot/reference/actuator/endpoints.html',
    'https://cwe.mitre.org/data/definitions/497.html',
  ],
});

/** The endpoints Spring Boot exposes over HTTP by default: linking only to these is not a finding. */
const HARMLESS_LINKS = new Set(['self', 'health', 'health-path', 'info']);
const HPROF = [...Buffer.from('JAVA PROFILE 1.0.', 'latin1')];

function json(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Spring Boot 2+ under `/actuator`, and 1.x at the root. Five requests. */
const PATHS = ['actuator', 'actuator/env', 'actuator/heapdump', 'env', 'heapdump'];

export const actuatorExposed: FileProbe = {
  rule,
  run: (ctx) =>
    probeAll(ctx, PATHS, (ex, path) => {
      if (path.endsWith('heapdump'))
        return startsWith(ex.response.body, HPROF) || startsWith(ex.response.body, [0x1f, 0x8b, 0x08])
          ? {
              message: `\`${path}\` serves a JVM heap dump: memory contents, secrets included, for anyone`,
              evidence: `${ex.response.body[0] === 0x1f ? 'gzip-compressed heap dump' : 'HPROF signature JAVA PROFILE 1.0.x'}, ${ex.response.body.length}${ex.response.truncated ? '+' : ''} bytes`,
              severity: 'critical' as const,
            }
          : undefined;
      const doc = json(bodyText(ex));
      if (!doc) return undefined;
      if (path === 'actuator' && isObject(doc._links)) {
        const sensitive = Object.keys(doc._links).filter((k) => !HARMLESS_LINKS.has(k));
        return sensitive.length > 0
          ? {
              message: `\`${path}\` lists Actuator endpoints beyond health and info: ${sensitive.slice(0, 8).join(', ')}`,
              evidence: `_links: ${Object.keys(doc._links).slice(0, 12).join(', ')}`,
              severity: 'medium' as const,
            }
          : undefined;
      }
      if (path.endsWith('env') && Array.isArray(doc.propertySources)) {
        const profiles = Array.isArray(doc.activeProfiles)
          ? doc.activeProfiles.filter((p) => typeof p === 'string')
          : [];
        return {
          message: `\`${path}\` serves the application's configuration and environment (${doc.propertySources.length} property sources)`,
          evidence: `propertySources: ${doc.propertySources.length}${profiles.length ? `; activeProfiles: ${profiles.slice(0, 5).join(', ')}` : ''}`,
        };
      }
      return undefined;
    }),
};
