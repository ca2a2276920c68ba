import type { Expr, Span, TemplatePart } from './ast.js';
import { HclSyntaxError, MAX_DEPTH } from './stream.js';

/** A template as read, before strip markers apply and directives nest. */
export type FlatItem = Span &
  (
    | { kind: 'lit'; value: string }
    | { kind: 'interp'; expr: Expr; stripL: boolean; stripR: boolean }
    | {
        kind: 'directive';
        word: 'if' | 'else' | 'endif' | 'for' | 'endfor';
        cond?: Expr;
        keyVar?: string;
        valueVar?: string;
        collection?: Expr;
        stripL: boolean;
        stripR: boolean;
      }
  );

export type Directive = Extract<FlatItem, { kind: 'directive' }>;

/**
 * `<<-EOT`: removes the smallest indentation of the lines from every line. A line that starts
 * with an interpolation has none; blank lines do not count and are left as they are.
 */
export function flushIndent(items: FlatItem[]): void {
  let min = Number.POSITIVE_INFINITY;
  const lineStarts: Extract<FlatItem, { kind: 'lit' }>[] = [];
  let atLineStart = true;
  for (const it of items) {
    if (atLineStart) {
      if (it.kind !== 'lit') min = 0;
      else {
        const indent = /^[ \t]*/.exec(it.value)![0].length;
        const blank = indent === it.value.length - 1 && it.value.endsWith('\n');
        if (!blank) {
          min = Math.min(min, indent);
          lineStarts.push(it);
        }
      }
    }
    atLineStart = it.kind === 'lit' && it.value.endsWith('\n');
  }
  if (min === 0 || min === Number.POSITIVE_INFINITY) return;
  for (const it of lineStarts) it.value = it.value.slice(min);
}

/** Applies `~` strip markers: whitespace of the adjacent literal goes, values are untouched. */
export function applyStrip(items: FlatItem[]): void {
  items.forEach((it, i) => {
    if (it.kind === 'lit') return;
    const before = items[i - 1];
    const after = items[i + 1];
    if (it.stripL && before?.kind === 'lit') before.value = before.value.trimEnd();
    if (it.stripR && after?.kind === 'lit') after.value = after.value.trimStart();
  });
}

/** Nests `%{if}…%{else}…%{endif}` and `%{for}…%{endfor}` into template parts. */
export function nestDirectives(items: FlatItem[]): TemplatePart[] {
  const r = build(items, 0, [], 0);
  if (r.stop) throw unexpected(r.stop);
  return r.parts;
}

interface Built {
  parts: TemplatePart[];
  next: number;
  stop?: Directive;
}

function unexpected(d: Directive): HclSyntaxError {
  return new HclSyntaxError(`unexpected %{ ${d.word} } without its opening directive`, d.line, d.col);
}

function build(items: FlatItem[], from: number, stopAt: readonly string[], depth: number): Built {
  if (depth > MAX_DEPTH) {
    const d = items[from - 1] as Directive;
    throw new HclSyntaxError(`template directives nested deeper than ${MAX_DEPTH} levels`, d.line, d.col);
  }
  const parts: TemplatePart[] = [];
  let i = from;
  while (i < items.length) {
    const it = items[i]!;
    if (it.kind === 'lit') {
      const prev = parts[parts.length - 1];
      if (prev?.kind === 'lit') {
        prev.value += it.value;
        prev.end = it.end;
        prev.endLine = it.endLine;
      } else if (it.value) parts.push(withSpan({ kind: 'lit', value: it.value }, it));
      i++;
    } else if (it.kind === 'interp') {
      parts.push(withSpan({ kind: 'interp', expr: it.expr }, it));
      i++;
    } else if (stopAt.includes(it.word)) return { parts, next: i, stop: it };
    else if (it.word === 'if') {
      const yes = build(items, i + 1, ['else', 'endif'], depth + 1);
      let no: Built = { parts: [], next: yes.next, ...(yes.stop ? { stop: yes.stop } : {}) };
      if (yes.stop?.word === 'else') no = build(items, yes.next + 1, ['endif'], depth + 1);
      if (no.stop?.word !== 'endif') throw missing(it, 'endif');
      parts.push(withSpan({ kind: 'if', cond: it.cond!, ifTrue: yes.parts, ifFalse: no.parts }, it, no.stop));
      i = no.next + 1;
    } else if (it.word === 'for') {
      const body = build(items, i + 1, ['endfor'], depth + 1);
      if (!body.stop) throw missing(it, 'endfor');
      const part = {
        kind: 'for' as const,
        valueVar: it.valueVar!,
        collection: it.collection!,
        body: body.parts,
      };
      parts.push(withSpan(it.keyVar === undefined ? part : { ...part, keyVar: it.keyVar }, it, body.stop));
      i = body.next + 1;
    } else throw unexpected(it);
  }
  return { parts, next: i };
}

/** `part` with the span of `from`, or from `from` to the end of `to` (set in place: templates are many). */
function withSpan<T extends object>(part: T, from: Span, to: Span = from): T & Span {
  const p = part as T & Span;
  p.line = from.line;
  p.col = from.col;
  p.start = from.start;
  p.endLine = to.endLine;
  p.end = to.end;
  return p;
}

function missing(d: Directive, word: string): HclSyntaxError {
  return new HclSyntaxError(`%{ ${d.word} } without its closing %{ ${word} }`, d.line, d.col);
}
