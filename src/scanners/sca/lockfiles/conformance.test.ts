/**
 * The suite every parser in LOCKFILE_PARSERS passes, found automatically: its fixtures in
 * test/fixtures/sca/lockfiles/<parser-name>/ (see the README there) parse to what their
 * expected.json (and expected-warnings.json, when there is one) says, every package and
 * warning keeps the contract's invariants, and hostile input
 * (empty, truncated, garbage, binary, deeply nested, bombs, 20 MB) gives a result or a
 * LockfileError, never another exception or a hang. Parsing runs in a worker thread so
 * that a parser stuck in a loop is terminated and reported instead of stalling the run.
 * Times are wall time, or CPU time when less: other work on a shared machine is not the parser's.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PackageURL } from 'packageurl-js';
import { afterAll, describe, expect, it } from 'vitest';
import type { Package, PackageSource } from '../../../core/package.js';
import { LOCKFILE_PARSERS } from './index.js';
import type { LockfileParser, LockfileWarning } from './parser.js';
import { purlCoordinates, purlFor, purlType } from './purl.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/sca/lockfiles/', import.meta.url));
const HANG_MS = 20_000;
const HUGE_BYTES = 20 * 1024 * 1024;
/** A hang guard, not a speed target: parse speed is measured by the benchmarks. */
const HUGE_MS = 30_000;
const HASH_ALGS = new Set([
  'MD5',
  'SHA-1',
  'SHA-256',
  'SHA-384',
  'SHA-512',
  'SHA3-256',
  'SHA3-384',
  'SHA3-512',
]);

interface Expected {
  name: string;
  version: string;
  direct?: boolean;
  dev?: boolean;
  constraint?: string;
  markers?: string;
  declaredIn?: PackageSource;
}

/** A warning the parser must give: `path` (default: the lockfile) and `line` exactly, `message` as a part. */
interface ExpectedWarning {
  message: string;
  path?: string;
  line?: number;
}

interface FixtureCase {
  label: string;
  /** Folder the parser's `readFile` sees as the scan root. */
  root: string;
  /** The lockfile, relative to `root`. */
  path: string;
  expected: Expected[];
  warnings?: ExpectedWarning[];
}

type Outcome =
  | { kind: 'ok'; packages: Package[]; warnings: LockfileWarning[]; ms: number }
  | { kind: 'error'; lockfileError: boolean; name: string; message: string; ms: number }
  | { kind: 'hang' | 'crash'; message: string };

/** One worker thread (tsx-loaded) that parses on request; replaced when it hangs or dies. */
class ParseWorker {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private seq = 0;

  private start(): Promise<void> {
    const index = JSON.stringify(new URL('./index.ts', import.meta.url).href);
    const contract = JSON.stringify(new URL('./parser.ts', import.meta.url).href);
    const code = `
      const load = ['node:worker_threads', 'node:fs', 'node:path', 'tsx/esm/api'].map((m) => import(m));
      Promise.all(load).then(async ([wt, fs, path, tsx]) => {
        tsx.register();
        const { LOCKFILE_PARSERS } = await import(${index});
        const { LockfileError } = await import(${contract});
        // Files of the case folder only, like the scanner's reader of the tree.
        const reader = (root) => (p) => {
          const abs = path.resolve(root, p);
          return abs.startsWith(root + path.sep) && fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : undefined;
        };
        wt.parentPort.on('message', (m) => {
          const parser = LOCKFILE_PARSERS.find((p) => p.name === m.parser);
          const readFile = m.root ? reader(m.root) : () => undefined;
          const [t0, c0] = [performance.now(), process.cpuUsage()];
          let reply;
          try {
            const result = parser.parse({ path: m.path, text: m.text, readFile });
            reply = { kind: 'ok', packages: result.packages, warnings: result.warnings };
          } catch (e) {
            reply = { kind: 'error', lockfileError: e instanceof LockfileError, name: String(e?.name), message: String(e?.message ?? e) };
          }
          const cpu = process.cpuUsage(c0);
          const ms = Math.min(performance.now() - t0, (cpu.user + cpu.system) / 1000);
          wt.parentPort.postMessage({ id: m.id, ms, ...reply });
        });
        wt.parentPort.postMessage({ ready: true });
      });`;
    const worker = new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 2048 } });
    this.worker = worker;
    return new Promise((res, rej) => {
      worker.once('message', () => res());
      worker.once('error', rej);
    });
  }

  async parse(parser: string, path: string, text: string, root?: string): Promise<Outcome> {
    this.ready ??= this.start();
    await this.ready;
    const worker = this.worker!;
    const id = ++this.seq;
    return new Promise<Outcome>((res) => {
      const done = (o: Outcome, restart: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (restart) {
          void worker.terminate();
          this.ready = undefined;
        }
        res(o);
      };
      const onMessage = (m: Outcome & { id: number }) => m.id === id && done(m, false);
      const onError = (e: Error) => done({ kind: 'crash', message: e.message }, true);
      const onExit = (code: number) =>
        done({ kind: 'crash', message: `worker exited with code ${code}` }, true);
      const timer = setTimeout(
        () => done({ kind: 'hang', message: `no answer in ${HANG_MS} ms` }, true),
        HANG_MS,
      );
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ id, parser, path, text, root });
    });
  }

  close(): Promise<number> | undefined {
    return this.worker?.terminate();
  }
}

const worker = new ParseWorker();
afterAll(() => worker.close());

/** `valid*` case folders (the lockfile under its real name) and the `valid.<ext>` + expected.json form. */
function fixtureCases(parser: LockfileParser): FixtureCase[] {
  const dir = join(FIXTURES, parser.name);
  if (!existsSync(dir)) return [];
  const cases: FixtureCase[] = [];
  for (const entry of readdirSync(dir)
    .filter((e) => e.startsWith('valid'))
    .sort()) {
    const abs = join(dir, entry);
    if (statSync(abs).isDirectory()) {
      const files = readdirSync(abs).filter((f) => !f.startsWith('expected') && parser.matches(f));
      if (files.length !== 1)
        throw new Error(`${abs}: expected exactly one file ${parser.name} matches, found ${files.length}`);
      cases.push({ label: entry, root: abs, path: files[0]!, ...readExpected(abs) });
    } else if (!entry.startsWith('expected')) {
      cases.push({ label: entry, root: dir, path: entry, ...readExpected(dir) });
    }
  }
  return cases;
}

function readExpected(dir: string): Pick<FixtureCase, 'expected' | 'warnings'> {
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const warnings = existsSync(join(dir, 'expected-warnings.json'))
    ? (read('expected-warnings.json') as ExpectedWarning[])
    : undefined;
  return { expected: read('expected.json') as Expected[], ...(warnings ? { warnings } : {}) };
}

/** The contract every package of every parser keeps; returns what is wrong. */
function invariantProblems(parser: LockfileParser, path: string, packages: Package[]): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const p of packages) {
    const at = `${p.name}@${p.version} (${p.key})`;
    if (p.ecosystem !== parser.ecosystem) problems.push(`${at}: ecosystem ${p.ecosystem}`);
    if (typeof p.name !== 'string' || p.name === '') problems.push(`${at}: empty name`);
    if (keys.has(p.key)) problems.push(`${at}: duplicate key`);
    keys.add(p.key);
    if (p.resolved === (p.version === ''))
      problems.push(`${at}: resolved=${p.resolved} with version "${p.version}"`);
    if (p.resolved && p.constraint !== undefined) problems.push(`${at}: a constraint on a resolved package`);
    if (p.source?.path !== path) problems.push(`${at}: source.path ${p.source?.path}`);
    problems.push(...declaredInProblems(p, path, at));
    if (p.markers !== undefined && (p.markers === '' || p.markers !== p.markers.trim()))
      problems.push(`${at}: markers "${p.markers}"`);
    for (const h of p.hashes ?? []) {
      if (!HASH_ALGS.has(h.alg) || !/^[0-9a-f]+$/.test(h.value))
        problems.push(`${at}: hash ${h.alg} ${h.value}`);
    }
    problems.push(...purlProblems(p, at));
  }
  for (const p of packages) {
    for (const d of p.dependsOn ?? [])
      if (!keys.has(d)) problems.push(`${p.key}: dependsOn unknown key ${d}`);
  }
  return problems;
}

/** A path a parser reports: relative to the scan root, POSIX, inside it. */
function isTreePath(path: unknown): boolean {
  return (
    typeof path === 'string' &&
    path !== '' &&
    !path.startsWith('/') &&
    !path.includes('\\') &&
    !path.split('/').some((part) => part === '..' || part === '.' || part === '')
  );
}

/** `declaredIn` names another file of the tree than the lockfile, and only then is it given. */
function declaredInProblems(p: Package, lockfile: string, at: string): string[] {
  if (p.declaredIn === undefined) return [];
  const { path, line } = p.declaredIn;
  if (!isTreePath(path) || path === lockfile) return [`${at}: declaredIn.path ${path}`];
  return line === undefined || (Number.isInteger(line) && line > 0) ? [] : [`${at}: declaredIn.line ${line}`];
}

/** Warnings say something, and one about another file names it as a path of the tree. */
function warningProblems(lockfile: string, warnings: LockfileWarning[]): string[] {
  return warnings.flatMap((w) => {
    const problems: string[] = [];
    if (typeof w.message !== 'string' || w.message.trim() === '')
      problems.push('a warning without a message');
    if (w.path !== undefined && (!isTreePath(w.path) || w.path === lockfile))
      problems.push(`warning "${w.message}": path ${w.path}`);
    if (w.line !== undefined && !(Number.isInteger(w.line) && w.line > 0))
      problems.push(`warning "${w.message}": line ${w.line}`);
    return problems;
  });
}

function purlProblems(p: Package, at: string): string[] {
  try {
    if (PackageURL.fromString(p.purl).type !== purlType(p.ecosystem))
      return [`${at}: purl type of ${p.purl}`];
    if (purlCoordinates(p.purl) !== purlCoordinates(purlFor(p.ecosystem, p.name, p.version))) {
      return [`${at}: purl ${p.purl} does not name this package and version`];
    }
    return [];
  } catch (e) {
    return [`${at}: purl ${p.purl}: ${(e as Error).message}`];
  }
}

const label = (p: { name: string; version: string }) => `${p.name}@${p.version}`;

function expectLikeExpected(packages: Package[], expected: Expected[]): void {
  expect(packages.map(label).sort()).toEqual(expected.map(label).sort());
  for (const e of expected) {
    for (const p of packages.filter((x) => label(x) === label(e))) {
      for (const f of ['direct', 'dev', 'constraint', 'markers', 'declaredIn'] as const) {
        if (e[f] !== undefined)
          expect({ package: label(p), [f]: p[f] }).toEqual({ package: label(p), [f]: e[f] });
      }
    }
  }
}

function expectWarnings(lockfile: string, warnings: LockfileWarning[], expected: ExpectedWarning[]): void {
  const place = (w: { path?: string; line?: number }) => `${w.path ?? lockfile}:${w.line ?? '-'}`;
  const got = warnings.map((w) => ({ at: place(w), message: w.message }));
  const want = expected.map((w) => ({ at: place(w), message: expect.stringContaining(w.message) }));
  const byPlace = (a: { at: string }, b: { at: string }) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);
  expect(got.sort(byPlace)).toEqual(want.sort(byPlace));
}

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

function randomText(n: number, alphabet: string, seed: number): string {
  const r = random(seed);
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(r() * alphabet.length)];
  return s;
}

function hostileInputs(valid: string): [string, string][] {
  const bytes = Buffer.from(randomText(65536, '\u0000\u0001\u00ff\u00fe\u0080abc{}[]":\n', 7), 'latin1');
  const nestedYaml = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++)
    laughs.push(
      `${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(9)
        .fill(`*${'abcdefghij'[i - 1]}`)
        .join(',')}]`,
    );
  const entities = ['<!ENTITY a "lollollollollollollollollollol">'];
  for (let i = 1; i < 10; i++)
    entities.push(`<!ENTITY ${'abcdefghij'[i]} "${`&${'abcdefghij'[i - 1]};`.repeat(10)}">`);
  return [
    ['empty', ''],
    ['whitespace', ' \n\t\n  \r\n'],
    ['truncated', valid.slice(0, Math.floor(valid.length / 2))],
    ['garbage text', randomText(65536, 'abcXYZ019 {}[]:,="\'-#@/\\\n\t', 3)],
    ['binary', bytes.toString('latin1')],
    ['invalid utf-8', bytes.toString('utf8')],
    ['deep JSON arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['deep JSON objects', `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`],
    ['deep YAML', nestedYaml],
    ['deep XML', `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`],
    ['deep TOML', `a = ${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['YAML alias bomb', `${laughs.join('\n')}\n`],
    ['XML entity bomb', `<?xml version="1.0"?>\n<!DOCTYPE r [\n${entities.join('\n')}\n]>\n<r>&j;</r>\n`],
    ['one 5 MB line', 'x'.repeat(5 * 1024 * 1024)],
  ];
}

function expectHandled(parser: LockfileParser, path: string, o: Outcome): void {
  switch (o.kind) {
    case 'ok':
      expect(invariantProblems(parser, path, o.packages)).toEqual([]);
      expect(warningProblems(path, o.warnings)).toEqual([]);
      return;
    case 'error':
      expect({ lockfileError: o.lockfileError, name: o.name }).toEqual({
        lockfileError: true,
        name: 'LockfileError',
      });
      expect(o.message.trim()).not.toBe('');
      return;
    default:
      expect.fail(`${o.kind}: ${o.message}`);
  }
}

for (const parser of LOCKFILE_PARSERS) {
  describe(`lockfile parser ${parser.name}`, () => {
    const cases = fixtureCases(parser);

    it('has fixtures', () => {
      const where = relative(process.cwd(), join(FIXTURES, parser.name)).split(sep).join('/');
      expect(
        cases.length,
        `no fixtures: add ${where}/valid/ (see test/fixtures/sca/lockfiles/README.md)`,
      ).toBeGreaterThan(0);
    });

    for (const c of cases) {
      it(`parses ${c.label} as its expected.json says`, async () => {
        const o = await worker.parse(
          parser.name,
          c.path,
          readFileSync(join(c.root, c.path), 'utf8'),
          resolve(c.root),
        );
        if (o.kind !== 'ok') return expect.fail(`${o.kind}: ${o.message}`);
        expect(invariantProblems(parser, c.path, o.packages)).toEqual([]);
        expect(warningProblems(c.path, o.warnings)).toEqual([]);
        expectLikeExpected(o.packages, c.expected);
        if (c.warnings) expectWarnings(c.path, o.warnings, c.warnings);
      });
    }

    const first = cases[0];
    if (!first) return;
    const valid = readFileSync(join(first.root, first.path), 'utf8');
    for (const [name, text] of hostileInputs(valid)) {
      it(`gives a result or a LockfileError for ${name}`, async () => {
        expectHandled(parser, first.path, await worker.parse(parser.name, first.path, text));
      });
    }

    it('parses a valid 20 MB file without hanging', async () => {
      // 40-byte blank lines: about the line count of a real 20 MB lockfile.
      const padding = `${' '.repeat(39)}\n`.repeat(Math.ceil((HUGE_BYTES - valid.length) / 40));
      const o = await worker.parse(parser.name, first.path, `${valid}${padding}`);
      expectHandled(parser, first.path, o);
      if (o.kind === 'ok' || o.kind === 'error') expect(o.ms).toBeLessThan(HUGE_MS);
    });
  });
}
