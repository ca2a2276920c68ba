import { readFileSync } from 'node:fs';
import {
  analyseSource,
  type FileDiagnostic,
  type FlowStep,
  type SastRule,
  type Span,
} from './engine/index.js';
import { sourceKindOf } from './languages.js';
import { generatedByHeader, minified } from './skip.js';

/** A match as plain data, so it can cross from a worker thread. */
export interface PlainMatch {
  ruleId: string;
  span: Span;
  message: string;
  matchedText: string;
  flow?: readonly FlowStep[];
  /** The source lines of the match (at most three). */
  snippet: string;
}

export interface FileOutcome {
  path: string;
  bytes: number;
  matches: PlainMatch[];
  diagnostics: FileDiagnostic[];
}

/** Reads one file, skips it when it is not code a person wrote, and analyses it. Never throws. */
export function scanFile(
  abs: string,
  path: string,
  rules: readonly SastRule[],
  budgetMs: number,
): FileOutcome {
  const outcome: FileOutcome = { path, bytes: 0, matches: [], diagnostics: [] };
  const skip = (code: string, message: string) => {
    outcome.diagnostics.push({ level: 'info', code, message });
    return outcome;
  };
  let buf: Buffer;
  try {
    buf = readFileSync(abs);
  } catch (e) {
    outcome.diagnostics.push({
      level: 'warning',
      code: 'read-error',
      message: `cannot read (${(e as NodeJS.ErrnoException).code ?? e}); skipped`,
    });
    return outcome;
  }
  outcome.bytes = buf.length;
  if (buf.subarray(0, 8192).includes(0)) return skip('binary-file', 'binary content; skipped');
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  if (minified(text)) return skip('minified-file', 'minified or bundled code (very long lines); skipped');
  if (generatedByHeader(text)) return skip('generated-file', 'generated code (its header says so); skipped');
  const kind = sourceKindOf(path)!;
  const analysis = analyseSource(text, kind.parser, rules, { budgetMs });
  outcome.diagnostics.push(...analysis.diagnostics);
  const lines = text.split('\n');
  for (const m of analysis.matches) {
    const plain: PlainMatch = {
      ruleId: m.rule.id,
      span: m.span,
      message: m.message,
      matchedText: m.matchedText,
      snippet: snippet(lines, m.span),
    };
    if (m.flow) plain.flow = m.flow;
    outcome.matches.push(plain);
  }
  return outcome;
}

function snippet(lines: readonly string[], span: Span): string {
  const last = Math.min(span.endLine, span.startLine + 2);
  return lines
    .slice(span.startLine - 1, last)
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n');
}
