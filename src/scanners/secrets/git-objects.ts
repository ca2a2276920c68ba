import { spawn } from 'node:child_process';
import type { CommitInfo } from '../../core/finding.js';

export interface BlobIntro {
  sha: string;
  path: string;
  commit: CommitInfo;
}

const ZERO = /^0+$/;
const GITLINK = '160000';
const SYMLINK = '120000';

/**
 * Every blob that any commit on any ref introduced, with the oldest commit and path that
 * introduced it. One `git log --raw -z` over the whole history; no checkouts.
 */
export async function blobIntroductions(root: string): Promise<BlobIntro[]> {
  const args = [
    '-C',
    root,
    '-c',
    'core.quotePath=false',
    'log',
    '--all',
    '--reverse',
    '--no-renames',
    '--diff-merges=first-parent',
    '--raw',
    '--no-abbrev',
    '-z',
    '--format=%x1e%H%x1f%an%x1f%ae%x1f%aI',
  ];
  const out = await runGit(args);
  const intros = new Map<string, BlobIntro>();
  let commit: CommitInfo | undefined;
  const tokens = out.toString('utf8').split('\0');
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!.replace(/^\n+/, '');
    const header = tok.indexOf('\x1e');
    if (header !== -1) {
      const [sha, author, email, date] = tok.slice(header + 1).split('\x1f');
      commit = { sha: sha ?? '', author: author ?? '', email: email ?? '', date: (date ?? '').trim() };
      continue;
    }
    if (!tok.startsWith(':') || !commit) continue;
    const [, dstMode, , dst] = tok.slice(1).split(' ');
    const path = tokens[++i] ?? '';
    if (!dst || ZERO.test(dst) || dstMode === GITLINK || dstMode === SYMLINK || intros.has(dst)) continue;
    intros.set(dst, { sha: dst, path, commit });
  }
  return [...intros.values()];
}

/** Sizes of the given objects, in one `git cat-file --batch-check`. */
export async function blobSizes(root: string, shas: readonly string[]): Promise<Map<string, number>> {
  const out = await runGit(
    ['-C', root, 'cat-file', '--batch-check=%(objectname) %(objectsize)'],
    `${shas.join('\n')}\n`,
  );
  const sizes = new Map<string, number>();
  for (const line of out.toString('utf8').split('\n')) {
    const [sha, size] = line.split(' ');
    if (sha && size && /^\d+$/.test(size)) sizes.set(sha, Number(size));
  }
  return sizes;
}

/**
 * Streams blob contents from one `git cat-file --batch`, calling `onBlob` for each in the
 * order requested. `onBlob` runs synchronously inside the data handler, so git is never
 * read faster than blobs are scanned.
 */
export function readBlobs(
  root: string,
  shas: readonly string[],
  onBlob: (sha: string, data: Buffer) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const git = spawn('git', ['-C', root, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const parser = new BatchParser(onBlob);
    let stderr = '';
    git.stdout.on('data', (chunk: Buffer) => parser.push(chunk));
    git.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    git.on('error', reject);
    git.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`git cat-file failed (${code}): ${stderr.trim()}`)),
    );
    git.stdin.on('error', () => {});
    git.stdin.end(`${shas.join('\n')}\n`);
  });
}

/** Parses `<sha> <type> <size>\n<content>\n` records, across chunk boundaries. */
class BatchParser {
  private pending: Buffer[] = [];
  private pendingLen = 0;
  private current: { sha: string; size: number } | undefined;

  constructor(private readonly onBlob: (sha: string, data: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingLen += chunk.length;
    // A large blob arrives in many chunks: join them once, when it is complete.
    if (this.current && this.pendingLen < this.current.size + 1) return;
    let buf = this.pending.length === 1 ? chunk : Buffer.concat(this.pending, this.pendingLen);
    for (;;) {
      const consumed = this.step(buf);
      if (consumed === 0) break;
      buf = buf.subarray(consumed);
    }
    this.pending = buf.length > 0 ? [buf] : [];
    this.pendingLen = buf.length;
  }

  private step(buf: Buffer): number {
    if (!this.current) {
      const nl = buf.indexOf(10);
      if (nl === -1) return 0;
      const [sha, type, size] = buf.toString('utf8', 0, nl).split(' ');
      if (type === 'missing' || !sha) return nl + 1;
      this.current = { sha, size: Number(size) };
      return nl + 1;
    }
    if (buf.length < this.current.size + 1) return 0;
    this.onBlob(this.current.sha, buf.subarray(0, this.current.size));
    const used = this.current.size + 1;
    this.current = undefined;
    return used;
  }
}

function runGit(args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const git = spawn('git', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    git.stdout.on('data', (c: Buffer) => chunks.push(c));
    git.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    git.on('error', reject);
    git.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(chunks))
        : reject(new Error(`git ${args[3] ?? ''} failed: ${stderr.trim()}`)),
    );
    git.stdin.on('error', () => {});
    git.stdin.end(input ?? '');
  });
}
