import { leaves, parseExpression } from '../scanners/sca/licenses/expression.js';
import { normalizeLicense } from '../scanners/sca/licenses/normalize.js';
import { compare } from './graph.js';
import { idSafe, sha256Hex } from './meta.js';

export interface SpdxExtractedLicense {
  licenseId: string;
  extractedText: string;
  name?: string;
}

/**
 * Declared licenses as one SPDX expression, and the `LicenseRef-` definitions it needs. Text that
 * names no SPDX license becomes `LicenseRef-<slug>-<hash>` whose `name` and text are the
 * declaration; a `LicenseRef-` the package itself declared gets a definition without a name
 * (the text is not known). Several declared licenses are joined with AND: all of them apply.
 */
export class SpdxLicenses {
  private readonly defined = new Map<string, SpdxExtractedLicense>();

  declared(licenses: readonly string[] | undefined): string {
    const parts = (licenses ?? []).flatMap((raw) => this.part(raw));
    if (parts.length === 0) return 'NOASSERTION';
    if (parts.length === 1) return parts[0]!;
    return parts.map((p) => (/ (?:AND|OR) /.test(p) ? `(${p})` : p)).join(' AND ');
  }

  /** The `hasExtractedLicensingInfos` entries, sorted. */
  extracted(): SpdxExtractedLicense[] {
    return [...this.defined.values()].sort((a, b) => compare(a.licenseId, b.licenseId));
  }

  private part(raw: string): string[] {
    const { expression, unknown } = normalizeLicense(raw);
    if (unknown !== undefined) return [this.forText(unknown)];
    if (expression === undefined) return [];
    // DocumentRef- licenses live in another document this one does not reference: keep the text.
    if (expression.includes('DocumentRef-')) return [this.forText(expression)];
    for (const leaf of leaves(parseExpression(expression)!)) {
      if (leaf.license.startsWith('LicenseRef-') && !this.defined.has(leaf.license)) {
        this.defined.set(leaf.license, {
          licenseId: leaf.license,
          extractedText: `The package declares ${leaf.license}; its text was not available.`,
        });
      }
    }
    return [expression];
  }

  private forText(text: string): string {
    const slug = idSafe(text, 40);
    const licenseId = `LicenseRef-${slug ? `${slug}-` : ''}${sha256Hex(text).slice(0, 8)}`;
    this.defined.set(licenseId, { licenseId, extractedText: text, name: text });
    return licenseId;
  }
}
