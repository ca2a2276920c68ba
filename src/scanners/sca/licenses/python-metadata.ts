import { PackageURL } from 'packageurl-js';
import { normalizeLicense } from './normalize.js';
import { declaredLicenses, type LicenseSource } from './source.js';

const METADATA = /(?:^|\/)[^/]+\.(?:dist-info\/METADATA|egg-info\/PKG-INFO|egg-info)$/;

/**
 * Installed Python distributions (`*.dist-info/METADATA`, `*.egg-info/PKG-INFO`). Precedence:
 * `License-Expression` (PEP 639), then `License` when it names an SPDX license, then the
 * `License ::` classifiers, then the `License` text as declared.
 */
export const pythonMetadata: LicenseSource = {
  name: 'Python METADATA',
  matches: (path) => METADATA.test(path),
  read(text) {
    const headers = parseHeaders(text);
    const name = first(headers, 'name');
    const version = first(headers, 'version');
    if (!name || !version) return undefined;
    const purl = new PackageURL('pypi', undefined, name, version, undefined, undefined);
    return { purl: purl.toString(), licenses: declaredLicenses(pythonLicenses(headers)) };
  },
};

function pythonLicenses(headers: Map<string, string[]>): string[] {
  const expression = first(headers, 'license-expression');
  if (expression) return [expression];
  const license = first(headers, 'license')?.split('\n')[0]?.trim();
  const declared = license && license.toUpperCase() !== 'UNKNOWN' ? license : undefined;
  if (declared && normalizeLicense(declared).expression) return [declared];
  const classifiers = (headers.get('classifier') ?? []).flatMap(classifierLicense);
  if (classifiers.length > 0) return classifiers;
  return declared ? [declared] : [];
}

/** `License :: OSI Approved :: MIT License` → `MIT License`; the bare `License :: OSI Approved` says nothing. */
function classifierLicense(classifier: string): string[] {
  const parts = classifier.split('::').map((p) => p.trim());
  if (parts[0] !== 'License' || parts.length < 2) return [];
  const last = parts[parts.length - 1]!;
  return last === 'OSI Approved' ? [] : [last];
}

function first(headers: Map<string, string[]>, key: string): string | undefined {
  return headers.get(key)?.[0]?.trim() || undefined;
}

/**
 * The RFC 822-style header block (up to the first blank line; the description follows it).
 * Continuation lines start with whitespace; Metadata 2.1 prefixes them with `|`.
 */
function parseHeaders(text: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') break;
    if (/^[ \t]/.test(line) && current) {
      current[current.length - 1] += `\n${line.trim().replace(/^\|\s?/, '')}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`not a metadata header line: "${line.slice(0, 80)}"`);
    const key = line.slice(0, colon).trim().toLowerCase();
    current = headers.get(key) ?? [];
    current.push(line.slice(colon + 1).trim());
    headers.set(key, current);
  }
  return headers;
}
