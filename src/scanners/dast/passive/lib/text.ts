import type { Exchange, PassiveContext } from '../../types.js';

/**
 * Rules read at most this much of a body: secrets, traces and listings show up early, and a cap
 * keeps every rule linear on the 200 MiB pages a hostile server can send.
 */
export const SCAN_LIMIT = 1024 * 1024;

/** The first SCAN_LIMIT characters of the body. */
export function bodyText(ctx: PassiveContext): string {
  const text = ctx.text();
  return text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;
}

const TEXT_TYPES = /^text\/|[/+](?:json|xml)$|javascript|ecmascript/;

/**
 * Whether the body is meant to be read as text. A body without a Content-Type counts when its
 * first bytes hold no NUL, so binary files do not get searched for IP addresses and keys.
 */
export function isTextual(ex: Exchange, ctx: PassiveContext): boolean {
  if (ctx.contentType) return TEXT_TYPES.test(ctx.contentType);
  return !ex.response.body.subarray(0, 512).includes(0);
}

/** A secret's first four characters and an ellipsis: enough to recognise it, not to use it. */
export function redact(value: string): string {
  return value.length >= 12 ? `${value.slice(0, 4)}…` : '…';
}

/** One line of at most `max` characters. */
export function clip(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The text around a match, on one line. */
export function around(text: string, index: number, length: number, radius = 60): string {
  const start = Math.max(0, index - radius);
  const end = Math.min(text.length, index + length + radius);
  return clip(`${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`);
}

const NAMED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: ' ' };

/** Decodes the entities error pages use to escape code; unknown ones stay as they are. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,6});/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * The text of an HTML document: tags become spaces (so `<dt>API key</dt><dd>…` keeps its words
 * apart) and entities are decoded. A hand-written scan, because `/<[^>]*>/g` is quadratic on a
 * body made of `<` without `>`.
 */
export function htmlToText(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open < 0) {
      out += html.slice(i);
      break;
    }
    const close = html.indexOf('>', open + 1);
    if (close < 0) {
      out += html.slice(i);
      break;
    }
    out += `${html.slice(i, open)} `;
    i = close + 1;
  }
  return decodeEntities(out);
}

/** Bits of Shannon entropy per character. */
export function entropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * A value that looks generated (a session id, an API token) rather than chosen by a person
 * (`2`, `whitespace`, `dark-mode`): long, mixing letters and digits, and not repetitive.
 */
export function looksLikeSecret(value: string): boolean {
  return value.length >= 16 && /\d/.test(value) && /[a-zA-Z]/.test(value) && entropy(value) >= 3;
}
