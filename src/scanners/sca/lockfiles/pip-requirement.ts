import { valid } from '@renovatebot/pep440';
import { PYPI_NAME } from './pypi-package.js';

/** One requirement of a requirements file, as PEP 508 (or pip's URL and path forms) spells it. */
export interface PipRequirement {
  /** Undefined for a URL or path whose package name cannot be told from the text. */
  name?: string;
  /** The exact version of a `==` (not `.*`) or `===` clause, or of a wheel's file name. */
  pinned?: string;
  /** Version clauses as written, normalised to `op version` joined by `,`; '' when there are none. */
  specifier: string;
  url?: string;
  /** An `${ENV}` reference pip would expand at install time: the version cannot be known here. */
  environmentVariable?: string;
  /** PEP 508 environment markers, the text after `;` as written. */
  markers?: string;
}

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*/;
const EXTRAS = /^\[\s*([A-Za-z0-9._\s,-]*)\]\s*/;
const CLAUSE = /^(===|~=|==|!=|<=|>=|<|>)\s*(\S+)$/;
const ENVIRONMENT_VARIABLE = /\$\{[A-Z0-9_]+\}/;
const ARCHIVE = /\.(?:whl|zip|tar\.gz|tgz|tar\.bz2|tbz|tar\.xz|txz|tar)$/i;
/** After a URL the `;` needs a blank beside it (it may be part of the URL otherwise), as in pip. */
const URL_MARKERS = /\s;|;\s/;

/** A requirement, or the reason it is not one (pip refuses the whole file for such a line). */
export function parsePipRequirement(text: string): PipRequirement | string {
  const name = NAME.exec(text);
  if (!name || looksLikeLocation(text, name[0])) {
    return withMarkers(parseLocation(text), markersAfter(text, URL_MARKERS));
  }
  let rest = text.slice(name[0].length);
  const extras = EXTRAS.exec(rest);
  if (rest.startsWith('[') && !extras) return 'the extras list is not closed or has invalid names';
  if (extras) rest = rest.slice(extras[0].length);
  if (rest.startsWith('@')) {
    return withMarkers(namedLocation(name[1]!, rest.slice(1)), markersAfter(rest, URL_MARKERS));
  }
  const specifier = rest.split(';', 1)[0]!.trim();
  const parsed = parseSpecifier(name[1]!, specifier.replace(/^\((.*)\)$/s, '$1').trim());
  return withMarkers(parsed, markersAfter(rest, /;/));
}

/** The markers after the separator, trimmed; undefined when there are none. */
function markersAfter(text: string, separator: RegExp): string | undefined {
  const found = separator.exec(text);
  return found ? text.slice(found.index + found[0].length).trim() || undefined : undefined;
}

function withMarkers(parsed: PipRequirement | string, markers: string | undefined): PipRequirement | string {
  return typeof parsed === 'string' || markers === undefined ? parsed : { ...parsed, markers };
}

/** `http://…`, `git+https://…`, `./dir`, `pkg-1.0-py3-none-any.whl` — anything not `name [extras] spec`. */
function looksLikeLocation(text: string, name: string): boolean {
  const after = text.slice(name.length);
  if (ARCHIVE.test(text.split(/\s;|;\s|\s/, 1)[0]!)) return true;
  return !(after === '' || /^[[=<>!~;@(]/.test(after));
}

function parseSpecifier(name: string, specifier: string): PipRequirement | string {
  if (!specifier) return { name, specifier: '' };
  const env = ENVIRONMENT_VARIABLE.exec(specifier);
  if (env) return { name, specifier, environmentVariable: env[0] };
  const clauses: string[] = [];
  let pinned: string | undefined;
  for (const part of specifier.split(',')) {
    const clause = CLAUSE.exec(part.trim());
    if (!clause) return `"${part.trim()}" is not a version clause`;
    const [, op, version] = clause as unknown as [string, string, string];
    if (!validClauseVersion(op, version)) return `"${version}" is not a valid version for ${op}`;
    if ((op === '==' && !version.endsWith('.*')) || op === '===') pinned ??= version;
    clauses.push(`${op}${version}`);
  }
  return { name, pinned, specifier: clauses.join(',') };
}

/** `===` compares strings, so anything goes; `==`/`!=` allow a `.*` prefix match. */
function validClauseVersion(op: string, version: string): boolean {
  if (op === '===') return true;
  const prefix = (op === '==' || op === '!=') && version.endsWith('.*') ? version.slice(0, -2) : version;
  return valid(prefix) !== null;
}

function namedLocation(name: string, rest: string): PipRequirement | string {
  const url = rest
    .trim()
    .split(/\s;|;\s/, 1)[0]!
    .trim();
  if (!url) return 'nothing follows "@"';
  return { name, url, specifier: '', pinned: wheelOf(url)?.version };
}

/** The name comes from `#egg=` or, for a wheel, from its standard file name (which also fixes the version). */
function parseLocation(text: string): PipRequirement | string {
  const url = text
    .trim()
    .split(/\s;|;\s/, 1)[0]!
    .trim();
  const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(url)?.[1];
  const wheel = wheelOf(url);
  const name = egg?.replace(/[-_.]+$/, '') ?? wheel?.name;
  if (!name && !/[/\\:]/.test(url) && !url.startsWith('.') && !ARCHIVE.test(url)) return 'no package name';
  return { name, url, specifier: '', pinned: wheel?.version };
}

/** PEP 427: `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`. */
function wheelOf(url: string): { name: string; version: string } | undefined {
  const file = url.split(/[?#]/, 1)[0]!.split(/[/\\]/).pop() ?? '';
  const match = /^([^-]+)-([^-]+)-(?:[^-]+-)?[^-]+-[^-]+-[^-]+\.whl$/i.exec(decodeFileName(file));
  return match && PYPI_NAME.test(match[1]!) ? { name: match[1]!, version: match[2]! } : undefined;
}

function decodeFileName(file: string): string {
  try {
    return decodeURIComponent(file);
  } catch {
    return file;
  }
}
