import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';

const rule = dastRule({
  id: 'dast/source-map-exposed',
  title: 'Source map is served',
  description:
    'The response is a JavaScript source map (JSON with `"version": 3`, a `mappings` string and a `sources` list): ' +
    'with it anyone can rebuild the original, unminified source, comments, internal paths and often the ' +
    "`sourcesContent` itself. The crawler follows each script's `sourceMappingURL` (comment or SourceMap header), " +
    'so a map is judged by what the server really sends: a reference whose map is not deployed (a 404 or a soft ' +
    '404 page) is not a finding, and neither is an inline `data:` map, which the script already carries.',
  severity: 'low',
  cwe: ['CWE-540'],
  owasp: ['A05:2021'],
  nist: ['CM-7'],
  mode: 'passive',
  remediation:
    'Do not publish source maps (webpack `devtool: false` or `hidden-source-map` for production, Vite ' +
    '`build.sourcemap: false` or `"hidden"`), or serve them only to your error-tracking service.',
  references: ['https://developer.mozilla.org/en-US/docs/Glossary/Source_map', 'https://tc39.es/source-map/'],
});

/** A map is small JSON compared with its script; parsing more than this is not worth it. */
const MAX_MAP_BYTES = 2 * 1024 * 1024;

export const sourceMapExposed: PassiveRule = {
  rule,
  scope: 'page',
  check(ex) {
    const { status, body } = ex.response;
    if (status !== 200 || body.length === 0 || body.length > MAX_MAP_BYTES || ex.response.truncated)
      return [];
    const start = body.subarray(0, 64).toString('utf8').trimStart();
    // `)]}'` is the XSSI guard some servers put before JSON maps.
    if (!start.startsWith('{') && !start.startsWith(")]}'")) return [];
    let map: unknown;
    try {
      map = JSON.parse(body.toString('utf8').replace(/^\)\]\}'[^\n]*\n/, ''));
    } catch {
      return [];
    }
    if (!isSourceMap(map)) return [];
    const count = map.sources.length;
    const withContent =
      Array.isArray(map.sourcesContent) && map.sourcesContent.some((c) => typeof c === 'string');
    return [
      {
        message: `a source map of ${count} source file(s)${withContent ? ', with their full content,' : ''} is served`,
        evidence: map.sources.slice(0, 5).join(', ').slice(0, 200),
      },
    ];
  },
};

function isSourceMap(v: unknown): v is { sources: string[]; sourcesContent?: unknown[] } {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  return (
    m.version === 3 &&
    typeof m.mappings === 'string' &&
    Array.isArray(m.sources) &&
    m.sources.every((s) => typeof s === 'string')
  );
}
