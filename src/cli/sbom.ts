import { randomUUID } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { loadConfig } from '../core/config.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { UserError } from '../core/errors.js';
import { gitTarget } from '../core/git-info.js';
import type { Package } from '../core/package.js';
import { toolVersion } from '../core/version.js';
import { toCycloneDx } from '../sbom/cyclonedx-write.js';
import type { SbomMeta } from '../sbom/meta.js';
import { toSpdx } from '../sbom/spdx-write.js';
import { inventory } from '../scanners/sca/inventory.js';
import { writeOutput } from './output.js';
import { EXIT_ERROR, EXIT_PASS, type RunState } from './program.js';
import { checkTarget } from './target.js';
import { uploadReport } from './upload.js';
import {
  addUploadOptions,
  reportUploaded,
  type UploadFlags,
  uploadContext,
  uploadTarget,
} from './upload-flags.js';

interface SbomFlags extends UploadFlags {
  format: 'cyclonedx' | 'spdx';
  output?: string;
  config?: string;
  exclude?: string[];
  name?: string;
  image?: string;
  platform?: string;
}

interface Inventory {
  packages: Package[];
  diagnostics: Diagnostic[];
  rootName: string;
  /** Where the git facts of an upload are read. */
  root: string;
}

function directoryInventory(path: string, flags: SbomFlags): Inventory {
  const root = checkTarget(path);
  const { config } = loadConfig(root, flags.config);
  const { packages, diagnostics } = inventory(root, config, flags.exclude ?? []);
  return { packages, diagnostics, rootName: flags.name ?? basename(root), root };
}

/** The image's OS packages first, then what language package managers installed in it. */
async function imageSbomInventory(path: string, image: string, flags: SbomFlags): Promise<Inventory> {
  if (path !== '.' || flags.exclude)
    throw new UserError(
      `--image lists an image, not ${flags.exclude ? 'with --exclude' : `the path ${path}`}`,
    );
  // Loaded only here: a directory's SBOM must not pay for the image readers.
  const { imageInventory, imagePackages } = await import('./image.js');
  const inv = await imageInventory(image, flags.platform);
  return {
    packages: imagePackages(inv),
    diagnostics: inv.diagnostics,
    rootName: flags.name ?? inv.image.repoTags[0] ?? basename(resolve(image)),
    root: process.cwd(),
  };
}

const CONTENT_TYPES = { cyclonedx: 'application/vnd.cyclonedx+json', spdx: 'application/spdx+json' };

export function registerSbom(program: Command, state: RunState): void {
  const cmd = program
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
    .option('--name <name>', 'name of the described project (default: the directory name, or the image tag)')
    .option('--image <image>', 'list the packages of a container image instead of a directory')
    .option('--platform <platform>', 'with --image: which platform of a multi-platform image');
  addUploadOptions(cmd, 'SBOM (the server keeps it as the branch’s components)').action(
    async (path: string, flags: SbomFlags) => {
      state.exitCode = await sbomCommand(path, flags);
    },
  );
}

async function sbomCommand(path: string, flags: SbomFlags): Promise<number> {
  const upload = uploadTarget(flags);
  const { packages, diagnostics, rootName, root } = flags.image
    ? await imageSbomInventory(path, flags.image, flags)
    : directoryInventory(path, flags);
  const meta: SbomMeta = {
    rootName,
    tool: { name: 'gatehouse', version: toolVersion() },
    timestamp: new Date().toISOString(),
    serialNumber: `urn:uuid:${randomUUID()}`,
  };
  const doc = flags.format === 'spdx' ? toSpdx(packages, meta) : toCycloneDx(packages, meta);
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  writeOutput(flags.output, text);
  for (const d of diagnostics.filter((x) => x.level !== 'info')) {
    process.stderr.write(`gatehouse: ${d.level}: ${d.path ? `${d.path}: ` : ''}${d.message}\n`);
  }
  if (flags.output)
    process.stderr.write(`gatehouse: ${packages.length} packages written to ${flags.output}\n`);
  const failed = diagnostics.some((d) => d.level === 'error');
  // A partial inventory would replace the branch's components on the server with fewer.
  if (upload && failed) {
    process.stderr.write('gatehouse: not uploaded: the inventory had errors (see above)\n');
    return EXIT_ERROR;
  }
  if (upload) {
    const context = uploadContext(flags, gitTarget(root));
    reportUploaded(
      await uploadReport(text, { ...upload, context, complete: true }, CONTENT_TYPES[flags.format]),
    );
  }
  return failed ? EXIT_ERROR : EXIT_PASS;
}
