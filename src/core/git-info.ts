import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ScanTarget } from './result.js';

function git(root: string, args: string[]): string | undefined {
  try {
    const out = execFileSync('git', ['-C', root, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    });
    return out.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Remote URLs may carry tokens (`https://user:token@host/...`): keep only host and path. */
export function stripCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}

export function gitTarget(root: string): ScanTarget {
  const target: ScanTarget = { root };
  const dir = statSync(root, { throwIfNoEntry: false })?.isFile() ? dirname(root) : root;
  if (git(dir, ['rev-parse', '--is-inside-work-tree']) !== 'true') return target;
  const remote = git(dir, ['config', '--get', 'remote.origin.url']);
  const branch = git(dir, ['rev-parse', '--abbrev-ref', 'HEAD']);
  const commit = git(dir, ['rev-parse', 'HEAD']);
  if (remote) target.repository = stripCredentials(remote);
  if (branch && branch !== 'HEAD') target.branch = branch;
  if (commit) target.commit = commit;
  return target;
}
