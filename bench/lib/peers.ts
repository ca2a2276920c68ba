import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DETECTORS } from '../../src/scanners/secrets/detectors/index.js';
import { commandExists, log, timed, WORK, workDir } from './common.js';

/** ripgrep and secretlint, the two peers the tree benchmark runs on the same files. */

export type RgEngine = 'pcre2' | 'rust';

export function rgAvailable(): boolean {
  if (commandExists('rg')) return true;
  log(
    'ripgrep (rg) is not installed: `apt-get install -y ripgrep` (Debian/Ubuntu); skipping the ripgrep rows',
  );
  return false;
}

export function rgHasPcre2(): boolean {
  const r = spawnSync('rg', ['--pcre2-version'], { encoding: 'utf8' });
  return r.status === 0 && /PCRE2 [\d.]+ is available/.test(r.stdout);
}

const inlineFlags = (re: RegExp) => {
  const flags = ['i', 's', 'm'].filter((f) => re.flags.includes(f)).join('');
  return flags ? `(?${flags})` : '';
};

/** rg joins the patterns into one alternation: group names get the pattern's index to stay unique. */
const uniqueNames = (src: string, n: number) =>
  src.replace(/\(\?<([A-Za-z_]\w*)>/g, `(?<$1_${n}>`).replace(/\\k<(\w+)>/g, `\\k<$1_${n}>`);

/** A JS pattern as PCRE2 source: the same syntax, flags moved inline. */
function toPcre2(re: RegExp, n: number): string {
  return `${inlineFlags(re)}${uniqueNames(re.source, n)}`;
}

/** Removes `(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)` groups, minding nesting, escapes and classes. */
function dropLookarounds(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    if (
      src.startsWith('(?=', i) ||
      src.startsWith('(?!', i) ||
      src.startsWith('(?<=', i) ||
      src.startsWith('(?<!', i)
    ) {
      let depth = 0;
      let inClass = false;
      for (; i < src.length; i++) {
        const c = src[i];
        if (c === '\\') i++;
        else if (inClass) inClass = c !== ']';
        else if (c === '[') inClass = true;
        else if (c === '(') depth++;
        else if (c === ')' && --depth === 0) break;
      }
      continue;
    }
    out += src[i];
    if (src[i] === '\\') out += src[++i] ?? '';
  }
  return out;
}

/** Rust's regex crate: no lookarounds or backreferences, `(?P<name>` groups, `\x60` is fine. */
function toRust(re: RegExp, n: number): string {
  const src = dropLookarounds(re.source).replace(/\\k<\w+>/g, '');
  return `${inlineFlags(re)}${uniqueNames(src, n).replace(/\(\?</g, '(?P<')}`;
}

/** The Rust engine's default 100 MB limit on a compiled regex is too small for hundreds of patterns. */
const engineArgs = (engine: RgEngine) =>
  engine === 'pcre2' ? ['-P'] : ['--regex-size-limit', '1G', '--dfa-size-limit', '1G'];

function compiles(args: readonly string[], engine: RgEngine): boolean {
  const r = spawnSync('rg', [...engineArgs(engine), '--quiet', ...args, '--', '/dev/null'], {
    stdio: 'ignore',
  });
  return r.status !== 2;
}

/** rg joins a pattern file into one regex; PCRE2 caps its size, so too large a set is halved until it compiles. */
function chunks(patterns: readonly string[], engine: RgEngine, dir: string, name: string): string[] {
  const file = join(dir, `${name}.txt`);
  writeFileSync(file, `${patterns.join('\n')}\n`);
  if (patterns.length <= 1 || compiles(['-f', file], engine)) return [file];
  rmSync(file);
  const mid = patterns.length >> 1;
  return [
    ...chunks(patterns.slice(0, mid), engine, dir, `${name}a`),
    ...chunks(patterns.slice(mid), engine, dir, `${name}b`),
  ];
}

/** Writes the detectors' patterns for rg -f; returns the file(s) and how many patterns rg accepts. */
export function exportPatterns(engine: RgEngine): { files: string[]; usable: number; total: number } {
  const convert = engine === 'pcre2' ? toPcre2 : toRust;
  const patterns = DETECTORS.map((d, i) => convert(d.pattern, i)).filter(
    (p) => !p.includes('\n') && compiles(['-e', p], engine),
  );
  const dir = workDir('rg', engine);
  for (const f of readdirSync(dir)) rmSync(join(dir, f));
  return {
    files: chunks(patterns, engine, dir, `patterns-${engine}`),
    usable: patterns.length,
    total: DETECTORS.length,
  };
}

/**
 * `rg -c -f patterns` over every file gatehouse reads (dotfiles too; the tree has no
 * .gitignore). Several pattern files mean several passes, timed together.
 */
export function runRg(
  tree: string,
  files: readonly string[],
  engine: RgEngine,
  budgetMs: number,
): { ms: number; cpuMs: number; lines: number; timedOut: boolean } {
  let ms = 0;
  let cpuMs = 0;
  let lines = 0;
  for (const f of files) {
    const args = [
      ...engineArgs(engine),
      '-c',
      '--hidden',
      '--no-ignore',
      '--max-filesize',
      '10M',
      '-f',
      f,
      tree,
    ];
    const r = timed('rg', args, { timeoutMs: Math.max(1000, budgetMs - ms) });
    ms += r.ms;
    cpuMs += r.cpuMs;
    if (r.timedOut) return { ms, cpuMs, lines, timedOut: true };
    if (r.status === 2) throw new Error(`rg failed: ${r.stderr.slice(0, 500)}`);
    lines += r.stdout.split('\n').reduce((n, l) => n + (Number(l.slice(l.lastIndexOf(':') + 1)) || 0), 0);
  }
  return { ms, cpuMs, lines, timedOut: false };
}

const SECRETLINT_DIR = join(WORK, 'secretlint');
/** The last releases that support Node 20 (12.x and later need Node 22). */
const SECRETLINT_PACKAGES = ['secretlint@11.7.1', '@secretlint/secretlint-rule-preset-recommend@11.7.1'];

/** Installs secretlint into bench/.work/secretlint (not a project dependency); undefined when that fails. */
export function ensureSecretlint(): { bin: string; rc: string } | undefined {
  const bin = join(SECRETLINT_DIR, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
  const rc = join(SECRETLINT_DIR, '.secretlintrc.json');
  if (!existsSync(bin)) {
    log(`installing ${SECRETLINT_PACKAGES.join(' ')} into ${SECRETLINT_DIR}`);
    workDir('secretlint');
    const r = spawnSync(
      'npm',
      ['install', '--prefix', SECRETLINT_DIR, '--no-audit', '--no-fund', '--no-save', ...SECRETLINT_PACKAGES],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (r.status !== 0 || !existsSync(bin)) {
      log('secretlint could not be installed (needs the npm registry); skipping the secretlint rows');
      return undefined;
    }
  }
  writeFileSync(
    rc,
    `${JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }, null, 2)}\n`,
  );
  return { bin, rc };
}

/** secretlint over every file of `tree` (run from inside it, as its globbing requires). */
export function runSecretlint(
  sl: { bin: string; rc: string },
  tree: string,
  out: string,
  budgetMs: number,
): { ms: number; cpuMs: number; findings: number; timedOut: boolean } {
  const args = [
    '--max-old-space-size=8192',
    sl.bin,
    '**/*',
    '--secretlintrc',
    sl.rc,
    '--format',
    'json',
    '--output',
    out,
    '--no-color',
  ];
  const r = timed(process.execPath, args, { cwd: tree, timeoutMs: budgetMs });
  if (r.timedOut) return { ms: r.ms, cpuMs: r.cpuMs, findings: 0, timedOut: true };
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`secretlint exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  const results = JSON.parse(readFileSync(out, 'utf8')) as { messages: unknown[] }[];
  return {
    ms: r.ms,
    cpuMs: r.cpuMs,
    findings: results.reduce((n, f) => n + f.messages.length, 0),
    timedOut: false,
  };
}
