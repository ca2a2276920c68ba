import type { Finding, Vulnerability } from '../../core/finding.js';
import { fingerprint } from '../../core/fingerprint.js';
import type { Severity } from '../../core/severity.js';
import { severityRank } from '../../core/severity.js';
import { VULNERABLE_DEPENDENCY } from '../../scanners/sca/rules.js';
import type { UploadedComponent } from '../../store/upload.js';
import { toComponent } from './components.js';
import { scoreOf, severityFromScore, severityFromWord } from './severity.js';
import { bag, type Json, key, type Shape, text } from './shape.js';

/** VEX states that say the product is not exposed: no finding. */
const NOT_A_PROBLEM: ReadonlySet<string> = new Set([
  'not_affected',
  'false_positive',
  'resolved',
  'resolved_with_pedigree',
]);

/**
 * CycloneDX `vulnerabilities` as dependency findings, one per affected component (`affects[].ref`
 * names a component's bom-ref, or is a purl). Scanner `sca` and rule `sca/vulnerable-dependency`,
 * as Gatehouse's own dependency findings; the fingerprint hashes the package and the lowest CVE
 * id, as they do. An SBOM has no file to point at: the location is the package's purl.
 */
export function vulnerabilityFindings(
  shape: Shape,
  list: unknown,
  byRef: ReadonlyMap<string, UploadedComponent>,
): Finding[] {
  return shape.objects(list, 'vulnerabilities').flatMap(({ item, path }) => {
    const state = text(bag(item.analysis)?.state);
    if (state && NOT_A_PROBLEM.has(state)) return [];
    const advisory = readAdvisory(shape, item, path);
    const affected = shape
      .objects(item.affects, key(path, 'affects'))
      .map((a) => shape.optString(a.item.ref, key(a.path, 'ref')))
      .filter((ref): ref is string => ref !== undefined)
      .map(
        (ref) =>
          byRef.get(ref) ?? (ref.startsWith('pkg:') ? toComponent({ name: ref, purl: ref }) : undefined),
      )
      .filter((c): c is UploadedComponent => c !== undefined);
    const packages = affected.length > 0 ? affected : [undefined];
    return packages.map((c) => toFinding(advisory, c, state));
  });
}

interface Advisory {
  id: string;
  aliases: string[];
  severity: Severity | undefined;
  cvss?: Vulnerability['cvss'];
  cwe: string[];
  description: string;
  recommendation: string | undefined;
  references: string[];
  /** When the advisory was published, for the server's mean time to detect. */
  published?: string;
}

function readAdvisory(shape: Shape, v: Json, path: string): Advisory {
  const refs = shape.objects(v.references, key(path, 'references'));
  const refIds = refs.map((r) => text(r.item.id)).filter((id): id is string => id !== undefined);
  const id = shape.optString(v.id, key(path, 'id')) ?? refIds[0] ?? 'unknown';
  const ratings = shape.objects(v.ratings, key(path, 'ratings')).map((r) => r.item);
  const cwes = Array.isArray(v.cwes) ? v.cwes.filter((n) => Number.isInteger(n) && n > 0) : [];
  const advisory: Advisory = {
    id,
    aliases: [...new Set(refIds.filter((a) => a !== id))],
    severity: worst(ratings.map(ratingSeverity)),
    cwe: cwes.map((n) => `CWE-${n}`),
    description:
      shape.optString(v.description, key(path, 'description')) ??
      shape.optString(v.detail, key(path, 'detail')) ??
      '',
    recommendation: shape.optString(v.recommendation, key(path, 'recommendation')),
    references: urls([
      text(bag(v.source)?.url),
      ...refs.map((r) => text(bag(r.item.source)?.url)),
      ...(Array.isArray(v.advisories) ? v.advisories.map((a) => text(bag(a)?.url)) : []),
    ]),
  };
  const cvss = ratings.map(cvssOf).find((c) => c !== undefined);
  if (cvss) advisory.cvss = cvss;
  const published = text(v.published);
  if (published && published.length < 64 && !Number.isNaN(Date.parse(published)))
    advisory.published = published;
  return advisory;
}

/** The rating's own severity word, else its score; `unknown` and `none`-scored ratings say nothing. */
function ratingSeverity(r: Json): Severity | undefined {
  const word = severityFromWord(r.severity);
  if (word) return word;
  const score = scoreOf(r.score);
  return score === undefined || score === 0 ? undefined : severityFromScore(score);
}

/** Sources disagree (NVD, GitHub, the vendor): the worst rating is the one to act on. */
function worst(list: (Severity | undefined)[]): Severity | undefined {
  return list
    .filter((s): s is Severity => s !== undefined)
    .sort((a, b) => severityRank(b) - severityRank(a))[0];
}

const CVSS_METHOD: Record<string, string> = { CVSSv2: '2.0', CVSSv3: '3.0', CVSSv31: '3.1', CVSSv4: '4.0' };

function cvssOf(r: Json): Vulnerability['cvss'] | undefined {
  const version = CVSS_METHOD[text(r.method) ?? ''];
  const score = scoreOf(r.score);
  const vector = text(r.vector);
  if (!version || score === undefined || score > 10 || !vector) return undefined;
  return { version, vector, score };
}

function urls(list: (string | undefined)[]): string[] {
  return [...new Set(list.filter((u): u is string => u !== undefined && /^https?:\/\/\S+$/.test(u)))];
}

/** The most stable name of a vulnerability: its lowest CVE id (aliases come and go), else its id. */
function stableId(a: Advisory): string {
  return [a.id, ...a.aliases].filter((id) => id.startsWith('CVE-')).sort()[0] ?? a.id;
}

function toFinding(a: Advisory, c: UploadedComponent | undefined, state: string | undefined): Finding {
  const purl = c?.purl?.split('?')[0];
  const label = c ? `${c.name}${c.version ? `@${c.version}` : ''}` : 'an unnamed component';
  const path = purl ?? (c ? label : 'sbom');
  const aliases = a.aliases.length > 0 ? ` (${a.aliases.slice(0, 3).join(', ')})` : '';
  const summary = a.description.trim().split('\n')[0];
  const finding: Finding = {
    fingerprint: fingerprint(VULNERABLE_DEPENDENCY.id, path, `${purl ?? label}|${stableId(a)}`),
    scanner: 'sca',
    ruleId: VULNERABLE_DEPENDENCY.id,
    title: VULNERABLE_DEPENDENCY.title,
    message: `${label} is affected by ${a.id}${aliases}${summary ? `: ${summary}` : ''}`,
    severity: a.severity ?? 'medium',
    confidence: 'high',
    location: { path },
    cwe: [...new Set([...a.cwe, ...VULNERABLE_DEPENDENCY.cwe])],
    references: a.references,
    remediation: a.recommendation ?? VULNERABLE_DEPENDENCY.remediation,
    controls: [...VULNERABLE_DEPENDENCY.controls],
    vulnerability: {
      id: a.id,
      aliases: a.aliases,
      package: {
        ecosystem: c?.ecosystem ?? '',
        name: c?.name ?? '',
        version: c?.version ?? '',
        ...(c?.purl ? { purl: c.purl } : {}),
      },
      fixedVersions: [],
      ...(a.cvss ? { cvss: a.cvss } : {}),
      ...(a.published ? { published: a.published } : {}),
    },
  };
  if (state || !a.severity)
    finding.properties = {
      ...(state ? { vexState: state } : {}),
      ...(a.severity ? {} : { severitySource: 'unknown' }),
    };
  return finding;
}
