import { isSupportedSpdxId } from '@cyclonedx/cyclonedx-library/SPDX';
import { normalizeLicense } from '../scanners/sca/licenses/normalize.js';

export type CdxLicenseChoice = { license: { id: string } | { name: string } } | { expression: string };

/**
 * CycloneDX takes either license objects (an SPDX id the schema lists, or a name) or exactly one
 * expression, never both. One declared expression becomes `expression`; several declared
 * licenses stay separate objects (what several declarations mean together is not known), with
 * any compound expression among them as a name, so reading the BOM back gives the same list.
 */
export function cdxLicenses(declared: readonly string[] | undefined): CdxLicenseChoice[] | undefined {
  const texts = (declared ?? [])
    .map((raw) => normalizeLicense(raw))
    .filter((n) => n.expression !== undefined || n.unknown !== undefined);
  if (texts.length === 0) return undefined;
  const only = texts[0]!;
  if (texts.length === 1 && only.expression && !isSupportedSpdxId(only.expression)) {
    return [{ expression: only.expression }];
  }
  return texts.map((t) =>
    t.expression && isSupportedSpdxId(t.expression)
      ? { license: { id: t.expression } }
      : { license: { name: (t.expression ?? t.unknown)! } },
  );
}
