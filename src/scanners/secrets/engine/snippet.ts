import { redactText, redactValue } from '../../../core/redact.js';
import { lineEndAfter, lineStartBefore } from './lines.js';

const BEFORE = 80;
const AFTER = 160;

export interface SecretSpan {
  start: number;
  end: number;
  secret: string;
}

/**
 * The line holding a secret, cut to a window around it in bytes. Every byte of the window
 * that belongs to a secret span is replaced by that secret's redacted form, so a cut can
 * never leave part of a value behind.
 */
export function buildSnippet(b: Buffer, at: number, spans: readonly SecretSpan[]): string {
  const start = lineStartBefore(b, at, BEFORE + 1);
  const lineEnd = lineEndAfter(b, at, AFTER + 1);
  const ws = Math.max(start, at - BEFORE);
  const we = Math.min(lineEnd, at + AFTER);
  const inWindow = spans.filter((s) => s.start < we && s.end > ws).sort((x, y) => x.start - y.start);
  let text = '';
  let pos = ws;
  for (const s of inWindow) {
    if (s.start > pos) text += b.toString('utf8', pos, s.start);
    if (s.end > pos) text += redactValue(s.secret);
    pos = Math.max(pos, s.end);
  }
  if (pos < we) text += b.toString('utf8', pos, we);
  text = redactText(
    text.replace(/\r$/, ''),
    inWindow.map((s) => s.secret),
  );
  const cutBefore = ws > 0 && b[ws - 1] !== 10;
  const cutAfter = we < b.length && b[we] !== 10 && b[we] !== 13;
  return `${cutBefore ? '…' : ''}${text}${cutAfter ? '…' : ''}`;
}
