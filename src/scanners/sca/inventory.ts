import type { Config } from '../../core/config-schema.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { discover } from '../../core/discover.js';
import type { Package } from '../../core/package.js';
import type { ScanContext } from '../../core/scanner.js';
import { collectPackages } from './collect.js';
import { packageLicenses, purlWithoutQualifiers } from './licenses/index.js';
import { parserFor } from './lockfiles/index.js';

export interface Inventory {
  packages: Package[];
  diagnostics: Diagnostic[];
}

/** Every package the tree's lockfiles and manifests declare: what `gatehouse sbom` writes. */
export function inventory(root: string, config: Config, exclude: readonly string[] = []): Inventory {
  const found = discover(root, {
    exclude: [...config.exclude, ...exclude],
    maxFileSize: config.max_file_size,
    respectGitignore: true,
  });
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  const ctx: ScanContext = {
    root,
    files: found.files.filter((f) => parserFor(f.path) !== undefined),
    options: {},
    scan: { gitHistory: false, maxFileSize: config.max_file_size, threads: 1 },
    progress: { advance() {} },
    signal: new AbortController().signal,
    report: (d) => diagnostics.push({ ...d, scanner: 'sca' }),
  };
  const packages = collectPackages(ctx);
  const files = found.files.map((f) => f.path);
  return { packages: withInstalledLicenses(root, files, packages, diagnostics), diagnostics };
}

/** An SBOM names the licenses lockfiles do not record, from the installed packages' own manifests. */
function withInstalledLicenses(
  root: string,
  files: string[],
  packages: Package[],
  diagnostics: Diagnostic[],
): Package[] {
  const found = packageLicenses(root, files, packages, {
    onWarning: (path, message) =>
      diagnostics.push({ scanner: 'sca', level: 'warning', code: 'license-manifest', path, message }),
  });
  return packages.map((pkg) => {
    if (pkg.licenses?.length) return pkg;
    const key = purlWithoutQualifiers(pkg.purl);
    const licenses = key === undefined ? undefined : found.get(key);
    return licenses ? { ...pkg, licenses } : pkg;
  });
}
