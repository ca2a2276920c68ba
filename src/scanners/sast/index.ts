import type { FindingDraft } from '../../core/finding.js';
import type { FileEntry, ScanContext, Scanner } from '../../core/scanner.js';
import { toDraft } from './drafts.js';
import { type FileOutcome, scanFile } from './file-scan.js';
import { builtinRules, coreRule, projectRules } from './format/index.js';
import { sourceKindOf } from './languages.js';
import { parseSastOptions, type SastOptions } from './options.js';
import { scanInPool } from './pool.js';
import { generatedByName, vendoredFolder } from './skip.js';

/** Below this much code, starting worker threads (each compiles the rules) costs more than it saves. */
const POOL_MIN_BYTES = 1024 * 1024;

export const sastScanner: Scanner = {
  name: 'sast',
  description:
    'Static analysis of JavaScript/TypeScript, Python, Go and Java: injection and misuse, with source-to-sink dataflow',
  rules: () => builtinRules().map(coreRule),
  projectRules: (root: string) => projectRules(root).map(coreRule),
  wants: (f: FileEntry) => sourceKindOf(f.path) !== undefined,
  scan: (ctx: ScanContext) => scanTree(ctx, parseSastOptions(ctx.options)),
};

async function* scanTree(ctx: ScanContext, opts: SastOptions): AsyncIterable<FindingDraft> {
  const disabled = new Set(opts.disable);
  const rules = [...builtinRules(), ...projectRules(ctx.root)].filter((r) => !disabled.has(r.id));
  const files = selectFiles(ctx, opts);
  const drafts: FindingDraft[] = [];
  const onOutcome = (o: FileOutcome) => {
    ctx.progress.advance(1, o.bytes);
    for (const d of o.diagnostics) ctx.report({ ...d, path: o.path });
    for (const m of o.matches) drafts.push(toDraft(m, o.path));
  };
  const bytes = files.reduce((n, f) => n + f.size, 0);
  if (ctx.scan.threads > 1 && bytes >= POOL_MIN_BYTES)
    await scanInPool(
      files,
      { root: ctx.root, disable: opts.disable, budgetMs: opts.file_budget_ms },
      ctx.scan.threads,
      onOutcome,
      ctx.signal,
    );
  else
    for (const f of files) {
      if (ctx.signal.aborted) break;
      onOutcome(scanFile(f.absPath, f.path, rules, opts.file_budget_ms));
    }
  yield* drafts;
}

/** Leaves out vendored, generated and oversized files, saying so. */
function selectFiles(ctx: ScanContext, opts: SastOptions): FileEntry[] {
  const out: FileEntry[] = [];
  const vendored = new Map<string, number>();
  for (const f of ctx.files) {
    const folder = vendoredFolder(f.path);
    if (folder) vendored.set(folder, (vendored.get(folder) ?? 0) + 1);
    else if (generatedByName(f.path))
      ctx.report({
        level: 'info',
        code: 'generated-file',
        path: f.path,
        message: 'generated or minified code (by its name); skipped',
      });
    else if (f.size > opts.max_file_size)
      ctx.report({
        level: 'info',
        code: 'file-too-large',
        path: f.path,
        message: `${f.size} bytes is over sast.max_file_size (${opts.max_file_size}); skipped`,
      });
    else out.push(f);
  }
  if (vendored.size > 0) {
    const folders = [...vendored].map(([name, n]) => `${name}/ (${n})`).join(', ');
    ctx.report({
      level: 'info',
      code: 'vendored-skipped',
      message: `skipped code in vendored, build and rule-test folders: ${folders}`,
    });
  }
  return out;
}
