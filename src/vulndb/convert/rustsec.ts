import { parse as parseToml } from 'smol-toml';
import type { OsvAffected, OsvRecord } from '../osv.js';
import { parseCargoRequirement } from './cargo-req.js';
import { complement, type Interval, toRanges } from './intervals.js';
import { type Conversion, ConvertError, latest, type SourceFile } from './types.js';

/**
 * RustSec advisories (https://github.com/rustsec/advisory-db): Markdown whose first block is
 * TOML front matter. Affected versions are everything neither `patched` nor `unaffected`.
 */
const FRONT_MATTER = /^\s*```toml\r?\n([\s\S]*?)\r?\n```[^\n]*\n?/;

export function isRustsec(text: string): boolean {
  return FRONT_MATTER.test(text.slice(0, 64 * 1024));
}

interface Front {
  advisory: Record<string, unknown>;
  versions?: Record<string, unknown>;
  affected?: Record<string, unknown>;
}

export function convertRustsec(file: SourceFile): Conversion {
  // The advisory-db's rust/ folder covers the toolchain (std, cargo, rustdoc), not crates.
  if (/(^|[/!])rust\/[^/]+\/[^/]+\.md$/.test(file.path)) {
    return {
      records: [],
      notes: [{ reason: 'Rust toolchain advisory, not a crates.io package', subject: file.path }],
    };
  }
  const m = FRONT_MATTER.exec(file.text);
  if (!m) throw new ConvertError('no ```toml front matter');
  const front = readFront(m[1]!);
  const a = front.advisory;
  const id = str(a.id, 'advisory.id');
  const name = str(a.package, 'advisory.package');
  const date = dateOf(a.date, 'advisory.date');
  const withdrawn = a.withdrawn === undefined ? undefined : dateOf(a.withdrawn, 'advisory.withdrawn');
  const { summary, details } = splitMarkdown(file.text.slice(m[0].length));
  const record: OsvRecord = {
    id,
    modified: latest(date, withdrawn, file.mtime) ?? date,
    published: date,
    ...(withdrawn ? { withdrawn } : {}),
    aliases: strings(a.aliases, 'advisory.aliases'),
    related: strings(a.related, 'advisory.related'),
    ...(summary ? { summary } : {}),
    ...(details ? { details } : {}),
    ...severity(a.cvss),
    affected: [affected(name, front)],
    references: references(id, a),
    database_specific: {
      source: 'rustsec',
      ...pick(a, ['informational', 'categories', 'keywords', 'license']),
    },
  };
  return { records: [record], notes: [] };
}

function readFront(toml: string): Front {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(toml) as Record<string, unknown>;
  } catch (e) {
    throw new ConvertError(`front matter is not valid TOML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!isTable(doc.advisory)) throw new ConvertError('front matter has no [advisory] table');
  return doc as unknown as Front;
}

function affected(name: string, front: Front): OsvAffected {
  const v = front.versions ?? {};
  const safe: Interval[] = [
    ...strings(v.patched, 'versions.patched'),
    ...strings(v.unaffected, 'versions.unaffected'),
  ].map((req) => {
    try {
      return parseCargoRequirement(req);
    } catch (e) {
      throw new ConvertError(`versions: ${(e as Error).message}`);
    }
  });
  const scope = front.affected ?? {};
  const affects = {
    ...(scope.os !== undefined ? { os: strings(scope.os, 'affected.os') } : {}),
    ...(scope.arch !== undefined ? { arch: strings(scope.arch, 'affected.arch') } : {}),
    ...(isTable(scope.functions) ? { functions: Object.keys(scope.functions) } : {}),
  };
  return {
    package: { ecosystem: 'crates.io', name },
    ranges: toRanges(complement(safe), 'SEMVER'),
    ...(Object.keys(affects).length > 0 ? { ecosystem_specific: { affects } } : {}),
  };
}

function severity(cvss: unknown): Pick<OsvRecord, 'severity'> {
  if (typeof cvss !== 'string') return {};
  return { severity: [{ type: cvss.startsWith('CVSS:4.') ? 'CVSS_V4' : 'CVSS_V3', score: cvss }] };
}

function references(id: string, a: Record<string, unknown>): { type: string; url: string }[] {
  const refs = [{ type: 'ADVISORY', url: `https://rustsec.org/advisories/${id}.html` }];
  if (typeof a.url === 'string') refs.push({ type: 'REPORT', url: a.url });
  for (const url of strings(a.references, 'advisory.references')) refs.push({ type: 'WEB', url });
  return refs;
}

/** The first `# ` heading is the title; the rest is the description. */
function splitMarkdown(body: string): { summary?: string; details?: string } {
  const text = body.trim();
  const m = /^#\s+(.+)\r?\n?/.exec(text);
  if (!m) return text ? { details: text } : {};
  const details = text.slice(m[0].length).trim();
  return { summary: m[1]!.trim(), ...(details ? { details } : {}) };
}

function str(v: unknown, field: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw new ConvertError(`${field} is missing or not a string`);
  return v.trim();
}

function strings(v: unknown, field: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string'))
    throw new ConvertError(`${field} is not a list of strings`);
  return v as string[];
}

/** Dates are `"2021-01-31"` strings, or TOML dates when unquoted. */
function dateOf(v: unknown, field: string): string {
  const s = v instanceof Date ? v.toISOString() : v;
  if (typeof s !== 'string' || Number.isNaN(Date.parse(s))) throw new ConvertError(`${field} is not a date`);
  return new Date(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s)).toISOString();
}

function isTable(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}
