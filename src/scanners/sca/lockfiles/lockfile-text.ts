import { posix } from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { LineIndex } from './line-index.js';
import { LockfileError, MAX_LOCKFILE_BYTES } from './parser.js';

/** Refuses text no real lockfile reaches before any parser allocates a tree for it. */
export function assertLockfileSize(text: string): void {
  if (text.length > MAX_LOCKFILE_BYTES) {
    throw new LockfileError(
      `file is larger than ${MAX_LOCKFILE_BYTES / 1024 / 1024} MiB; refusing to parse it`,
    );
  }
}

/**
 * A TOML document as a plain object. The library's message embeds the offending source lines;
 * only its first line is kept so file content never reaches a report.
 */
export function parseTomlDocument(text: string): Record<string, unknown> {
  assertLockfileSize(text);
  try {
    return parseToml(text, { maxDepth: 64, unsafeKeyBehaviour: 'drop' }) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.split('\n', 1)[0]!.replace(/^Invalid TOML document: /, '');
    throw new LockfileError(`not valid TOML: ${reason}`, error.line);
  }
}

/** A JSON document; V8 quotes the input in its messages, so the quote is cut before reporting. */
export function parseJsonDocument(text: string): unknown {
  assertLockfileSize(text);
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const reason = error.message.replace(/, ".*" is not valid JSON$/s, '');
    const position = /at position (\d+)/.exec(reason);
    const line = position ? new LineIndex(text).lineOf(Number(position[1])) : undefined;
    throw new LockfileError(`not valid JSON: ${reason}`, line);
  }
}

/** Path of a file in the same folder, relative to the scan root like the lockfile's own path. */
export function siblingPath(path: string, name: string): string {
  const dir = posix.dirname(path);
  return dir === '.' ? name : `${dir}/${name}`;
}

/**
 * Line numbers of every `[[name]]` header. TOML parsers do not report positions, so parsers map
 * the n-th array entry to the n-th header — and only when the counts agree, since inline arrays
 * (`package = [{...}]`) or headers inside multi-line strings would shift the mapping.
 */
export function arrayTableLines(text: string, name: string, count: number): (number | undefined)[] {
  const header = new RegExp(
    `^[ \\t]*\\[\\[[ \\t]*${name.replace(/\./g, '\\.')}[ \\t]*\\]\\][ \\t]*(?:#.*)?$`,
  );
  const lines: number[] = [];
  let line = 1;
  let counted = 0;
  // Only lines holding `[[` are looked at, each once, and newlines are counted up to the last header.
  for (let at = text.indexOf('[['); at !== -1; ) {
    const start = text.lastIndexOf('\n', at) + 1;
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    if (header.test(text.slice(start, end).replace(/\r$/, ''))) {
      for (let i = text.indexOf('\n', counted); i !== -1 && i < start; i = text.indexOf('\n', i + 1)) line++;
      counted = start;
      lines.push(line);
    }
    at = text.indexOf('[[', end);
  }
  return lines.length === count ? lines : new Array<undefined>(count).fill(undefined);
}

/** A line with something on it: its text from the first non-blank character, without `\r`. */
export interface TextLine {
  text: string;
  /** 1-based. */
  line: number;
  /** Whether blanks preceded the text on its line. */
  indented: boolean;
}

/**
 * The lines that are not blank, found by a regular-expression scan instead of splitting: a file
 * padded with millions of empty lines costs no string per empty line.
 */
export function* nonBlankLines(text: string): Generator<TextLine> {
  const pattern = /\S[^\n]*/g;
  let line = 1;
  let from = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    for (let i = text.indexOf('\n', from); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1)) line++;
    from = match.index;
    const raw = match[0];
    const indented = match.index > 0 && text[match.index - 1] !== '\n';
    yield { text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, line, indented };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

/**
 * Hides the user-info part of URLs (`https://TOKEN@host`, `https://user:pass@host`): private
 * index and VCS URLs carry credentials, and constraints and warnings end up in reports.
 */
export function redactUrlCredentials(text: string): string {
  return text.replace(/:\/\/([^/@\s]+)@/g, (match, userInfo: string) =>
    userInfo === 'git' ? match : '://***@',
  );
}
