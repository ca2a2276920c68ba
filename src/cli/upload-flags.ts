import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import type { ScanTarget } from '../core/result.js';
import { resolveContext } from './ci-env.js';
import { parseServerUrl, printable, tokenFromEnv, type UploadedScan } from './upload.js';

/** The flags that send a command's output to a Gatehouse server (`scan`, `sbom`). */
export interface UploadFlags {
  upload?: string;
  project?: string;
  repository?: string;
  branch?: string;
  commit?: string;
  pipelineId?: string;
  stage?: string;
}

/** Where `--upload` sends the output; checked before any work so a mistake costs none. */
export interface UploadTarget {
  url: string;
  project: string;
  token: string;
}

const CONTEXT_FLAGS = ['project', 'repository', 'branch', 'commit', 'pipelineId', 'stage'] as const;

export function addUploadOptions(cmd: Command, what: string): Command {
  return cmd
    .option('--upload <url>', `also upload the ${what} to this Gatehouse server (token: GATEHOUSE_TOKEN)`)
    .option('--project <name>', 'with --upload: the project on the server')
    .option('--repository <url>', 'with --upload: repository (default: from the CI, else the git remote)')
    .option('--branch <name>', 'with --upload: branch (default: from the CI, else the checkout)')
    .option('--commit <sha>', 'with --upload: commit (default: from the CI, else the checkout)')
    .option('--pipeline-id <id>', 'with --upload: CI pipeline id (default: from the CI)')
    .option('--stage <name>', 'with --upload: pipeline stage (default: from the CI job or stage)');
}

const flagName = (k: string) => `--${k === 'pipelineId' ? 'pipeline-id' : k}`;

/**
 * The upload target, or undefined without `--upload`; refuses the context flags without it
 * (`extra` names more flags that only make sense with an upload).
 */
export function uploadTarget<F extends UploadFlags>(
  flags: F,
  extra: readonly (keyof F & string)[] = [],
): UploadTarget | undefined {
  if (!flags.upload) {
    const stray = [...CONTEXT_FLAGS, ...extra].find(
      (k) => (flags as Record<string, unknown>)[k] !== undefined,
    );
    if (stray)
      throw new UserError(
        `${flagName(stray)} is only used with --upload`,
        'add --upload URL, or leave it out',
      );
    return undefined;
  }
  parseServerUrl(flags.upload, '--upload');
  if (!flags.project?.trim())
    throw new UserError('--upload needs --project NAME', 'the project the scan belongs to on the server');
  return { url: flags.upload, project: flags.project.trim(), token: tokenFromEnv(process.env, '--upload') };
}

/** Where the upload comes from: CI variables, overridden by flags, else the checkout's git facts. */
export function uploadContext(flags: UploadFlags, target: ScanTarget) {
  return resolveContext(process.env, target, {
    repository: flags.repository,
    branch: flags.branch,
    commit: flags.commit,
    pipelineId: flags.pipelineId,
    stage: flags.stage,
  });
}

export function reportUploaded(scan: UploadedScan): void {
  const again = scan.duplicate ? '; already uploaded' : '';
  process.stderr.write(`uploaded: ${printable(scan.url)} (${scan.new} new, ${scan.fixed} fixed${again})\n`);
}
