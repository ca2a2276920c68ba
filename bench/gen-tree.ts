/**
 * Deterministic generator of a source tree for the secrets benchmarks: real JS/TS/JSON/Markdown
 * sampled from node_modules, generated Python, Go, Java, YAML, Terraform, shell, .env and
 * Dockerfiles, a few minified single-line bundles, and about one planted FAKE secret per 5 MiB.
 *
 *   npx tsx bench/gen-tree.ts [--size MiB] [--seed N] [--out DIR]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { EXTENSIONS, generate, type Lang } from './lib/code-gen.js';
import { log, MiB, ROOT, WORK } from './lib/common.js';
import { FAKE_SECRETS } from './lib/fake-secrets.js';
import { NpmSampler } from './lib/npm-sample.js';
import { assignment, insertLine } from './lib/placement.js';
import { Rng } from './lib/prng.js';
import { camel, word } from './lib/words.js';

export interface Planted {
  path: string;
  line: number;
  kind: string;
  provider: string;
  /** First 12 hex digits of SHA-256 of the value: what the JSON report's `secret.hash` holds. */
  hash: string;
}

export interface TreeManifest {
  version: number;
  seed: number;
  targetBytes: number;
  files: number;
  bytes: number;
  planted: Planted[];
}

const VERSION = 1;
const GENERATED: [Lang, number][] = [
  ['python', 22],
  ['go', 16],
  ['java', 12],
  ['yaml', 14],
  ['json', 6],
  ['markdown', 8],
  ['terraform', 6],
  ['shell', 6],
  ['env', 5],
  ['dockerfile', 5],
];
const PLANT_IN: readonly Lang[] = ['python', 'go', 'java', 'yaml', 'terraform', 'shell', 'env', 'dockerfile'];
const TOP = ['services', 'packages', 'apps', 'libs', 'infra', 'tools'];
const SUB = ['src', 'lib', 'internal', 'config', 'deploy', 'scripts', 'docs', 'api', 'handlers', 'tests'];

export const secretHash = (v: string) => createHash('sha256').update(v).digest('hex').slice(0, 12);

function weightedLang(rng: Rng): Lang {
  const total = GENERATED.reduce((n, [, w]) => n + w, 0);
  let x = rng.next() * total;
  for (const [l, w] of GENERATED) {
    x -= w;
    if (x < 0) return l;
  }
  return 'python';
}

function fileName(rng: Rng, lang: Lang | string): string {
  if (lang === 'dockerfile') return rng.chance(0.7) ? 'Dockerfile' : `Dockerfile.${word(rng)}`;
  if (lang === 'env') return rng.pick(['.env', '.env.production', '.env.staging', `${word(rng)}.env`]);
  const ext = EXTENSIONS[lang as Lang] ?? lang;
  return `${lang === 'java' ? camel(rng).replace(/^./, (c) => c.toUpperCase()) : camel(rng)}.${ext}`;
}

class TreeWriter {
  readonly planted: Planted[] = [];
  files = 0;
  bytes = 0;
  private readonly used = new Set<string>();

  constructor(private readonly root: string) {}

  write(rel: string, text: string): string {
    let path = rel;
    for (let i = 2; this.used.has(path); i++) path = rel.replace(/(\.[^./]+)?$/, `-${i}$1`);
    this.used.add(path);
    const abs = join(this.root, path);
    mkdirSync(dirname(abs), { recursive: true });
    const buf = Buffer.from(text);
    writeFileSync(abs, buf);
    this.files++;
    this.bytes += buf.length;
    return path;
  }
}

export function generateTree(dir: string, targetBytes: number, seed: number): TreeManifest {
  const rng = new Rng(seed);
  const sampler = new NpmSampler(join(ROOT, 'node_modules'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const w = new TreeWriter(dir);
  const dirs = Array.from({ length: Math.max(8, Math.round(targetBytes / (2 * MiB))) }, () => {
    const sub = rng.pick(SUB);
    return `${rng.pick(TOP)}/${word(rng)}-${word(rng)}/${sub}${rng.chance(0.5) ? `/${word(rng)}` : ''}`;
  });
  const minified = Math.max(1, Math.round(targetBytes / (50 * MiB)));
  for (let i = 0; i < minified; i++) {
    const size = rng.int(1 * MiB, 3 * MiB);
    w.write(
      `${rng.pick(dirs)}/vendor.${rng.chars('0123456789abcdef', 8)}.min.js`,
      sampler.minified(rng, size),
    );
  }
  let secretsLeft = Math.max(1, Math.round(targetBytes / (5 * MiB)));
  const singleLine = FAKE_SECRETS.filter((s) => !s.block);
  while (w.bytes < targetBytes) {
    const size = Math.max(200, Math.min(512 * 1024, Math.round(rng.logNormal(7000, 1.15))));
    const where = rng.pick(dirs);
    if (rng.chance(0.5)) {
      const { text, ext } = sampler.sample(rng, size);
      w.write(`${where}/${fileName(rng, ext)}`, text);
      continue;
    }
    const lang = weightedLang(rng);
    let text = generate(lang, rng, size);
    const plantHere =
      secretsLeft > 0 &&
      PLANT_IN.includes(lang) &&
      rng.chance(secretsLeft / ((targetBytes - w.bytes) / (9 * 1024)));
    if (!plantHere) {
      w.write(`${where}/${fileName(rng, lang)}`, text);
      continue;
    }
    const s = rng.pick(singleLine);
    const value = s.make(rng);
    const lineCount = text.split('\n').length;
    const placed = insertLine(
      text,
      rng.int(1, Math.max(1, lineCount - 1)),
      assignment(lang, s.envName, value),
    );
    text = placed.text;
    const path = w.write(`${where}/${fileName(rng, lang)}`, text);
    w.planted.push({ path, line: placed.line, kind: s.kind, provider: s.provider, hash: secretHash(value) });
    secretsLeft--;
  }
  return { version: VERSION, seed, targetBytes, files: w.files, bytes: w.bytes, planted: w.planted };
}

/** The tree for (size, seed), generated once and reused while its manifest matches. */
export function ensureTree(sizeMiB: number, seed = 1): { dir: string; manifest: TreeManifest } {
  const dir = join(WORK, `tree-${sizeMiB}MiB-s${seed}`);
  const manifestPath = `${dir}.manifest.json`;
  if (existsSync(manifestPath) && existsSync(dir)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as TreeManifest;
    if (m.version === VERSION) return { dir, manifest: m };
  }
  log(`generating a ${sizeMiB} MiB tree (seed ${seed}) in ${dir}`);
  const t0 = performance.now();
  const manifest = generateTree(dir, sizeMiB * MiB, seed);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  log(
    `  ${manifest.files} files, ${(manifest.bytes / MiB).toFixed(1)} MiB, ${manifest.planted.length} planted secrets, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return { dir, manifest };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '200' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  });
  const size = Number(values.size);
  const seed = Number(values.seed);
  if (values.out) {
    const m = generateTree(values.out, size * MiB, seed);
    writeFileSync(`${values.out}.manifest.json`, `${JSON.stringify(m, null, 2)}\n`);
    log(
      `${m.files} files, ${(m.bytes / MiB).toFixed(1)} MiB, ${m.planted.length} planted secrets in ${values.out}`,
    );
  } else {
    ensureTree(size, seed);
  }
}
