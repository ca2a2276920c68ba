import { Unknown } from '../model.js';
import type { Escape, RawInstruction } from './dockerfile-lexer.js';
import type { DockerInstruction, DockerMount, DockerPair } from './dockerfile-types.js';
import { expandWord, type RawWord, type Scope, splitWords } from './dockerfile-words.js';

/** Turns one logical line into the model's instruction: flags, exec or shell form, expanded words. */

export const INSTRUCTIONS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

/** The builder expands variables in these; RUN, CMD and ENTRYPOINT are left to the shell. */
const EXPANDED = new Set([
  'ADD',
  'COPY',
  'ENV',
  'EXPOSE',
  'FROM',
  'LABEL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);
/** Instructions whose argument may be a JSON array. */
const JSON_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'ADD', 'COPY', 'VOLUME']);

export interface Built {
  instruction: DockerInstruction;
  /** Set when the text looks like a JSON array but is not one (Docker then runs it as a shell command). */
  badJson?: string;
}

/** The JSON array of strings `text` is, or undefined. */
function jsonArray(text: string): string[] | undefined {
  if (!text.startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Text that is clearly meant as an exec-form array: `["a", …` or single-quoted `['a', …`. */
const looksLikeJson = (cmd: string, text: string) =>
  text.startsWith('[') &&
  (['CMD', 'ENTRYPOINT', 'SHELL'].includes(cmd) || /^\[\s*(["'])[^"']*\1\s*,/.test(text));

class Builder {
  readonly unresolved: string[] = [];

  constructor(
    private readonly scope: Scope,
    private readonly esc: Escape,
    private readonly expands: boolean,
  ) {}

  word(text: string): string {
    if (!this.expands) return text;
    const e = expandWord(text, this.scope, this.esc);
    for (const n of e.unresolved) if (!this.unresolved.includes(n)) this.unresolved.push(n);
    return e.value;
  }

  /** An expanded value; Unknown when it depends on a variable nobody can know here. */
  value(text: string): string | Unknown {
    const before = this.unresolved.length;
    const v = this.word(text);
    return this.unresolved.length > before ? new Unknown(text) : v;
  }

  /** Leading `--name[=value]` words; returns the flags and where the arguments start. */
  flags(words: RawWord[]): { flags: { [name: string]: string[] }; next: number } {
    const flags: { [name: string]: string[] } = {};
    let next = 0;
    for (const w of words) {
      const m = /^--([A-Za-z][\w-]*)(?:=([\s\S]*))?$/.exec(w.text);
      if (!m) break;
      const name = m[1]!.toLowerCase();
      const value = m[2] === undefined ? 'true' : this.word(m[2]);
      flags[name] = [...(flags[name] ?? []), value];
      next++;
    }
    return { flags, next };
  }

  pairs(cmd: string, words: RawWord[], rest: string): DockerPair[] {
    const first = words[0];
    if (!first) return [];
    // Legacy `ENV KEY value with spaces` / `LABEL key value`: one pair, the rest of the line.
    if (cmd !== 'ARG' && !first.text.includes('=')) {
      const value = rest.slice(first.end).trim();
      return [{ key: this.word(first.text), value: this.value(value) }];
    }
    return words.map((w) => {
      const eq = w.text.indexOf('=');
      if (eq < 0) return { key: this.word(w.text), value: null };
      return { key: this.word(w.text.slice(0, eq)), value: this.value(w.text.slice(eq + 1)) };
    });
  }
}

function mount(spec: string): DockerMount {
  const out: DockerMount = { type: 'bind' };
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? 'true' : part.slice(eq + 1).trim();
    const canonical = key === 'dst' || key === 'destination' ? 'target' : key === 'src' ? 'source' : key;
    if (canonical) out[canonical] = value;
  }
  return out;
}

/**
 * `scope` gives variable values for the instructions Docker expands; ARG defaults and ENV
 * values are expanded too (Docker does), through `scope` as it is before this instruction.
 */
export function buildInstruction(raw: RawInstruction, scope: Scope, esc: Escape): Built {
  const cmd = raw.keyword.toUpperCase();
  const b = new Builder(scope, esc, EXPANDED.has(cmd) || cmd === 'ARG');
  const all = splitWords(raw.rest, esc);
  const { flags, next } = b.flags(all);
  const start = all[next]?.start ?? raw.rest.length;
  const args = raw.rest.slice(start);
  const words = all.slice(next);
  const exec = JSON_FORM.has(cmd) ? jsonArray(args) : undefined;
  const instruction: DockerInstruction = {
    cmd,
    raw: raw.rest,
    args,
    words: [],
    form: exec ? 'exec' : 'shell',
    exec: exec ? exec.map((w) => b.word(w)) : null,
    flags,
    mounts: (flags.mount ?? []).map(mount),
    heredocs: raw.heredocs,
    pairs: ['ENV', 'ARG', 'LABEL'].includes(cmd) ? b.pairs(cmd, words, raw.rest) : [],
    unresolved: b.unresolved,
    line: raw.line,
    endLine: raw.endLine,
  };
  if (EXPANDED.has(cmd)) {
    instruction.words = instruction.exec ?? words.map((w) => b.word(w.text));
    instruction.args = instruction.words.join(' ');
  }
  const built: Built = { instruction };
  if (!exec && JSON_FORM.has(cmd) && looksLikeJson(cmd, args))
    built.badJson = `${cmd} looks like an exec-form JSON array but is not valid JSON: Docker runs it as a shell command`;
  return built;
}
