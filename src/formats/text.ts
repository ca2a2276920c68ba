/** Small text helpers shared by the formats. */

/**
 * C0/C1 control characters (but tab and newline), DEL, Unicode line separators and the
 * bidirectional overrides ("Trojan Source"): a path or message must not move the cursor,
 * recolour the terminal, break a line where none shows, or reorder what a reviewer reads.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const REPLACEMENT = '\ufffd';

/** User-controlled text made safe to print: newlines kept (CRLF and CR become LF). */
export function safeText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(UNSAFE, REPLACEMENT).replace(LONE_SURROGATE, REPLACEMENT);
}

/** User-controlled text on one line: newlines and tabs become spaces. */
export function oneLine(s: string): string {
  return safeText(s).replace(/[\n\t]+/g, ' ');
}

/** Cuts `s` to at most `max` characters, marking the cut with an ellipsis. */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** The first `n` non-empty lines of a text, each clipped, for "how to fix" hints. */
export function firstLines(text: string, n: number, maxLineLength = 160): string[] {
  const lines: string[] = [];
  for (const line of safeText(text).split('\n')) {
    const t = line.trim();
    if (t) lines.push(clip(t, maxLineLength));
    if (lines.length === n) break;
  }
  return lines;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function mebibytes(bytes: number): string {
  return (bytes / 1024 ** 2).toFixed(1);
}

/** Lone UTF-16 surrogates replaced, so the text can be encoded (URIs, UTF-8 files). */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, REPLACEMENT);
}
