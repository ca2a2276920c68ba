import { readFile } from 'node:fs/promises';
import type { FindingDraft } from '../../core/finding.js';
import type { FileEntry, ScanContext, Scanner } from '../../core/scanner.js';
import { analyse } from './analyse.js';
import { coreRule } from './core-rule.js';
import { loadCustomRules } from './custom/load.js';
import { isDisabled, parseIacOptions } from './options.js';
import { claimedByAny } from './parsers/index.js';
import type { SourceFile } from './parsers/parser.js';
import { IAC_RULES } from './rules/index.js';

export const iacScanner: Scanner = {
  name: 'iac',
  description:
    'Infrastructure as code: Terraform, Kubernetes, Helm/Kustomize output, Dockerfiles, compose, CloudFormation, IAM policies',
  rules: () => IAC_RULES.map(coreRule),
  projectRules: (root: string) => projectRules(root).map(coreRule),
  wants: (f: FileEntry) => claimedByAny(f.path),
  async *scan(ctx: ScanContext): AsyncIterable<FindingDraft> {
    const opts = parseIacOptions(ctx.options);
    const rules = [...IAC_RULES, ...projectRules(ctx.root)].filter((r) => !isDisabled(r.id, opts.disable));
    const files = await readSources(ctx);
    const { drafts, diagnostics } = await analyse(files, rules);
    for (const d of diagnostics) {
      const where = d.line ? ` (line ${d.line})` : '';
      ctx.report({ level: d.level, code: d.code, path: d.path, message: `${d.message}${where}` });
    }
    yield* drafts;
  },
};

const projectRules = (root: string) => loadCustomRules(root, new Set(IAC_RULES.map((r) => r.id)));

/** NUL bytes in the first 8 KiB: a binary file that happens to carry an IaC name. */
const isBinary = (buf: Buffer) => buf.subarray(0, 8192).includes(0);

async function readSources(ctx: ScanContext): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const f of ctx.files) {
    if (ctx.signal.aborted) break;
    try {
      const buf = await readFile(f.absPath);
      ctx.progress.advance(1, f.size);
      if (isBinary(buf)) {
        ctx.report({ level: 'info', code: 'binary-file', path: f.path, message: 'binary content; skipped' });
        continue;
      }
      out.push({ path: f.path, text: buf.toString('utf8').replace(/^\uFEFF/, '') });
    } catch (e) {
      ctx.report({
        level: 'warning',
        code: 'read-error',
        path: f.path,
        message: `cannot read (${(e as NodeJS.ErrnoException).code ?? e}); skipped`,
      });
    }
  }
  return out;
}
