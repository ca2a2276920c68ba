import type { Finding, PropertyValue, SecretInfo, Vulnerability } from '../../core/finding.js';
import { safeKey } from './limits.js';
import { sarifFingerprint } from './sarif-fingerprint.js';
import { type PlaceRead, readPlace, readTrace, type UriResolver } from './sarif-location.js';
import type { RuleIndex } from './sarif-rules.js';
import { isSecretResult, redactSecretFinding } from './sarif-secrets.js';
import { resultConfidence, resultSeverity } from './sarif-severity.js';
import { cweIds, referenceUrls } from './sarif-taxonomy.js';
import { descriptionText, messageText, ruleTitle } from './sarif-text.js';
import { bag, type Json, key, type Shape, text } from './shape.js';

/** What every result of one run shares. */
export interface RunContext {
  shape: Shape;
  /** Normalised tool name: `semgrep-oss`, `codeql`, `gitleaks`. */
  tool: string;
  rules: RuleIndex;
  uris: UriResolver;
  artifacts: readonly unknown[];
  globalStrings: Json | undefined;
  /** What each rule says, worked out once per rule (or rule id, for rules not described) rather than per result. */
  facts: Map<Json | string, RuleFacts>;
}

interface RuleFacts {
  title: string;
  cwe: string[];
  references: string[];
  remediation: string;
}

/** Keyed by the descriptor when the result names it by its own id (the title uses the id), else by the id. */
function ruleFacts(run: RunContext, rule: Json | undefined, ruleId: string): RuleFacts {
  const cacheKey = rule && rule.id === ruleId ? rule : ruleId;
  const cached = run.facts.get(cacheKey);
  if (cached) return cached;
  const facts: RuleFacts = {
    title: ruleTitle(rule, ruleId),
    cwe: cweIds(rule, undefined),
    references: referenceUrls(rule, undefined),
    remediation: descriptionText(rule?.help) ?? '',
  };
  run.facts.set(cacheKey, facts);
  return facts;
}

function merged(base: string[], extra: string[] | undefined): string[] {
  return extra && extra.length > 0 ? [...new Set([...base, ...extra])] : [...base];
}

/** Results that are not problems present now: passed checks, and problems gone since the baseline. */
function isProblem(result: Json): boolean {
  return result.kind !== 'pass' && result.kind !== 'notApplicable' && result.baselineState !== 'absent';
}

/**
 * One SARIF result as a finding, or undefined when it reports no present problem: a passed
 * check, a result absent since the baseline, or one suppressed in the source (`// nosemgrep`,
 * `# noqa`: the developer decided in the code, and the tool would not report it by default).
 * Externally suppressed results are kept, marked: the server's own exceptions decide about them.
 */
export function readResult(run: RunContext, result: Json, where: string): Finding | undefined {
  if (!isProblem(result)) return undefined;
  const suppression = suppressionOf(run.shape, result, where);
  if (suppression === 'inSource') return undefined;
  const rule = run.rules.find(result, where);
  const ruleRef = bag(result.rule);
  const ruleId =
    run.shape.optString(result.ruleId, key(where, 'ruleId')) ??
    text(ruleRef?.id) ??
    text(rule?.id) ??
    'unknown';
  const place = primaryPlace(run, result, where);
  const facts = ruleFacts(run, rule, ruleId);
  const title = facts.title;
  const message =
    messageText(run.shape, result.message, key(where, 'message'), rule, run.globalStrings) || title;
  const resultProps = run.shape.optObject(result.properties, key(where, 'properties'));
  const cwe = merged(facts.cwe, resultProps && cweIds(undefined, resultProps));
  const secret = run.tool !== 'gatehouse' && isSecretResult(run.tool, cwe, bag(rule?.properties)?.tags);
  const finding: Finding = {
    fingerprint: sarifFingerprint({
      tool: run.tool,
      ruleId,
      path: place.location.path,
      result,
      matched: place.matched,
      message,
    }),
    scanner: run.tool === 'gatehouse' ? gatehouseScanner(ruleId) : `sarif:${run.tool}`,
    ruleId,
    title,
    message,
    // A leaked credential the tool gives no severity (Gitleaks gives none) is high, as Gatehouse rates its own.
    severity: resultSeverity(result, rule, secret ? 'high' : 'medium'),
    confidence: resultConfidence(result, rule),
    location: place.location,
    cwe,
    references: merged(facts.references, resultProps && referenceUrls(undefined, resultProps)),
    remediation: facts.remediation,
    controls: [],
  };
  const trace = readTrace(run.shape, run.uris, run.artifacts, result, where);
  if (trace) finding.trace = trace;
  const properties = scalarProperties(resultProps, suppression);
  if (Object.keys(properties).length > 0) finding.properties = properties;
  if (run.tool === 'gatehouse') restoreGatehouseFields(finding, resultProps);
  if (secret) redactSecretFinding(finding, place.matched);
  return finding;
}

/** The first location; without one, the analysis target (a file-level result), else no path. */
function primaryPlace(run: RunContext, result: Json, where: string): PlaceRead {
  const first = run.shape.objects(result.locations, key(where, 'locations'))[0];
  const physical =
    first && run.shape.optObject(first.item.physicalLocation, key(first.path, 'physicalLocation'));
  if (first && physical)
    return readPlace(run.shape, run.uris, run.artifacts, physical, key(first.path, 'physicalLocation'));
  const target = run.shape.optObject(result.analysisTarget, key(where, 'analysisTarget'));
  const path = target ? run.uris.path(target, run.artifacts, key(where, 'analysisTarget')) : undefined;
  return { location: { path: path ?? logicalName(first?.item) ?? '' } };
}

/** A logical location (a cloud resource, a class) when a tool gives no file. */
function logicalName(location: Json | undefined): string | undefined {
  const logical = Array.isArray(location?.logicalLocations) ? bag(location.logicalLocations[0]) : undefined;
  return text(logical?.fullyQualifiedName) ?? text(logical?.name);
}

type Suppression = 'inSource' | 'external' | undefined;

/** A suppression counts unless it was rejected; `underReview` counts as external (kept, marked). */
function suppressionOf(shape: Shape, result: Json, where: string): Suppression {
  let found: Suppression;
  for (const { item } of shape.objects(result.suppressions, key(where, 'suppressions'))) {
    if (item.status === 'rejected') continue;
    if (item.kind === 'inSource' && (item.status === undefined || item.status === 'accepted'))
      return 'inSource';
    found = 'external';
  }
  return found;
}

/** The result's own string/number/boolean properties (tool facts such as Bandit's `issue_severity`). */
function scalarProperties(props: Json | undefined, suppression: Suppression): Record<string, PropertyValue> {
  const out: [string, PropertyValue][] = [];
  for (const [k, v] of Object.entries(props ?? {}))
    if (
      safeKey(k) &&
      (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)))
    )
      out.push([k, v]);
  if (suppression) out.push(['suppressed', suppression]);
  return Object.fromEntries(out);
}

/** Gatehouse rule ids start with their scanner (`secrets/aws-access-key-id`), as in its JSON report. */
function gatehouseScanner(ruleId: string): string {
  const slash = ruleId.indexOf('/');
  return slash > 0 ? ruleId.slice(0, slash) : 'gatehouse';
}

/** Gatehouse's SARIF carries in `properties` what SARIF has no field for (src/formats/sarif.ts). */
function restoreGatehouseFields(finding: Finding, props: Json | undefined): void {
  const secret = bag(props?.secret);
  if (typeof secret?.redacted === 'string' && typeof secret.hash === 'string')
    finding.secret = { redacted: secret.redacted, hash: secret.hash } satisfies SecretInfo;
  const vulnerability = vulnerabilityOf(bag(props?.vulnerability));
  if (vulnerability) finding.vulnerability = vulnerability;
  const details = bag(props?.details);
  const restored = scalarProperties(details, undefined);
  if (Object.keys(restored).length > 0) finding.properties = restored;
  else delete finding.properties;
}

function vulnerabilityOf(v: Json | undefined): Vulnerability | undefined {
  const pkg = bag(v?.package);
  if (typeof v?.id !== 'string' || !pkg || typeof pkg.name !== 'string') return undefined;
  const list = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  const out: Vulnerability = {
    id: v.id,
    aliases: list(v.aliases),
    package: {
      ecosystem: text(pkg.ecosystem) ?? '',
      name: pkg.name,
      version: text(pkg.version) ?? '',
      ...(typeof pkg.purl === 'string' ? { purl: pkg.purl } : {}),
    },
    fixedVersions: list(v.fixedVersions),
  };
  const cvss = bag(v.cvss);
  if (typeof cvss?.version === 'string' && typeof cvss.vector === 'string' && typeof cvss.score === 'number')
    out.cvss = { version: cvss.version, vector: cvss.vector, score: cvss.score };
  if (typeof v.published === 'string') out.published = v.published;
  return out;
}
