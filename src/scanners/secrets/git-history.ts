import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { FindingDraft } from '../../core/finding.js';
import type { ScanContext } from '../../core/scanner.js';
import type { Detector } from './detector.js';
import { type DraftPolicy, toDraft } from './drafts.js';
import { SecretMatcher } from './engine/matcher.js';
import { isBinaryPath, scanBuffer } from './file-scan.js';
import { type BlobIntro, blobIntroductions, blobSizes, readBlobs } from './git-objects.js';

function isRepository(root: string): boolean {
  try {
    execFileSync('git', ['-C', root, 'rev-parse', '--git-dir'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function isShallow(root: string): boolean {
  try {
    return (
      execFileSync('git', ['-C', root, 'rev-parse', '--is-shallow-repository'], {
        encoding: 'utf8',
      }).trim() === 'true'
    );
  } catch {
    return false;
  }
}

/**
 * Scans every blob introduced anywhere in the history once. A secret is reported once, at
 * the oldest commit that introduced it, however many later commits and paths still hold it.
 */
export async function* scanHistory(
  ctx: ScanContext,
  detectors: Detector[],
  policy: DraftPolicy,
): AsyncIterable<FindingDraft> {
  if (!isRepository(ctx.root)) {
    ctx.report({
      level: 'error',
      code: 'not-a-git-repository',
      message: `${ctx.root} is not a git repository; --git-history needs one`,
    });
    return;
  }
  if (isShallow(ctx.root)) {
    ctx.report({
      level: 'warning',
      code: 'shallow-clone',
      message:
        'shallow clone: only part of the history is scanned (in CI, fetch the full history, e.g. fetch-depth: 0)',
    });
  }
  const intros = await blobIntroductions(ctx.root);
  const sizes = await blobSizes(
    ctx.root,
    intros.map((b) => b.sha),
  );
  const wanted = intros.filter((b) => keep(b, sizes.get(b.sha) ?? 0, ctx));
  const byBlob = new Map(wanted.map((b) => [b.sha, b]));
  const matcher = new SecretMatcher(detectors);
  const first = new Map<string, FindingDraft>();
  await readBlobs(
    ctx.root,
    wanted.map((b) => b.sha),
    (sha, data) => {
      ctx.progress.advance(1, data.length);
      const intro = byBlob.get(sha)!;
      for (const m of scanBuffer(matcher, intro.path, data).matches) {
        const key = `${m.detectorId}\0${createHash('sha256').update(m.secret).digest('hex')}`;
        const seen = first.get(key);
        if (seen) {
          seen.properties = { ...seen.properties, blobs: Number(seen.properties?.blobs ?? 1) + 1 };
          continue;
        }
        const draft = toDraft(m, intro.path, policy, intro.commit);
        if (draft) first.set(key, draft);
      }
    },
  );
  yield* first.values();
}

function keep(b: BlobIntro, size: number, ctx: ScanContext): boolean {
  if (isBinaryPath(b.path)) return false;
  if (size <= ctx.scan.maxFileSize) return true;
  ctx.report({
    level: 'info',
    code: 'file-too-large',
    path: b.path,
    message: `blob ${b.sha.slice(0, 12)} (${size} bytes, commit ${b.commit.sha.slice(0, 12)}) is over max_file_size; skipped`,
  });
  return false;
}
