import type { FindingDraft } from '../../core/finding.js';
import type { FileEntry, ScanContext, Scanner } from '../../core/scanner.js';
import type { Detector } from './detector.js';
import { DETECTORS } from './detectors/index.js';
import { type DraftPolicy, toDraft } from './drafts.js';
import { SecretMatcher } from './engine/matcher.js';
import { type FileOutcome, isBinaryPath, scanFile } from './file-scan.js';
import { scanHistory } from './git-history.js';
import { parseSecretsOptions, type SecretsOptions } from './options.js';
import { releaseWarm, scanInPool, warmUp } from './pool.js';
import { detectorRule } from './rules.js';
import { selectDetectors } from './select.js';

/** Below this much text, starting worker threads costs more than it saves. */
const POOL_MIN_BYTES = 16 * 1024 * 1024;

export const secretsScanner: Scanner = {
  name: 'secrets',
  description: 'Leaked credentials: provider tokens, private keys, passwords in code, config and git history',
  rules: () => DETECTORS.map(detectorRule),
  prepare(options, scan) {
    if (scan.gitHistory || scan.threads < 2) return;
    try {
      const opts = parseSecretsOptions(options);
      warmUp({ disable: opts.disable, generic: opts.generic }, scan.threads);
    } catch {
      // Invalid options are reported by scan(), with the rest of the scanner's diagnostics.
    }
  },
  wants: (f: FileEntry) => !isBinaryPath(f.path),
  scan(ctx: ScanContext): AsyncIterable<FindingDraft> {
    const opts = parseSecretsOptions(ctx.options);
    const detectors = selectDetectors(opts);
    const policy: DraftPolicy = {
      detectors: new Map(detectors.map((d) => [d.id, d])),
      allowValues: opts.allow_values.map((s) => new RegExp(s)),
    };
    return ctx.scan.gitHistory ? scanHistory(ctx, detectors, policy) : scanTree(ctx, opts, detectors, policy);
  },
};

async function* scanTree(
  ctx: ScanContext,
  opts: SecretsOptions,
  detectors: Detector[],
  policy: DraftPolicy,
): AsyncIterable<FindingDraft> {
  const drafts: FindingDraft[] = [];
  const onOutcome = (o: FileOutcome) => {
    ctx.progress.advance(1, o.bytes);
    if (o.error)
      ctx.report({
        level: 'warning',
        code: 'read-error',
        path: o.path,
        message: `cannot read (${o.error}); skipped`,
      });
    else if (o.skipped)
      ctx.report({ level: 'info', code: 'binary-file', path: o.path, message: 'binary content; skipped' });
    for (const m of o.matches) {
      const d = toDraft(m, o.path, policy);
      if (d) drafts.push(d);
    }
  };
  const bytes = ctx.files.reduce((n, f) => n + f.size, 0);
  if (ctx.scan.threads > 1 && bytes >= POOL_MIN_BYTES) {
    await scanInPool(
      ctx.files,
      { disable: opts.disable, generic: opts.generic },
      ctx.scan.threads,
      onOutcome,
      ctx.signal,
    );
  } else {
    await releaseWarm();
    const matcher = new SecretMatcher(detectors);
    for (const f of ctx.files) {
      if (ctx.signal.aborted) break;
      onOutcome(scanFile(matcher, f.absPath, f.path));
    }
  }
  yield* drafts;
}
