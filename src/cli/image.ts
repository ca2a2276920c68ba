import { existsSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { loadConfig } from '../core/config.js';
import { UserError } from '../core/errors.js';
import { SEVERITIES } from '../core/severity.js';
import { formatNames } from '../formats/index.js';
import { imageScanResult } from '../scanners/container/image-result.js';
import { type ImageInventory, readImageInventory } from '../scanners/container/read-image.js';
import { scanImage } from '../scanners/container/scan-image.js';
import { parseScaOptions } from '../scanners/sca/options.js';
import { finishScan, type GateFlags, loadGatePolicy } from './finish-scan.js';
import type { RunState } from './program.js';
import { addUploadOptions, uploadTarget } from './upload-flags.js';

export { imagePackages } from '../scanners/container/scan-image.js';

export interface ImageFlags extends GateFlags {
  platform?: string;
}

const IMAGE_HELP =
  'a `docker save` tarball, an OCI image layout (folder or tar) or an unpacked root filesystem folder';

export function registerImage(program: Command, state: RunState): void {
  const cmd = program
    .command('image')
    .description('Scan a container image: OS and language packages with their vulnerabilities, and hardening')
    .argument('<image>', IMAGE_HELP)
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames()).default('table'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--platform <platform>', 'for a multi-platform image: which one (default linux/amd64)')
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
  const path = checkImagePath(image);
  // The policy is the repository's, where the pipeline that built the image runs.
  const root = process.cwd();
  const { config, path: configPath } = loadConfig(root, flags.config);
  const gatePolicy = loadGatePolicy(config, configPath, root, flags);
  const { database } = parseScaOptions(config.sca, configPath);
  const startedAt = new Date();
  const scan = await scanImage(path, { database, ...(flags.platform ? { platform: flags.platform } : {}) });
  const result = imageScanResult(scan, path, startedAt);
  return finishScan(result, gatePolicy, root, flags, upload ? { to: upload, partial: false } : undefined);
}

/** The image's packages for `gatehouse sbom --image`. */
export function imageInventory(image: string, platform?: string): Promise<ImageInventory> {
  return readImageInventory(checkImagePath(image), platform ? { platform } : {});
}

/** `registry.example.com/team/app:1.4`, `app@sha256:…`: a tag or digest, which no file path needs. */
const REFERENCE =
  /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9._-]+)*(?::[\w.-]{1,128}|@sha256:[0-9a-f]{64})$/i;

/** A path that is not there is said plainly, and a registry reference gets the way around it. */
export function checkImagePath(image: string): string {
  if (existsSync(image)) return image;
  const save = `docker save ${REFERENCE.test(image) ? image : 'IMAGE'} -o image.tar`;
  if (REFERENCE.test(image))
    throw new UserError(
      `${image}: pulling images from a registry is not supported yet`,
      `save the image to a tarball and scan that: ${save} && gatehouse image image.tar`,
    );
  throw new UserError(`${image}: no such file or folder`, `give ${IMAGE_HELP} (for example: ${save})`);
}
