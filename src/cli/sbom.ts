import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { type Command, Option } from 'commander';
import { loadConfig } from '../core/config.js';
import { toolVersion } from '../core/version.js';
import { toCycloneDx } from '../sbom/cyclonedx-write.js';
import type { SbomMeta } from '../sbom/meta.js';
import { toSpdx } from '../sbom/spdx-write.js';
import { inventory } from '../scanners/sca/inventory.js';
import { writeOutput } from './output.js';
import { EXIT_ERROR, EXIT_PASS, type RunState } from './program.js';
import { checkTarget } from './target.js';

interface SbomFlags {
  format: 'cyclonedx' | 'spdx';
  output?: string;
  config?: string;
  exclude?: string[];
  name?: string;
}

export function registerSbom(program: Command, state: RunState): void {
  program
    .command('sbom')
    .description(
      'Write a CycloneDX 1.6 or SPDX 2.3 JSON SBOM of the packages the lockfiles and manifests declare',
    )
    .argument('[path]', 'directory to inventory', '.')
    .addOption(
      new Option('-f, --format <format>', 'SBOM format').choices(['cyclonedx', 'spdx']).default('cyclonedx'),
    )
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('-c, --config <file>', 'policy file (for exclude and max_file_size)')
    .option('--exclude <glob...>', 'extra paths to leave out')
    .option('--name <name>', 'name of the described project (default: the directory name)')
    .action((path: string, flags: SbomFlags) => {
      state.exitCode = sbomCommand(path, flags);
    });
}

function sbomCommand(path: string, flags: SbomFlags): number {
  const root = checkTarget(path);
  const { config } = loadConfig(root, flags.config);
  const { packages, diagnostics } = inventory(root, config, flags.exclude ?? []);
  const meta: SbomMeta = {
    rootName: flags.name ?? basename(root),
    tool: { name: 'gatehouse', version: toolVersion() },
    timestamp: new Date().toISOString(),
    serialNumber: `urn:uuid:${randomUUID()}`,
  };
  const doc = flags.format === 'spdx' ? toSpdx(packages, meta) : toCycloneDx(packages, meta);
  writeOutput(flags.output, `${JSON.stringify(doc, null, 2)}\n`);
  for (const d of diagnostics.filter((x) => x.level !== 'info')) {
    process.stderr.write(`gatehouse: ${d.level}: ${d.path ? `${d.path}: ` : ''}${d.message}\n`);
  }
  if (flags.output)
    process.stderr.write(`gatehouse: ${packages.length} packages written to ${flags.output}\n`);
  return diagnostics.some((d) => d.level === 'error') ? EXIT_ERROR : EXIT_PASS;
}
