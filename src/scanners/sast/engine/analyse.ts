import type { NapiConfig, SgNode } from '@ast-grep/napi';
import { type Parser, parseSource } from '../languages.js';
import { mayMatch, wordsOf } from './anchors.js';
import { Budget, BudgetExceeded } from './budget.js';
import { searchTree } from './matcher.js';
import { interpolate, shortCode } from './message.js';
import { TAINT_LANGUAGES } from './taint/lang/index.js';
import { runTaint, type TaintInput } from './taint/run.js';
import { findUnits, type Units } from './taint/units.js';
import type { CompiledRule, SastMatch, SastRule, Span } from './types.js';

export interface FileDiagnostic {
  level: 'info' | 'warning';
  /** `parse-error`, `analysis-timeout` or `rule-error`. */
  code: string;
  message: string;
}

export interface FileAnalysis {
  matches: SastMatch[];
  diagnostics: FileDiagnostic[];
}

export interface AnalyseOptions {
  /** Time allowed for the whole file; when spent, what was found so far is kept. */
  budgetMs: number;
}

/**
 * Parses a file once and runs every rule for its grammar on the tree. Never throws: a rule that
 * fails, bad syntax and a spent budget become diagnostics.
 */
export function analyseSource(
  text: string,
  parser: Parser,
  rules: readonly SastRule[],
  opts: AnalyseOptions,
): FileAnalysis {
  const budget = new Budget(opts.budgetMs);
  let root: SgNode;
  try {
    root = parseSource(parser, text).root();
  } catch (e) {
    const message = `cannot be parsed (${(e as Error).message ?? e}); skipped`;
    return { matches: [], diagnostics: [{ level: 'warning', code: 'parse-error', message }] };
  }
  const out: FileAnalysis = { matches: [], diagnostics: syntaxDiagnostics(root) };
  const file = fileInput(root, text, parser, budget);
  for (const rule of rules) {
    const compiled = rule.compiled.get(parser);
    if (!compiled) continue;
    try {
      budget.check();
      out.matches.push(...runRule(rule, compiled, file));
    } catch (e) {
      out.diagnostics.push(failure(rule, e));
      if (e instanceof BudgetExceeded) break;
    }
  }
  return out;
}

/** What every rule reads of the file; the functions and tree searches are shared between rules. */
function fileInput(root: SgNode, text: string, parser: Parser, budget: Budget): TaintInput {
  const lang = TAINT_LANGUAGES[parser];
  let units: Units | undefined;
  const searches = new Map<string, SgNode[]>();
  const ascii = isAscii(text);
  return {
    root,
    text,
    words: wordsOf(text),
    lang,
    units: () => {
      units ??= findUnits(root, text, lang);
      return units;
    },
    tick: budget.tick,
    search: (m) => {
      const key = configKey(m.config);
      const found = searches.get(key) ?? searchTree(root, m, ascii);
      searches.set(key, found);
      return found;
    },
  };
}

const KEYS = new WeakMap<NapiConfig, string>();

/** Rules compile equal matchers to distinct objects: their text says they are the same search. */
function configKey(config: NapiConfig): string {
  const key = KEYS.get(config) ?? JSON.stringify(config);
  KEYS.set(config, key);
  return key;
}

/** Node texts are slices of the file's: in an ASCII file, the ASCII variants of regexes are exact. */
function isAscii(text: string): boolean {
  return !/[^\x00-\x7f]/.test(text);
}

function runRule(rule: SastRule, compiled: CompiledRule, file: TaintInput): SastMatch[] {
  if (compiled.mode === 'search')
    return mayMatch(compiled.matcher.anchors, file.words)
      ? file.search(compiled.matcher).map((m) => searchMatch(rule, m))
      : [];
  return runTaint(file, compiled.taint).map((hit) => ({
    ...searchMatch(rule, hit.site.node, { SOURCE: hit.source, SINK: shortCode(hit.site.node.text()) }),
    flow: hit.steps,
  }));
}

function failure(rule: SastRule, e: unknown): FileDiagnostic {
  if (e instanceof BudgetExceeded)
    return {
      level: 'warning',
      code: 'analysis-timeout',
      message: `${e.message} (at rule ${rule.id}); findings up to there are kept`,
    };
  return {
    level: 'warning',
    code: 'rule-error',
    message: `rule ${rule.id} failed on this file: ${(e as Error).message ?? e}`,
  };
}

function searchMatch(rule: SastRule, m: SgNode, extra: Record<string, string> = {}): SastMatch {
  const text = m.text();
  const message = interpolate(rule.message, m, { MATCH: shortCode(text), ...extra });
  return { rule, span: spanOf(m), message, matchedText: text };
}

/** 1-based; the end column is just past the match, as in the rest of Gatehouse. */
export function spanOf(n: SgNode): Span {
  const r = n.range();
  return {
    startLine: r.start.line + 1,
    startColumn: r.start.column + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.column + 1,
  };
}

/** tree-sitter recovers from bad syntax; say where it had to, as results past it may be partial. */
function syntaxDiagnostics(root: SgNode): FileDiagnostic[] {
  const error = root.find({ rule: { kind: 'ERROR' } });
  if (!error) return [];
  const line = error.range().start.line + 1;
  return [
    {
      level: 'info',
      code: 'parse-error',
      message: `syntax error at line ${line}; the rest of the file was analysed`,
    },
  ];
}
