import type { Config } from '../../core/config-schema.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { discover } from '../../core/discover.js';
import type { Package } from '../../core/package.js';
import type { ScanContext } from '../../core/scanner.js';
import { collectPackages } from './collect.js';
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
  return { packages: collectPackages(ctx), diagnostics };
}
