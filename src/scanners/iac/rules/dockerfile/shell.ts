/**
 * Enough of the POSIX shell grammar to find the simple commands of a RUN instruction: words
 * (quotes removed), pipelines, `&&`/`||`/`;`/newline lists, redirections, comments. Words with
 * a parameter or command substitution are marked dynamic: their value is unknown.
 */

export interface Word {
  text: string;
  dynamic: boolean;
}

/** One simple command: `argv` without leading `VAR=x` assignments and wrappers (`sudo`, `env`). */
export interface Command {
  words: Word[];
  argv: Word[];
  /** Basename of the program (`apt-get` for `/usr/bin/apt-get`); '' when dynamic. */
  name: string;
  sudo: boolean;
  /** Index of the pipeline (`a | b` is one pipeline) and of the command in it. */
  pipeline: number;
  stage: number;
}

type Token = { word: Word } | { op: string };

const OPERATORS = ['&&', '||', ';;', '|&', '|', ';', '&', '(', ')', '\n'];
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}']);

class Tokenizer {
  readonly tokens: Token[] = [];
  private word: Word | undefined;
  private i = 0;
  /** Here-documents opened on the current line: their bodies follow the newline. */
  private pending: { delimiter: string; tabs: boolean }[] = [];

  constructor(private readonly s: string) {}

  private add(text: string, dynamic = false): void {
    this.word ??= { text: '', dynamic: false };
    this.word.text += text;
    this.word.dynamic ||= dynamic;
  }

  private end(): void {
    if (this.word) this.tokens.push({ word: this.word });
    this.word = undefined;
  }

  /** Index just past the `close` matching the opener before `from`, skipping quoted text. */
  private balanced(from: number, open: string, close: string): number {
    let depth = 1;
    let j = from;
    for (; j < this.s.length && depth > 0; j++) {
      const c = this.s[j];
      if (c === '\\') j++;
      else if (c === "'") j = this.s.indexOf("'", j + 1) < 0 ? this.s.length : this.s.indexOf("'", j + 1);
      else if (c === open) depth++;
      else if (c === close) depth--;
    }
    return j;
  }

  run(): Token[] {
    while (this.i < this.s.length) this.step();
    this.end();
    return this.tokens;
  }

  private step(): void {
    const s = this.s;
    const c = s[this.i]!;
    const op = '&|;()\n'.includes(c) ? OPERATORS.find((o) => s.startsWith(o, this.i)) : undefined;
    if (c === '\\' && s[this.i + 1] === '\n') this.i += 2;
    else if (c === ' ' || c === '\t' || c === '\r') this.skipBlank();
    else if (c === '#' && !this.word)
      this.i = s.indexOf('\n', this.i) < 0 ? s.length : s.indexOf('\n', this.i);
    else if (c === "'") this.single();
    else if (c === '"') this.double();
    else if (c === '\\') this.escaped();
    else if (c === '$' || c === '`') this.substitution();
    else if ((c === '<' || c === '>') && s[this.i + 1] === '(') this.substitution();
    else if (c === '<' || c === '>') this.redirect();
    else if (op) this.operator(op);
    else this.add(s[this.i++]!);
  }

  private skipBlank(): void {
    this.end();
    this.i++;
  }

  private operator(op: string): void {
    this.end();
    this.tokens.push({ op });
    this.i += op.length;
    if (op === '\n') for (const h of this.pending.splice(0)) this.skipBody(h.delimiter, h.tabs);
  }

  /** Skips a here-document body: data, not commands. */
  private skipBody(delimiter: string, tabs: boolean): void {
    while (this.i < this.s.length) {
      const eol = this.s.indexOf('\n', this.i);
      const end = eol < 0 ? this.s.length : eol;
      const line = this.s.slice(this.i, end);
      this.i = end + 1;
      if ((tabs ? line.replace(/^\t+/, '') : line) === delimiter) return;
    }
  }

  private single(): void {
    const close = this.s.indexOf("'", this.i + 1);
    const end = close < 0 ? this.s.length : close;
    this.add(this.s.slice(this.i + 1, end));
    this.i = end + 1;
  }

  private double(): void {
    this.add('');
    let j = this.i + 1;
    for (; j < this.s.length && this.s[j] !== '"'; j++) {
      const c = this.s[j]!;
      if (c === '\\' && '"\\$`\n'.includes(this.s[j + 1] ?? '')) this.add(this.s[++j]!);
      else if (c === '$' || c === '`') {
        const end = this.substitutionEnd(j);
        this.add(this.s.slice(j, end), end > j + 1);
        j = end - 1;
      } else this.add(c);
    }
    this.i = j + 1;
  }

  private escaped(): void {
    this.add(this.s[this.i + 1] ?? '');
    this.i += 2;
  }

  /** End of `$(…)`, `${…}`, `$NAME`, `` `…` ``, `<(…)` starting at `j`. */
  private substitutionEnd(j: number): number {
    const s = this.s;
    const next = s[j + 1];
    if (s[j] === '`') {
      const close = s.indexOf('`', j + 1);
      return close < 0 ? s.length : close + 1;
    }
    if (next === '(') return this.balanced(j + 2, '(', ')');
    if (next === '{') return this.balanced(j + 2, '{', '}');
    const name = /^([A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(s.slice(j + 1, j + 65));
    return name ? j + 1 + name[0].length : j + 1;
  }

  private substitution(): void {
    const end = this.substitutionEnd(this.i);
    this.add(this.s.slice(this.i, end), end > this.i + 1);
    this.i = end;
  }

  /** `>`, `>>`, `2>&1`, `<file`, `<<EOF`: the operator and its target are not arguments. */
  private redirect(): void {
    if (this.word && /^\d+$/.test(this.word.text)) this.word = undefined;
    this.end();
    const m = /^(<<-?|<<<|>>|>&|<&|>\||<>|<|>)/.exec(this.s.slice(this.i, this.i + 3))!;
    this.i += m[0].length;
    while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
    const mark = this.tokens.length;
    while (this.i < this.s.length && !/[\s;&|()<>]/.test(this.s[this.i]!)) this.step();
    const target = this.word?.text;
    this.end();
    this.tokens.length = mark;
    if ((m[0] === '<<' || m[0] === '<<-') && target)
      this.pending.push({ delimiter: target, tabs: m[0] === '<<-' });
  }
}

const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** Drops `VAR=x` prefixes and wrappers that run the real command (`sudo -u app cmd`, `env X=1 cmd`). */
function unwrap(words: Word[]): { argv: Word[]; sudo: boolean } {
  let i = 0;
  let sudo = false;
  const skipAssignments = () => {
    while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!.text)) i++;
  };
  skipAssignments();
  while (i < words.length) {
    const name = basename(words[i]!.text);
    if (name === 'sudo' || name === 'doas') {
      sudo = true;
      i++;
      while (i < words.length && words[i]!.text.startsWith('-'))
        i += /^-[ugCDhprtUT]$/.test(words[i]!.text) ? 2 : 1;
    } else if (name === 'env') {
      i++;
      while (i < words.length && words[i]!.text.startsWith('-')) i += words[i]!.text === '-u' ? 2 : 1;
      skipAssignments();
    } else if (['nohup', 'time', 'exec', 'command', 'nice'].includes(name)) {
      i++;
      while (i < words.length && words[i]!.text.startsWith('-')) i += words[i]!.text === '-n' ? 2 : 1;
    } else break;
  }
  return { argv: words.slice(i), sudo };
}

/** A simple command from its words; undefined for control words (`for x in …`). */
export function command(words: Word[], pipeline = 0, stage = 0): Command | undefined {
  const start = words.findIndex((w) => !KEYWORDS.has(w.text));
  if (start < 0 || ['for', 'case', 'select', 'function'].includes(words[start]!.text)) return undefined;
  const { argv, sudo } = unwrap(words.slice(start));
  const first = argv[0];
  const name = first && !first.dynamic ? basename(first.text) : '';
  return { words, argv, name, sudo, pipeline, stage };
}

/** The simple commands of a script, in order. */
export function commands(script: string): Command[] {
  const out: Command[] = [];
  let pipeline = 0;
  let stage = 0;
  let words: Word[] = [];
  const flush = () => {
    const c = command(words, pipeline, stage);
    if (c) out.push(c);
    words = [];
  };
  for (const t of new Tokenizer(script).run()) {
    if ('word' in t) {
      words.push(t.word);
      continue;
    }
    flush();
    if (t.op === '|' || t.op === '|&') stage++;
    else {
      pipeline++;
      stage = 0;
    }
  }
  flush();
  return out;
}
