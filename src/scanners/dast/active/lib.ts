import { randomBytes, randomInt } from 'node:crypto';
import { around } from '../passive/lib/text.js';
import type { ConfirmedHit, Exchange, InsertionPoint } from '../types.js';

/**
 * Checks read at most this much of a body: reflections and error texts show up early, and a cap
 * keeps every check linear on the 200 MiB page a hostile server can send.
 */
export const READ_LIMIT = 1024 * 1024;

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** The media type without parameters, lower-case; '' when absent. */
export function mediaType(ex: Exchange): string {
  return (ex.response.headers['content-type']?.[0] ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Only a declared HTML type counts: a body without Content-Type might be sniffed as HTML by some
 * browser, but the app's pages all carry nosniff or a type, and guessing here would cost precision.
 */
export function isHtml(ex: Exchange): boolean {
  return HTML_TYPES.has(mediaType(ex));
}

/** The body as UTF-8 text, cut at READ_LIMIT. */
export function bodyText(ex: Exchange): string {
  const body = ex.response.body;
  return (body.length > READ_LIMIT ? body.subarray(0, READ_LIMIT) : body).toString('utf8');
}

export function header(ex: Exchange, name: string): string | undefined {
  return ex.response.headers[name]?.[0];
}

/**
 * A marker no page contains by chance: lower-case so it survives HTML's case folding of tag
 * names, starting with a letter so it is a valid tag and JavaScript identifier.
 */
export function marker(prefix = 'gh'): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(8);
  let out = prefix;
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/** Letters only: a frame for a computed number, so `1337` from a stock count does not match. */
export function letters(length = 4): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += String.fromCharCode(97 + (b % 26));
  return out;
}

/** Two three-digit factors whose product is not spelled by either factor. */
export function factors(): [number, number] {
  for (;;) {
    const a = randomInt(101, 999);
    const b = randomInt(101, 999);
    const product = String(a * b);
    if (!`${a}*${b}`.includes(product)) return [a, b];
  }
}

/** The excerpt around `needle` in `text`, on one line; the start of the text when absent. */
export function excerptAround(text: string, needle: string): string {
  const at = text.indexOf(needle);
  return around(text, Math.max(0, at), at < 0 ? 0 : needle.length);
}

export function hit(
  point: InsertionPoint,
  exchange: Exchange,
  message: string,
  evidence?: string,
): ConfirmedHit {
  return { message, param: point.name, exchange, ...(evidence ? { evidence } : {}) };
}

/** `query parameter \`q\``: how a message names the point. */
export function describePoint(point: InsertionPoint): string {
  switch (point.location) {
    case 'query':
      return `query parameter \`${point.name}\``;
    case 'form':
      return `form field \`${point.name}\``;
    case 'json':
      return `JSON property \`${point.name}\``;
    case 'path':
      return `path segment ${point.name}`;
  }
}
