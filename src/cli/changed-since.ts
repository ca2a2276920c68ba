import { execFileSync } from 'node:child_process';
import { UserError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import type { ScanResult } from '../core/result.js';
import type { Scanner } from '../core/scanner.js';

/** Lines added or changed in a file (1-based, inclusive), or every line of a new file. */
export type ChangedLines = readonly (readonly [number, number])[] | 'all';

/** What changed since a git ref, by path relative to the scan root. */
export interface Changes {
  ref: string;
  files: ReadonlyMap<string, ChangedLines>;
}

/**
 * The working tree's changes since the merge base of `ref` and HEAD (what a pull request adds),
 * plus untracked files. Deleted files are left out: there is nothing to analyse.
 */
export function changesSince(root: string, ref: string): Changes {
  const git = (...args: string[]) => runGit(root, args);
  if (git('rev-parse', '--is-inside-work-tree') === undefined)
    throw new UserError(`--changed-since: ${root} is not in a git work tree`);
  if (git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`) === undefined)
    throw new UserError(
      `--changed-since: '${ref}' is not a commit here`,
      'fetch the base first (e.g. git fetch origin main) and pass it as origin/main',
    );
  const base = git('merge-base', ref, 'HEAD')?.trim() || ref;
  const diff = git(
    '-c',
    'core.quotePath=false',
    'diff',
    '-U0',
    '--no-color',
    '--no-ext-diff',
    '--relative',
    '--diff-filter=d',
    base,
    '--',
  );
  const files = new Map<string, ChangedLines>(parseDiff(diff ?? ''));
  const untracked = git('ls-files', '--others', '--exclude-standard', '-z') ?? '';
  for (const path of untracked.split('\0').filter(Boolean)) files.set(path, 'all');
  return { ref, files };
}

/** stdout of a git command, or undefined when it fails. */
function runGit(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1 << 28,
    });
  } catch {
    return undefined;
  }
}

/** `+++ b/path` starts a file; `@@ -a,b +c,d @@` gives d new lines from line c (d = 0: a deletion). */
export function parseDiff(diff: string): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  let current: [number, number][] | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      current = target === '/dev/null' ? undefined : [];
      if (current) out.set(unquote(target).replace(/^b\//, ''), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (!hunk || !current) continue;
    const start = Number(hunk[1]);
    const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
    if (count > 0) current.push([start, start + count - 1]);
  }
  return out;
}

/** git quotes paths with unusual characters even with core.quotePath off. */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  return path
    .slice(1, -1)
    .replace(/\\(["\\])/g, '$1')
    .replace(/\\t/g, '\t')
    .replace(/\\n/g, '\n');
}

/** The scanners, each wanting only files that changed. */
export function onlyChangedFiles(scanners: readonly Scanner[], changes: Changes): Scanner[] {
  return scanners.map((s) => ({ ...s, wants: (f) => changes.files.has(f.path) && s.wants(f) }));
}

/**
 * Keeps the findings on changed lines: the finding's own lines, or any step of its dataflow
 * trace (a new source feeding an old sink is the change's doing). Findings without lines stay
 * when their file changed.
 */
export function keepChangedLines(result: ScanResult, changes: Changes): ScanResult {
  const findings = result.findings.filter((f) => touchesChange(f, changes));
  const dropped = result.findings.length - findings.length;
  const note = {
    level: 'info' as const,
    code: 'changed-since',
    message: `diff-aware scan since ${changes.ref}: ${changes.files.size} changed files; ${dropped} findings outside changed lines left out`,
  };
  return { ...result, findings, diagnostics: [...result.diagnostics, note] };
}

function touchesChange(f: Finding, changes: Changes): boolean {
  const { path, startLine, endLine } = f.location;
  if (startLine === undefined) return changes.files.has(path);
  if (inChange(changes, path, startLine, endLine ?? startLine)) return true;
  return (f.trace ?? []).some((s) => inChange(changes, s.path, s.line, s.line));
}

function inChange(changes: Changes, path: string, start: number, end: number): boolean {
  const lines = changes.files.get(path);
  if (!lines) return false;
  return lines === 'all' || lines.some(([a, b]) => a <= end && start <= b);
}
