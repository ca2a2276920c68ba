import type { FindingDraft } from '../../core/finding.js';
import { evaluate, indexRules } from './evaluate.js';
import type { IacDocument } from './model.js';
import { PARSERS } from './parsers/index.js';
import type { IacParser, ParseDiagnostic, SourceFile } from './parsers/parser.js';
import type { IacRule } from './rule.js';

export interface Analysis {
  documents: IacDocument[];
  drafts: FindingDraft[];
  diagnostics: ParseDiagnostic[];
}

/** The files each parser takes: claimed by name, accepted by content. A file may go to several. */
function assign(files: readonly SourceFile[], parsers: readonly IacParser[]): Map<IacParser, SourceFile[]> {
  const out = new Map<IacParser, SourceFile[]>();
  for (const f of files)
    for (const p of parsers) {
      if (!p.claims(f.path) || (p.accepts && !p.accepts(f.text, f.path))) continue;
      const list = out.get(p);
      if (list) list.push(f);
      else out.set(p, [f]);
    }
  return out;
}

/** Parses the files and runs the rules: the whole IaC scan without the discovery walk (the webhook uses it too). */
export async function analyse(
  files: readonly SourceFile[],
  rules: readonly IacRule[],
  parsers: readonly IacParser[] = PARSERS,
): Promise<Analysis> {
  const documents: IacDocument[] = [];
  const diagnostics: ParseDiagnostic[] = [];
  for (const [parser, mine] of assign(files, parsers)) {
    try {
      const r = await parser.parse(mine);
      documents.push(...r.documents);
      diagnostics.push(...r.diagnostics);
    } catch (e) {
      // A parser bug must not cost the other formats their findings.
      for (const f of mine)
        diagnostics.push({
          level: 'error',
          code: 'parser-failed',
          path: f.path,
          message: `${parser.name}: ${e}`,
        });
    }
  }
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const split = new Map<string, string[]>();
  const lines = (path: string) => {
    let l = split.get(path);
    if (!l) {
      l = texts.get(path)?.split(/\r?\n/) ?? [];
      split.set(path, l);
    }
    return l;
  };
  const { drafts, failures } = evaluate(documents, indexRules(rules), lines);
  for (const f of failures)
    diagnostics.push({
      level: 'error',
      code: 'rule-failed',
      path: f.path,
      message: `rule ${f.ruleId} failed on ${f.address}: ${f.error}`,
    });
  return { documents, drafts, diagnostics };
}
