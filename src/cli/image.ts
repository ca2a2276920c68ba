import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { loadConfig } from '../core/config.js';
import { UserError } from '../core/errors.js';
import { SEVERITIES } from '../core/severity.js';
import { formatNames } from '../formats/index.js';
import { imageScanResult } from '../scanners/container/image-result.js';
import {
  type ImageInventory,
  type ReadInventoryOptions,
  readImageInventory,
} from '../scanners/container/read-image.js';
import { pullImage } from '../scanners/container/registry/pull.js';
import { parseReference } from '../scanners/container/registry/reference.js';
import { scanImage } from '../scanners/container/scan-image.js';
import { parseScaOptions } from '../scanners/sca/options.js';
import { finishScan, type GateFlags, loadGatePolicy } from './finish-scan.js';
import type { RunState } from './program.js';
import { addUploadOptions, uploadTarget } from './upload-flags.js';

export { imagePackages } from '../scanners/container/scan-image.js';

export interface ImageFlags extends GateFlags {
  platform?: string;
  plainHttp?: boolean;
}

const IMAGE_HELP =
  'a `docker save` tarball, an OCI image layout (folder or tar), an unpacked root filesystem folder, or a registry reference (registry.example.com/team/app:1.4, app@sha256:…)';

export function registerImage(program: Command, state: RunState): void {
  const cmd = program
    .command('image')
    .description('Scan a container image: OS and language packages with their vulnerabilities, and hardening')
    .argument('<image>', IMAGE_HELP)
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames()).default('table'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--platform <platform>', 'for a multi-platform image: which one (default linux/amd64)')
    .option('--plain-http', 'pull from the registry over plain HTTP (default: HTTPS, except on localhost)')
    .option('--baseline <file>', 'a previous JSON or SARIF report: only findings not in it gate')
    .option(
      '-c, --config <file>',
      'policy file (default: gatehouse.yml in the current directory, if present)',
    )
    .option(
      '--fail-on <severity>',
      `lowest severity that blocks: ${SEVERITIES.join('|')}|none (overrides gate.fail_on)`,
    )
    .option('--no-color', 'no ANSI colours in the table');
  addUploadOptions(cmd, 'JSON report').action(async (image: string, flags: ImageFlags) => {
    state.exitCode = await imageScanCommand(image, flags);
  });
}

/** `gatehouse image IMAGE` and `gatehouse scan --image IMAGE`: the same gate as a directory scan. */
export async function imageScanCommand(image: string, flags: ImageFlags): Promise<number> {
  const upload = uploadTarget(flags);
  // The policy is the repository's, where the pipeline that built the image runs.
  const root = process.cwd();
  const { config, path: configPath } = loadConfig(root, flags.config);
  const gatePolicy = loadGatePolicy(config, configPath, root, flags);
  const { database } = parseScaOptions(config.sca, configPath);
  const startedAt = new Date();
  const scan = await withImage(image, flags, (path, options) => scanImage(path, { database, ...options }));
  const result = imageScanResult(scan, existsSync(image) ? resolve(image) : root, startedAt);
  return finishScan(result, gatePolicy, root, flags, upload ? { to: upload, partial: false } : undefined);
}

/** The image's packages for `gatehouse sbom --image`. */
export function imageInventory(image: string, platform?: string): Promise<ImageInventory> {
  return withImage(image, platform ? { platform } : {}, readImageInventory);
}

/**
 * Hands the reader a path: the image's own, or a temporary layout pulled from the registry the
 * reference names, removed once read (also when reading fails).
 */
async function withImage<T>(
  image: string,
  flags: Pick<ImageFlags, 'platform' | 'plainHttp'>,
  read: (path: string, options: ReadInventoryOptions) => Promise<T>,
): Promise<T> {
  const platform = flags.platform ? { platform: flags.platform } : {};
  if (checkImagePath(image) === 'path') return read(image, platform);
  const pulled = await pullImage(image, { ...platform, ...(flags.plainHttp ? { plainHttp: true } : {}) });
  try {
    return await read(pulled.layout, {
      ...platform,
      pulled: { reference: pulled.reference, diagnostics: pulled.diagnostics },
    });
  } finally {
    await pulled.remove();
  }
}

/**
 * A path that exists is read as one; otherwise a registry reference is pulled. Something that is
 * neither is said plainly: a path that is not there, or a reference that is malformed.
 */
export function checkImagePath(image: string): 'path' | 'reference' {
  if (existsSync(image)) return 'path';
  if (image.includes(':') || image.includes('@')) {
    const ref = parseReference(image);
    if (typeof ref !== 'string') return 'reference';
    throw new UserError(
      `${image}: no such file or folder, and not an image reference: ${ref}`,
      `give ${IMAGE_HELP}`,
    );
  }
  throw new UserError(
    `${image}: no such file or folder`,
    `give ${IMAGE_HELP}; a reference names its tag or digest (${image}:latest)`,
  );
}
