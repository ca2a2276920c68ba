import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Rng } from './prng.js';

/**
 * Real source text to sample from: the JS/TS/JSON/Markdown files of the project's own
 * node_modules, read at generation time and never copied into the repository.
 */
export class NpmSampler {
  private readonly files: { path: string; ext: string; size: number }[] = [];
  private readonly cache = new Map<string, string>();

  constructor(nodeModules: string) {
    this.walk(nodeModules, 0);
    if (this.files.length === 0) throw new Error(`no sample files under ${nodeModules}: run npm ci first`);
    this.files.sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  private walk(dir: string, depth: number): void {
    if (depth > 12) return;
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.bin' && e.name !== '.cache') this.walk(p, depth + 1);
        continue;
      }
      const m = /\.(js|mjs|cjs|ts|mts|json|md)$/.exec(e.name)?.[1];
      if (!e.isFile() || !m) continue;
      const ext = m.endsWith('js') ? 'js' : m.endsWith('ts') ? 'ts' : m;
      const size = statSync(p).size;
      if (size >= 200 && size <= 16 * 1024 * 1024) this.files.push({ path: p, ext, size });
    }
  }

  private read(path: string): string {
    let text = this.cache.get(path);
    if (text === undefined) {
      text = readFileSync(path, 'utf8');
      this.cache.set(path, text);
    }
    return text;
  }

  /** About `target` bytes of one real file (a line-aligned slice of it when it is larger), and its extension. */
  sample(rng: Rng, target: number, exts?: readonly string[]): { text: string; ext: string } {
    const pool = exts ? this.files.filter((f) => exts.includes(f.ext)) : this.files;
    const f = rng.pick(pool);
    const text = this.read(f.path);
    if (text.length <= target) return { text, ext: f.ext };
    let start = rng.int(0, text.length - target);
    const nl = text.indexOf('\n', start);
    start = nl === -1 || nl - start > 4096 ? start : nl + 1;
    return { text: text.slice(start, start + target), ext: f.ext };
  }

  /** A single-line bundle of `target` bytes, like a committed `*.min.js`. */
  minified(rng: Rng, target: number): string {
    const parts: string[] = [];
    let size = 0;
    while (size < target) {
      const { text } = this.sample(rng, Math.min(256 * 1024, target - size + 1024), ['js']);
      const flat = text.replace(/\/\/[^\n]*\n/g, '').replace(/\s*\n\s*/g, ';');
      parts.push(flat);
      size += flat.length;
    }
    return `${parts.join(';').slice(0, target)}\n`;
  }
}
