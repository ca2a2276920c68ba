import { licenseAlias } from './aliases.js';
import { formatExpression, MAX_EXPRESSION_LENGTH, parseExpression } from './expression.js';
import { lookupLicenseId } from './spdx-data.js';

export interface NormalizedLicense {
  /** A valid SPDX expression in canonical form (current ids, `-or-later` for `+` on GNU ids). */
  expression?: string;
  /** The declared text when it names no SPDX license (`UNLICENSED`, `SEE LICENSE IN …`, custom terms). */
  unknown?: string;
}

/** Text longer than this is a pasted license body: reported, cut, as unknown. */
const MAX_UNKNOWN_LENGTH = 200;

/**
 * What a package's declared license means in SPDX terms. Tries, in order: a strict SPDX
 * expression, a known name for the whole text (`Apache License, Version 2.0`), an expression
 * written loosely (`mit or apache-2.0`, `MIT/Apache-2.0`, `GPLv2+ AND BSD`), and the name in a
 * trailing parenthesis (PyPI classifiers: `GNU General Public License v2 (GPLv2)`).
 * Blank text gives `{}`: nothing was declared, which is not the same as an unknown license.
 */
export function normalizeLicense(raw: string): NormalizedLicense {
  if (raw.length > MAX_EXPRESSION_LENGTH) return normalizeUncached(raw);
  let result = CACHE.get(raw);
  if (!result) {
    result = normalizeUncached(raw);
    if (CACHE.size >= MAX_CACHED) CACHE.clear();
    CACHE.set(raw, result);
  }
  return { ...result };
}

/**
 * A few dozen license strings cover nearly every package, and the SPDX parser tries every
 * listed id at each position: remembering answers makes a 20,000-package SBOM cheap. Only
 * strings short enough to be expressions are kept, so the cache stays under a few megabytes.
 */
const CACHE = new Map<string, NormalizedLicense>();
const MAX_CACHED = 4096;

function normalizeUncached(raw: string): NormalizedLicense {
  const text = raw.trim();
  if (!text) return {};
  if (text.length > MAX_EXPRESSION_LENGTH || /^see licen[cs]e in\b/i.test(text)) return unknownLicense(text);
  const expression =
    parseExpression(text) ??
    parseAlias(text) ??
    parseLoose(text) ??
    parseAlias(/\(([^()]+)\)\s*$/.exec(text)?.[1] ?? '');
  return expression ? { expression: formatExpression(expression) } : unknownLicense(text);
}

function unknownLicense(text: string): NormalizedLicense {
  const oneLine = text.replace(/\s+/g, ' ');
  return {
    unknown: oneLine.length > MAX_UNKNOWN_LENGTH ? `${oneLine.slice(0, MAX_UNKNOWN_LENGTH)}…` : oneLine,
  };
}

function parseAlias(text: string) {
  const withoutParenthesis = text.replace(/\s*\([^()]*\)\s*$/, '');
  const alias = licenseAlias(withoutParenthesis || text);
  return alias ? parseExpression(alias) : undefined;
}

const OPERATORS = new Set(['and', 'or', 'with']);

/**
 * Splits the text into parentheses, operators (any case) and the phrases between them, turns
 * each phrase into an id, and parses the result strictly.
 */
function parseLoose(text: string) {
  const out: string[] = [];
  let phrase: string[] = [];
  let afterWith = false;
  const flush = (): boolean => {
    if (phrase.length === 0) return true;
    const id = afterWith ? phrase.join('-') : phraseLicense(phrase.join(' '));
    phrase = [];
    afterWith = false;
    if (!id) return false;
    out.push(id);
    return true;
  };
  for (const token of text.match(/[()]|[^\s()]+/g) ?? []) {
    const operator = OPERATORS.has(token.toLowerCase());
    if (token !== '(' && token !== ')' && !operator) {
      phrase.push(token);
      continue;
    }
    if (!flush()) return undefined;
    out.push(operator ? token.toUpperCase() : token);
    afterWith = token.toLowerCase() === 'with';
  }
  return flush() ? parseExpression(out.join(' ')) : undefined;
}

/** One license named loosely: `mit`, `gpl-2.0+`, `Apache 2`, `LicenseRef-x`, `MIT/Apache-2.0`. */
function phraseLicense(phrase: string): string | undefined {
  const plus = phrase.endsWith('+') && !phrase.includes(' ');
  const bare = plus ? phrase.slice(0, -1) : phrase;
  const id = lookupLicenseId(bare);
  if (id) return plus ? `${id}+` : id;
  const ref = /^licenseref-([A-Za-z0-9.-]+)$/i.exec(phrase);
  if (ref) return `LicenseRef-${ref[1]}`;
  const alias = licenseAlias(phrase);
  if (alias) return `(${alias})`;
  if (!phrase.includes('/') || phrase.includes(' ')) return undefined;
  const parts = phrase.split('/').map((p) => lookupLicenseId(p) ?? licenseAlias(p));
  return parts.every((p) => p) ? `(${parts.join(' OR ')})` : undefined;
}
