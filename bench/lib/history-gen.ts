import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generate, type Lang } from './code-gen.js';
import { MiB } from './common.js';
import { fakeSecret } from './fake-secrets.js';
import { assignment } from './placement.js';
import { Rng } from './prng.js';
import { camel, word } from './words.js';

/**
 * A git repository with a long history, written with `git fast-import` (no checkouts, no
 * per-commit processes). Files are edited a few at a time; a handful of FAKE secrets are
 * introduced early, survive hundreds of commits, and some are removed again.
 */
export interface HistorySecret {
  kind: string;
  provider: string;
  hash: string;
  path: string;
  introducedAt: number;
  removedAt?: number;
  /** The commit that introduced it (from fast-import's marks). */
  commit?: string;
}

export interface HistoryOptions {
  commits: number;
  files: number;
  filesPerCommit: number;
  /** Median file size in bytes; sizes are log-normal around it. */
  medianFileBytes: number;
  seed: number;
}

interface TrackedFile {
  path: string;
  lang: Lang;
  lines: string[];
  /** Indexes of lines that hold planted secrets: edits never touch them. */
  protected: number[];
}

const LANGS: Lang[] = ['python', 'go', 'java', 'yaml', 'terraform', 'shell'];
const PLAN: [kind: string, at: number, lifetime: number | undefined][] = [
  ['aws-access-key-id', 5, 600],
  ['github-pat-classic', 20, undefined],
  ['stripe-secret-key', 50, 900],
  ['slack-bot-token', 120, 400],
  ['gitlab-pat', 200, undefined],
  ['openai-project-key', 300, 1200],
];

const sha = (v: string) => createHash('sha256').update(v).digest('hex').slice(0, 12);
/** At this commit the second planted secret is pasted into another file too: still one finding. */
const COPY_AT = 700;

function editFile(rng: Rng, f: TrackedFile): void {
  const n = rng.int(5, 40);
  const at = rng.int(0, Math.max(0, f.lines.length - n));
  if (f.protected.some((p) => p >= at && p < at + n)) {
    f.lines.push(...generate(f.lang, rng, rng.int(300, 1500)).split('\n').slice(1));
    return;
  }
  const fresh = generate(f.lang, rng, rng.int(n * 30, n * 60))
    .split('\n')
    .slice(1);
  f.lines.splice(at, n, ...fresh);
  f.protected = f.protected.map((p) => (p >= at + n ? p + fresh.length - n : p));
}

class Stream {
  private readonly parts: Buffer[] = [];
  text(s: string): void {
    this.parts.push(Buffer.from(s));
  }
  data(b: Buffer): void {
    this.parts.push(Buffer.from(`data ${b.length}\n`), b, Buffer.from('\n'));
  }
  take(): Buffer {
    const b = Buffer.concat(this.parts);
    this.parts.length = 0;
    return b;
  }
}

export async function generateHistory(repo: string, o: HistoryOptions): Promise<HistorySecret[]> {
  rmSync(repo, { recursive: true, force: true });
  const init = spawnSync('git', ['init', '-q', '-b', 'main', repo]);
  if (init.status !== 0) throw new Error(`git init failed: ${init.stderr}`);
  const rng = new Rng(o.seed);
  const files: TrackedFile[] = Array.from({ length: o.files }, (_, i) => {
    const lang = rng.pick(LANGS);
    const size = Math.round(rng.logNormal(o.medianFileBytes, 0.6));
    const ext = { python: 'py', go: 'go', java: 'java', yaml: 'yaml', terraform: 'tf', shell: 'sh' }[
      lang as string
    ];
    return {
      path: `${word(rng)}/${camel(rng)}-${i}.${ext}`,
      lang,
      lines: generate(lang, rng, size).split('\n'),
      protected: [],
    };
  });
  const secrets: (HistorySecret & { value: string; file: TrackedFile })[] = [];
  const marks = join(repo, '.git', 'bench-marks');
  const git = spawn('git', ['fast-import', '--quiet', `--export-marks=${marks}`], {
    cwd: repo,
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  const done = new Promise<number>((res) => git.on('close', (c) => res(c ?? 1)));
  const s = new Stream();
  for (let c = 1; c <= o.commits; c++) {
    const touched = new Set<TrackedFile>(c === 1 ? files : []);
    for (let k = 0; k < o.filesPerCommit && c > 1; k++) {
      const f = rng.pick(files);
      editFile(rng, f);
      touched.add(f);
    }
    for (const [kind, at, lifetime] of PLAN) {
      if (c !== at) continue;
      const spec = fakeSecret(kind);
      const f = rng.pick(files);
      const value = spec.make(rng);
      const line = rng.int(1, f.lines.length - 1);
      f.lines.splice(line, 0, assignment(f.lang, spec.envName, value));
      f.protected = f.protected.map((p) => (p >= line ? p + 1 : p)).concat(line);
      touched.add(f);
      const removedAt = lifetime === undefined ? undefined : at + lifetime;
      secrets.push({
        kind,
        provider: spec.provider,
        hash: sha(value),
        path: f.path,
        introducedAt: c,
        ...(removedAt ? { removedAt } : {}),
        value,
        file: f,
      });
    }
    if (c === COPY_AT && secrets[1]) {
      const f = files.find((x) => x !== secrets[1]!.file)!;
      f.lines.splice(1, 0, assignment(f.lang, 'FALLBACK_TOKEN', secrets[1].value));
      f.protected = f.protected.map((p) => (p >= 1 ? p + 1 : p)).concat(1);
      touched.add(f);
    }
    for (const sec of secrets) {
      if (sec.removedAt !== c) continue;
      const f = sec.file;
      const idx = f.lines.findIndex((l) => l.includes(sec.value));
      f.lines.splice(idx, 1);
      f.protected = f.protected.filter((p) => p !== idx).map((p) => (p > idx ? p - 1 : p));
      touched.add(f);
    }
    const when = 1_600_000_000 + c * 3600;
    s.text(
      `commit refs/heads/main\nmark :${c}\nauthor Dev ${c % 7} <dev${c % 7}@acme-corp.io> ${when} +0000\ncommitter CI <ci@acme-corp.io> ${when} +0000\n`,
    );
    s.data(Buffer.from(`change ${c}: ${word(rng)} ${word(rng)}\n`));
    if (c > 1) s.text(`from :${c - 1}\n`);
    for (const f of touched) {
      s.text(`M 100644 inline ${f.path}\n`);
      s.data(Buffer.from(f.lines.join('\n')));
    }
    s.text('\n');
    if (!git.stdin.write(s.take())) await new Promise((r) => git.stdin.once('drain', r));
  }
  git.stdin.end();
  if ((await done) !== 0) throw new Error('git fast-import failed');
  const byMark = new Map(
    readFileSync(marks, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.slice(1).split(' ') as [string, string]),
  );
  return secrets.map(({ value: _v, file: _f, ...rest }) => ({
    ...rest,
    commit: byMark.get(String(rest.introducedAt)) ?? '',
  }));
}

/** Sum of the sizes of every blob in the repository, each counted once. */
export function uniqueBlobBytes(repo: string): { blobs: number; bytes: number } {
  const r = spawnSync(
    'git',
    ['-C', repo, 'cat-file', '--batch-all-objects', '--batch-check=%(objecttype) %(objectsize)'],
    {
      encoding: 'utf8',
      maxBuffer: 256 * MiB,
    },
  );
  let blobs = 0;
  let bytes = 0;
  for (const line of r.stdout.split('\n')) {
    const [type, size] = line.split(' ');
    if (type !== 'blob') continue;
    blobs++;
    bytes += Number(size);
  }
  return { blobs, bytes };
}
