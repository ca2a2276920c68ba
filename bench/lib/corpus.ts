import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DECOYS, type Decoy, type DecoyKind } from './corpus-decoys.js';
import { type CorpusLang, filler, place, type Style } from './corpus-render.js';
import type { FakeSecret } from './fake-secrets.js';
import type { Rng } from './prng.js';

/** The labelled corpus being built: files in memory, where each secret and decoy landed. */
export interface Label {
  file: string;
  line: number;
  /** Last line of a multi-line secret (PEM blocks); a finding anywhere in [line, endLine] matches. */
  endLine?: number;
  provider: string;
  kind: string;
}

export interface Item {
  lines: string[];
  secret?: FakeSecret;
  decoy?: DecoyKind;
}

export const LANGS: CorpusLang[] = [
  'python',
  'js',
  'ts',
  'go',
  'java',
  'yaml',
  'env',
  'shell',
  'terraform',
  'json',
  'properties',
  'toml',
  'xml',
  'php',
  'ruby',
  'csharp',
  'ini',
  'compose',
  'workflow',
  'dockerfile',
];
export const CODE = new Set<CorpusLang>([
  'python',
  'js',
  'ts',
  'go',
  'java',
  'shell',
  'php',
  'ruby',
  'csharp',
  'terraform',
]);
export const STYLES: Style[] = ['named', 'plain', 'call'];

export class Corpus {
  readonly labels: Label[] = [];
  readonly decoys: { file: string; line: number; kind: DecoyKind }[] = [];
  private readonly files = new Map<string, string>();
  private decoyCursor = 0;
  private readonly decoyOrder: Decoy[];

  constructor(private readonly rng: Rng) {
    this.decoyOrder = [...DECOYS].sort(() => rng.next() - 0.5);
  }

  uniquePath(p: string): string {
    let path = p;
    for (let i = 2; this.files.has(path); i++) path = p.replace(/(\.[^./]+)?$/, `${i}$1`);
    return path;
  }

  nextDecoy(lang: CorpusLang): Item {
    for (;;) {
      const d = this.decoyOrder[this.decoyCursor++ % this.decoyOrder.length]!;
      if (d.name === 'code' && !CODE.has(lang)) continue;
      if (d.name === 'cache-key' && lang !== 'workflow') continue;
      const lines = d.raw ? d.raw(this.rng) : [place(lang, 'named', d.name, d.value!(this.rng))];
      return { lines, decoy: d.kind };
    }
  }

  /** Filler of the format with the items spread through it; records where each landed. */
  addFile(path: string, lang: CorpusLang, items: Item[], fillerBytes = this.rng.int(500, 2500)): void {
    const body = filler(lang, this.rng, fillerBytes);
    const candidates = slotsFor(lang, body);
    const slots = items.map(() => this.rng.pick(candidates)).sort((a, b) => a - b);
    const out: string[] = [];
    let next = 0;
    for (let i = 0; i <= body.length; i++) {
      while (next < items.length && slots[next] === i) this.put(path, out, items[next++]!);
      if (i < body.length) out.push(body[i]!);
    }
    this.write(path, out);
  }

  put(path: string, out: string[], item: Item): void {
    const line = out.length + 1;
    if (item.secret) {
      const endLine = item.lines.length > 1 ? line + item.lines.length - 1 : undefined;
      this.labels.push({
        file: path,
        line,
        ...(endLine ? { endLine } : {}),
        provider: item.secret.provider,
        kind: item.secret.kind,
      });
    }
    if (item.decoy) this.decoys.push({ file: path, line, kind: item.decoy });
    out.push(...item.lines);
  }

  /** A file written as-is: `labelled` maps its 1-based lines to secrets. */
  addWhole(
    path: string,
    lines: string[],
    labelled: { line: number; endLine?: number; secret: FakeSecret }[],
  ): void {
    for (const l of labelled) {
      this.labels.push({
        file: path,
        line: l.line,
        ...(l.endLine ? { endLine: l.endLine } : {}),
        provider: l.secret.provider,
        kind: l.secret.kind,
      });
    }
    this.write(path, lines);
  }

  write(path: string, lines: string[]): void {
    this.files.set(path, `${lines.join('\n')}\n`);
  }

  save(dir: string): number {
    rmSync(dir, { recursive: true, force: true });
    for (const [p, text] of this.files) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), text);
    }
    const sortKey = (x: { file: string; line: number }) => `${x.file}\0${String(x.line).padStart(6, '0')}`;
    const jsonl = (xs: { file: string; line: number }[]) =>
      `${[...xs]
        .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))
        .map((x) => JSON.stringify(x))
        .join('\n')}\n`;
    writeFileSync(join(dir, 'labels.jsonl'), jsonl(this.labels));
    writeFileSync(join(dir, 'decoys.jsonl'), jsonl(this.decoys));
    return this.files.size;
  }
}

/** Where a line can go without breaking the file's structure: between blocks, or inside the one mapping. */
function slotsFor(lang: CorpusLang, body: readonly string[]): number[] {
  if (lang === 'json') return [1];
  if (lang === 'xml') return [3];
  if (lang === 'workflow' || lang === 'compose') return [body.length];
  const between = body.flatMap((l, i) =>
    i >= 2 && l.trim() === '' && !/^\s/.test(body[i + 1] ?? '') ? [i + 1] : [],
  );
  return between.length > 0 ? [...between, body.length] : [body.length];
}
