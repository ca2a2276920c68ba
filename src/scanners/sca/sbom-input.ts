import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Package } from '../../core/package.js';
import type { ScanContext } from '../../core/scanner.js';
import { MAX_SBOM_BYTES } from '../../sbom/errors.js';
import { readSbom } from '../../sbom/read.js';

/** Packages from a CycloneDX or SPDX file given with `--sbom`; a bad file is a failed scan, said plainly. */
export function sbomPackages(path: string, ctx: ScanContext): Package[] {
  const size = statSync(path).size;
  if (size > MAX_SBOM_BYTES)
    throw new Error(`${path}: ${size} bytes is larger than any SBOM this scanner reads`);
  const { packages, warnings } = readSbom(readFileSync(path, 'utf8'), basename(path));
  for (const w of warnings) {
    ctx.report({ level: 'warning', code: 'sbom-warning', path: basename(path), message: w.message });
  }
  ctx.progress.advance(1, size);
  return packages;
}
