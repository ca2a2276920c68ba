import type { z } from 'zod';
import type { Package } from '../core/package.js';
import { normalizeLicense } from '../scanners/sca/licenses/normalize.js';
import { SbomError, type SbomWarning } from './errors.js';
import { packageFromPurl } from './purl-package.js';

/** Checks the parts of the document Gatehouse reads; the error names the file and the JSON path. */
export function parseShape<T>(schema: z.ZodType<T>, value: unknown, path: string, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const at = issue.path.reduce<string>(
    (s, p) => (typeof p === 'number' ? `${s}[${p}]` : `${s}${s ? '.' : ''}${String(p)}`),
    where,
  );
  throw new SbomError(path, `${at || 'document'}: ${issue.message}`);
}

/** Components left out, grouped by reason, so a 10,000-file image SBOM gives a few warnings, not 10,000. */
export class SkippedComponents {
  private readonly byReason = new Map<string, string[]>();

  add(reason: string, name: string): void {
    const names = this.byReason.get(reason) ?? [];
    names.push(name);
    this.byReason.set(reason, names);
  }

  warnings(): SbomWarning[] {
    return [...this.byReason.entries()].map(([reason, names]) => {
      const shown = names.slice(0, 5).join(', ');
      const more = names.length > 5 ? `, and ${names.length - 5} more` : '';
      return { message: `${names.length} component(s) skipped, ${reason}: ${shown}${more}` };
    });
  }
}

/** A declared license as `Package.licenses` holds it: the SPDX expression, or the text. */
export function declaredLicense(text: string): string | undefined {
  const { expression, unknown } = normalizeLicense(text);
  return expression ?? unknown;
}

export interface PackageFields {
  purl: string | undefined;
  /** The version the SBOM states besides the purl's. */
  version?: string;
  displayName: string;
  key: string;
  source: Package['source'];
}

/** The package a purl names, or why it is left out (recorded in `skipped`). */
export function packageOf(fields: PackageFields, skipped: SkippedComponents): Package | undefined {
  if (!fields.purl) {
    skipped.add('no purl', fields.displayName);
    return undefined;
  }
  const found = packageFromPurl(fields.purl);
  if ('skipped' in found) {
    skipped.add(found.skipped, fields.displayName);
    return undefined;
  }
  const version = found.version || fields.version || '';
  return { ...found, version, resolved: version !== '', key: fields.key, source: fields.source };
}

/** Keys must be unique within a lockfile path; a BOM may repeat a bom-ref or lack one. */
export class KeyAllocator {
  private readonly used = new Set<string>();

  allocate(path: string, key: string): string {
    let candidate = key;
    for (let n = 2; this.used.has(`${path}\0${candidate}`); n++) candidate = `${key}#${n}`;
    this.used.add(`${path}\0${candidate}`);
    return candidate;
  }
}
