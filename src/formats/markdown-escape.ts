import { oneLine, safeText } from './text.js';

/** `&`, `<` and `>` as entities: text a Markdown renderer must not read as HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * User-controlled text (paths, messages) inside Markdown, on one line: no HTML, no emphasis,
 * code, links or table breaks, and no @-mentions (a PR comment must not notify people).
 */
export function mdText(s: string): string {
  return escapeHtml(oneLine(s))
    .replace(/[\\`*_[\]~|#!]/g, '\\$&')
    .replace(/@(?=[A-Za-z0-9])/g, '@\u200b');
}

/** Like `mdText`, keeping line breaks as `<br>` (for table cells). */
export function mdLines(s: string): string {
  return safeText(s)
    .split('\n')
    .map((line) => mdText(line))
    .join('<br>');
}

/**
 * A code span around `s`: a fence longer than any backtick run inside. In a table cell a pipe
 * must still be escaped (GFM splits rows before it reads code spans).
 */
export function mdCode(s: string, inTable = false): string {
  const text = inTable ? oneLine(s).replace(/\|/g, '\\|') : oneLine(s);
  const fence = '`'.repeat(longestRun(text, '`') + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block (at least three backticks, more when the content holds a run of them). */
export function mdFence(lang: string, lines: readonly string[]): string[] {
  const fence = '`'.repeat(Math.max(3, ...lines.map((l) => longestRun(l, '`') + 1)));
  return [`${fence}${lang}`, ...lines, fence];
}

function longestRun(s: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of s) {
    run = c === ch ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}
