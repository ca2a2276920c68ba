import type { Finding, PropertyValue, Vulnerability } from '../../core/finding.js';

/**
 * Real reports nest a few dozen levels at most (CycloneDX components inside components,
 * SARIF properties); deeper input is refused before parsing so that no walk over it can run
 * out of stack.
 */
export const MAX_JSON_DEPTH = 256;

/** How long each text field of a finding may be: enough for any real report, bounded for the database. */
export const MAX_TEXT = {
  id: 512,
  title: 1_000,
  path: 4_096,
  message: 16_000,
  snippet: 4_000,
  remediation: 16_000,
  property: 1_000,
} as const;

const MAX_LIST = 100;
const MAX_PROPERTIES = 50;
const MAX_TRACE = 200;
const CUT = ' …(truncated)';

/** `text` cut to `max` characters, saying so; never splits a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - CUT.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}${CUT}`;
}

/** Keys that would change an object's prototype if a consumer ever assigned them. */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function safeKey(key: string): boolean {
  return !UNSAFE_KEYS.has(key);
}

/**
 * Every reader's findings pass through here: a report may be well-formed and still carry a
 * 50 MB message or 100,000 references. Fields are cut, never rejected: the finding is real.
 */
export function boundFinding(f: Finding): Finding {
  const out = withinBounds(f) ? f : boundedCopy(f);
  const v = f.vulnerability;
  if (
    v &&
    !(
      v.aliases.length <= MAX_LIST &&
      v.fixedVersions.length <= MAX_LIST &&
      vulnerabilityTexts(v).every(short)
    )
  )
    return { ...out, vulnerability: boundVulnerability(v) };
  return out;
}

function boundedCopy(f: Finding): Finding {
  const out: Finding = {
    ...f,
    ruleId: clip(f.ruleId, MAX_TEXT.id),
    scanner: clip(f.scanner, MAX_TEXT.id),
    title: clip(f.title, MAX_TEXT.title),
    message: clip(f.message, MAX_TEXT.message),
    remediation: clip(f.remediation, MAX_TEXT.remediation),
    location: boundLocation(f.location),
    cwe: f.cwe.slice(0, MAX_LIST).map((c) => clip(c, MAX_TEXT.id)),
    references: f.references.slice(0, MAX_LIST).map((r) => clip(r, MAX_TEXT.path)),
    controls: f.controls.slice(0, MAX_LIST).map((c) => clip(c, MAX_TEXT.id)),
  };
  if (f.properties) out.properties = boundProperties(f.properties);
  if (f.trace)
    out.trace = f.trace.slice(0, MAX_TRACE).map((t) => ({
      ...t,
      path: clip(t.path, MAX_TEXT.path),
      message: clip(t.message, MAX_TEXT.property),
    }));
  return out;
}

/** The common case, checked without copying anything: 100,000 findings make a lot of garbage otherwise. */
function withinBounds(f: Finding): boolean {
  const l = f.location;
  return (
    f.ruleId.length <= MAX_TEXT.id &&
    f.scanner.length <= MAX_TEXT.id &&
    f.title.length <= MAX_TEXT.title &&
    f.message.length <= MAX_TEXT.message &&
    f.remediation.length <= MAX_TEXT.remediation &&
    l.path.length <= MAX_TEXT.path &&
    (l.snippet === undefined || l.snippet.length <= MAX_TEXT.snippet) &&
    f.cwe.length <= MAX_LIST &&
    f.references.length <= MAX_LIST &&
    f.controls.length <= MAX_LIST &&
    f.cwe.every((c) => c.length <= MAX_TEXT.id) &&
    f.references.every((r) => r.length <= MAX_TEXT.path) &&
    f.controls.every((c) => c.length <= MAX_TEXT.id) &&
    (f.properties === undefined || propertiesWithinBounds(f.properties)) &&
    (f.trace === undefined ||
      (f.trace.length <= MAX_TRACE &&
        f.trace.every((t) => t.path.length <= MAX_TEXT.path && t.message.length <= MAX_TEXT.property)))
  );
}

function propertiesWithinBounds(p: Record<string, PropertyValue>): boolean {
  const entries = Object.entries(p);
  return (
    entries.length <= MAX_PROPERTIES &&
    entries.every(
      ([k, v]) =>
        safeKey(k) && k.length <= MAX_TEXT.id && (typeof v !== 'string' || v.length <= MAX_TEXT.property),
    )
  );
}

const short = (t: string) => t.length <= MAX_TEXT.id;

function vulnerabilityTexts(v: Vulnerability): string[] {
  return [v.id, v.package.ecosystem, v.package.name, v.package.version, ...v.aliases, ...v.fixedVersions];
}

function boundVulnerability(v: Vulnerability): Vulnerability {
  const cut = (t: string) => clip(t, MAX_TEXT.id);
  const out: Vulnerability = {
    ...v,
    id: cut(v.id),
    aliases: v.aliases.slice(0, MAX_LIST).map(cut),
    package: {
      ...v.package,
      ecosystem: cut(v.package.ecosystem),
      name: cut(v.package.name),
      version: cut(v.package.version),
    },
    fixedVersions: v.fixedVersions.slice(0, MAX_LIST).map(cut),
  };
  if (v.package.purl !== undefined) out.package.purl = clip(v.package.purl, MAX_TEXT.path);
  return out;
}

function boundLocation(l: Finding['location']): Finding['location'] {
  const out = { ...l, path: clip(l.path, MAX_TEXT.path) };
  if (l.snippet !== undefined) out.snippet = clip(l.snippet, MAX_TEXT.snippet);
  return out;
}

export function boundProperties(p: Record<string, PropertyValue>): Record<string, PropertyValue> {
  const entries = Object.entries(p)
    .filter(([k]) => safeKey(k))
    .slice(0, MAX_PROPERTIES)
    .map(([k, v]): [string, PropertyValue] => [
      clip(k, MAX_TEXT.id),
      typeof v === 'string' ? clip(v, MAX_TEXT.property) : v,
    ]);
  return Object.fromEntries(entries);
}
