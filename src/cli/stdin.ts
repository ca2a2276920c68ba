import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { gitTarget } from '../core/git-info.js';
import type { ScanResult } from '../core/result.js';
import { formatBytes } from '../core/size.js';

/** `gatehouse scan -`: the manifests `helm template` or `kustomize build` print. */
export const STDIN_TARGET = '-';
/** How reports name what came from standard input. */
export const STDIN_LABEL = '<stdin>';
/** The scanners choose files by name: a YAML name lets the IaC parsers claim the stream. */
const STDIN_FILE = 'stdin.yaml';

export interface StdinTarget {
  /** A temporary directory holding only `stdin.yaml`. */
  root: string;
  remove(): void;
}

async function readBounded(input: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > maxBytes)
      throw new UserError(
        `scan -: standard input is larger than max_file_size (${formatBytes(maxBytes)})`,
        'raise max_file_size in gatehouse.yml, or write the manifests to a file and scan that',
      );
    chunks.push(buf);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Copies standard input into a temporary directory, so the usual discovery and scanners run
 * on it. Empty input is an error: in a pipeline without `pipefail`, a failed `helm template`
 * prints nothing, and scanning nothing would pass the gate.
 */
export async function readStdinTarget(
  maxBytes: number,
  input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
): Promise<StdinTarget> {
  if (input.isTTY)
    throw new UserError(
      'scan -: standard input is a terminal',
      'pipe the manifests in, e.g. helm template ./chart | gatehouse scan -',
    );
  const data = await readBounded(input, maxBytes);
  if (data.length === 0)
    throw new UserError(
      'scan -: standard input is empty, nothing to scan',
      'check that the command before the pipe succeeded (set -o pipefail)',
    );
  const root = mkdtempSync(join(tmpdir(), 'gatehouse-stdin-'));
  writeFileSync(join(root, STDIN_FILE), data, { mode: 0o600 });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Reports say `<stdin>` rather than the temporary file, and name the directory gatehouse ran
 * in (the checkout, in CI) as the target. Fingerprints keep hashing `stdin.yaml`: they were
 * computed during the scan and stay stable from one run to the next, which is what baselines need.
 */
export function relabelStdin(result: ScanResult, cwd: string): void {
  for (const f of result.findings) if (f.location.path === STDIN_FILE) f.location.path = STDIN_LABEL;
  for (const d of result.diagnostics) if (d.path === STDIN_FILE) d.path = STDIN_LABEL;
  result.target = gitTarget(cwd);
}
