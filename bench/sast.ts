// bench: SAST scan of 3,000 generated JS/TS/Python files (~200 lines) with the full rule set; Bandit side by side
/**
 * Generates (once, seeded, reused while the manifest matches) a tree of BENCH_SAST_FILES files
 * under bench/.work/sast-N-sS/: Express/Koa-style JavaScript, TypeScript services and
 * Flask/FastAPI Python, about 200 lines each, built from blocks an application has (route
 * handlers reading request data, parameterised queries, services, utilities, outbound calls to
 * fixed hosts, argument-list subprocesses), so the taint rules have sources, propagation and
 * near-sinks to walk. About one file in 59 has one real vulnerability planted (the manifest lists
 * path, line and CWE); the run reports how many were found at their line.
 *
 * Measures `node dist/cli/main.js scan DIR --scanners sast --format json --output F` (median of
 * BENCH_RUNS) against the issue's target, < 60 s, and files/s; then Gatehouse and Bandit
 * (`bandit -r -f json`, single-threaded, when installed) on the Python half alone.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyseSource } from '../src/scanners/sast/engine/index.js';
import { builtinRules } from '../src/scanners/sast/format/index.js';
import { sourceKindOf } from '../src/scanners/sast/languages.js';
import {
  CLI,
  commandExists,
  emitResults,
  ensureBuilt,
  loadNote,
  log,
  MiB,
  median,
  type ResultRow,
  ROOT,
  readFindings,
  type Timed,
  timed,
  WORK,
  workDir,
} from './lib/common.js';
import { Rng } from './lib/prng.js';
import { camel, pascal, sentence, snake, verbName, word } from './lib/words.js';

const FILES = Number(process.env.BENCH_SAST_FILES ?? 3000);
const SEED = Number(process.env.BENCH_SAST_SEED ?? 1);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_S = 60;
const TARGET_LINES = 200;
/** One file in this many gets a planted vulnerability (prime: the planted files cycle through the kinds). */
const VULN_EVERY = 59;
/** Bump when the generator changes, so old trees are regenerated. */
const GENERATOR_VERSION = 4;
/** Files per language for the in-process per-rule profile (0: no profile). */
const PROFILE_FILES = Number(process.env.BENCH_SAST_PROFILE ?? 0);

type Kind = 'js' | 'ts' | 'py';
interface Planted {
  path: string;
  line: number;
  cwe: string;
}
interface Manifest {
  version: number;
  files: number;
  seed: number;
  lines: number;
  bytes: number;
  byKind: Record<Kind, number>;
  planted: Planted[];
}

// ---------------------------------------------------------------- generation

/** A block of code; `vuln` blocks mark their sink line with «SINK». */
type Block = (r: Rng) => string;

/** Names already used in the file being generated: identifiers are never reserved words and never repeat. */
let used = new Set<string>();
const RESERVED = new Set(
  'import export default delete new class function return from global type lambda result value key rows records items text args notes input stdout template row entry totals out cleaned size query resp completed conn limit name'.split(
    ' ',
  ),
);
function fresh(make: () => string): string {
  for (;;) {
    const name = make();
    if (RESERVED.has(name) || used.has(name)) continue;
    used.add(name);
    return name;
  }
}
const fn = (r: Rng, style: 'camel' | 'snake') => fresh(() => verbName(r, style));
const id = (r: Rng) => fresh(() => camel(r, 1));
const sid = (r: Rng) => fresh(() => snake(r, 1));
const id2 = (r: Rng) => fresh(() => camel(r, 2));

const JS_HEAD = (r: Rng, ts: boolean) =>
  ts
    ? `import express, { type Request, type Response } from 'express';
import { Pool } from 'pg';
import axios from 'axios';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';

// ${sentence(r)}
export const router = express.Router();
const pool = new Pool({ max: ${r.int(5, 20)} });
const ${snake(r, 2).toUpperCase()}_URL = 'https://${word(r)}.internal.corp/v${r.int(1, 3)}';

interface ${pascal(r, 2)} {
  id: number;
  ${id(r)}: string;
  ${id2(r)}?: number;
}
`
    : `'use strict';
const express = require('express');
const { Pool } = require('pg');
const axios = require('axios');
const { execFile } = require('child_process');
const fs = require('fs/promises');
const path = require('path');

// ${sentence(r)}
const router = express.Router();
const pool = new Pool({ max: ${r.int(5, 20)} });
const ${snake(r, 2).toUpperCase()}_URL = 'https://${word(r)}.internal.corp/v${r.int(1, 3)}';
`;

const jsBlocks: Block[] = [
  // route handler: validated input, parameterised query
  (r) => {
    const t = sid(r);
    const f = id(r);
    return `
router.get('/${word(r)}s/:id', async (req, res, next) => {
  const id = Number.parseInt(req.params.id, 10);
  if (!Number.isSafeInteger(id)) return res.status(400).json({ error: 'bad id' });
  const ${f} = String(req.query.${f} ?? '');
  try {
    const { rows } = await pool.query('SELECT id, ${t}, updated_at FROM ${t}s WHERE id = $1 AND ${t} = $2', [id, ${f}]);
    if (rows.length === 0) return res.status(404).end();
    res.json(rows[0]);
  } catch (err) {
    next(err);
  }
});
`;
  },
  // route handler: body to service, JSON out
  (r) => {
    const svc = id2(r);
    const v = fn(r, 'camel');
    return `
router.post('/${word(r)}/${word(r)}', async (req, res) => {
  const { ${id(r)}, ${id(r)}Id, notes = '' } = req.body;
  // ${sentence(r)}
  const result = await ${svc}.${v}({ notes: String(notes).slice(0, ${r.int(100, 2000)}) });
  res.status(201).json({ ok: true, result });
});
`;
  },
  // service object
  (r) => {
    const name = id2(r);
    const m1 = fn(r, 'camel');
    const m2 = fn(r, 'camel');
    return `
const ${name} = {
  cache: new Map(),
  async ${m1}(input) {
    const key = JSON.stringify(input);
    if (this.cache.has(key)) return this.cache.get(key);
    const { rows } = await pool.query('SELECT * FROM ${sid(r)} WHERE ${sid(r)} = $1 LIMIT ${r.int(10, 100)}', [input.notes]);
    const out = rows.map((row) => ({ ...row, score: row.total * ${r.int(2, 9)} }));
    this.cache.set(key, out);
    return out;
  },
  ${m2}(items) {
    return items.filter((x) => x && x.${id(r)} !== undefined).sort((a, b) => a.id - b.id);
  },
};
`;
  },
  // utility functions
  (r) => `
function ${fn(r, 'camel')}(value, fallback = ${r.int(0, 50)}) {
  if (value === undefined || value === null || value === '') return fallback;
  const n = Number(value);
  return Number.isFinite(n) ? Math.max(0, Math.min(n, ${r.int(100, 5000)})) : fallback;
}

function ${fn(r, 'camel')}(text) {
  return String(text)
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
`,
  // outbound call to a fixed host, user data as params
  (r) => `
router.get('/${word(r)}/search', async (req, res) => {
  const q = String(req.query.q ?? '').slice(0, 200);
  const resp = await axios.get('https://${word(r)}.internal.corp/search', { params: { q, limit: ${r.int(5, 50)} }, timeout: ${r.int(1, 9)}000 });
  res.json(resp.data.items.map((i) => ({ id: i.id, title: i.title })));
});
`,
  // argument-list subprocess, constant file
  (r) => {
    const arg = id(r);
    return `
async function ${fn(r, 'camel')}(${arg}) {
  const args = ['--format', 'json', '--limit', '${r.int(1, 99)}', String(${arg})];
  const stdout = await new Promise((resolve, reject) =>
    execFile('/usr/bin/${word(r)}-tool', args, (err, out) => (err ? reject(err) : resolve(out))),
  );
  const template = await fs.readFile(path.join(__dirname, 'templates', '${word(r)}.json'), 'utf8');
  return { ...JSON.parse(template), output: stdout };
}
`;
  },
  // loop-heavy data shaping
  (r) => {
    const acc = id(r);
    return `
// ${sentence(r)}
function ${fn(r, 'camel')}(records) {
  const ${acc} = {};
  for (const rec of records) {
    const bucket = rec.${id(r)} || 'other';
    ${acc}[bucket] = ${acc}[bucket] || { count: 0, total: 0 };
    ${acc}[bucket].count += 1;
    ${acc}[bucket].total += Number(rec.amount) || 0;
  }
  return Object.entries(${acc}).map(([name, v]) => ({ name, ...v, avg: v.total / v.count }));
}
`;
  },
];

const jsVulns: [string, Block][] = [
  [
    'CWE-78',
    (r) => `
router.get('/tools/${word(r)}', (req, res) => {
  const target = req.query.${id(r)};
  require('child_process').exec('${word(r)}-check ' + target, (err, out) => res.send(out));«SINK»
});
`,
  ],
  [
    'CWE-89',
    (r) => `
router.get('/${word(r)}/lookup', async (req, res) => {
  const name = req.query.name;
  const { rows } = await pool.query(\`SELECT * FROM ${sid(r)} WHERE name = '\${name}'\`);«SINK»
  res.json(rows);
});
`,
  ],
  [
    'CWE-94',
    (r) => `
router.post('/${word(r)}/formula', (req, res) => {
  const formula = req.body.formula;
  const value = eval(formula);«SINK»
  res.json({ value });
});
`,
  ],
  [
    'CWE-918',
    (r) => `
router.get('/${word(r)}/preview', async (req, res) => {
  const url = req.query.url;
  const resp = await axios.get(url, { timeout: 3000 });«SINK»
  res.json({ status: resp.status });
});
`,
  ],
  [
    'CWE-79',
    (r) => `
router.get('/${word(r)}/hello', (req, res) => {
  const who = req.query.${id(r)};
  res.send('<h1>Hello ' + who + '</h1>');«SINK»
});
`,
  ],
];

const PY_HEAD = (r: Rng, fastapi: boolean) =>
  fastapi
    ? `import logging
import os
import subprocess

import requests
from fastapi import FastAPI, HTTPException
from sqlalchemy import create_engine, text

# ${sentence(r)}
logger = logging.getLogger(__name__)
app = FastAPI()
engine = create_engine(os.environ.get("DATABASE_URL", "sqlite:///${word(r)}.db"))
${snake(r, 2).toUpperCase()}_URL = "https://${word(r)}.internal.corp/v${r.int(1, 3)}"
`
    : `import logging
import os
import sqlite3
import subprocess

import requests
from flask import Flask, abort, jsonify, request, send_file

# ${sentence(r)}
logger = logging.getLogger(__name__)
app = Flask(__name__)
DB_PATH = os.environ.get("DB_PATH", "/var/app/${word(r)}.db")
`;

const pyBlocks: Block[] = [
  (r) => {
    const t = sid(r);
    const p = sid(r);
    return `

@app.route("/${word(r)}s/<int:item_id>")
def ${fn(r, 'snake')}(item_id):
    ${p} = request.args.get("${p}", "")
    conn = sqlite3.connect(DB_PATH)
    row = conn.execute("SELECT id, ${t} FROM ${t}s WHERE id = ? AND ${t} = ?", (item_id, ${p})).fetchone()
    if row is None:
        abort(404)
    return jsonify(id=row[0], ${t}=row[1])
`;
  },
  (r) => {
    const cls = pascal(r, 2);
    return `

class ${cls}:
    """${sentence(r)}"""

    def __init__(self, limit=${r.int(10, 100)}):
        self.limit = limit
        self._cache = {}

    def ${fn(r, 'snake')}(self, records):
        out = []
        for rec in records[: self.limit]:
            key = rec.get("${sid(r)}") or "other"
            self._cache[key] = self._cache.get(key, 0) + 1
            out.append({**rec, "rank": self._cache[key]})
        return out

    def ${fn(r, 'snake')}(self, value, default=${r.int(0, 9)}):
        try:
            return max(0, min(int(value), self.limit))
        except (TypeError, ValueError):
            return default
`;
  },
  (r) => `

def ${fn(r, 'snake')}(text):
    cleaned = "".join(ch if ch.isalnum() else "-" for ch in str(text).lower())
    while "--" in cleaned:
        cleaned = cleaned.replace("--", "-")
    return cleaned.strip("-")[:${r.int(20, 120)}]


def ${fn(r, 'snake')}(items, size=${r.int(2, 50)}):
    for start in range(0, len(items), size):
        yield items[start:start + size]
`,
  (r) => `

def ${fn(r, 'snake')}(query):
    resp = requests.get("https://${word(r)}.internal.corp/search", params={"q": query, "limit": ${r.int(5, 50)}}, timeout=${r.int(2, 9)})
    resp.raise_for_status()
    return [item["id"] for item in resp.json().get("items", [])]
`,
  (r) => {
    const arg = sid(r);
    return `

def ${fn(r, 'snake')}(${arg}):
    args = ["/usr/bin/${word(r)}-tool", "--format", "json", "--", str(${arg})]
    completed = subprocess.run(args, capture_output=True, text=True, timeout=${r.int(5, 60)})
    with open(os.path.join(os.path.dirname(__file__), "templates", "${word(r)}.json"), encoding="utf-8") as fh:
        template = fh.read()
    return completed.stdout, template
`;
  },
  (r) => {
    const v = sid(r);
    return `

def ${fn(r, 'snake')}(rows):
    # ${sentence(r)}
    totals = {}
    for row in rows:
        bucket = row.get("${v}") or "other"
        entry = totals.setdefault(bucket, {"count": 0, "total": 0.0})
        entry["count"] += 1
        entry["total"] += float(row.get("amount") or 0)
    return [{"name": k, **v, "avg": v["total"] / v["count"]} for k, v in sorted(totals.items())]
`;
  },
];

const pyVulns: [string, Block][] = [
  [
    'CWE-78',
    (r) => `

@app.route("/tools/${word(r)}")
def run_${word(r)}_check():
    target = request.args.get("target", "")
    out = subprocess.check_output("${word(r)}-check " + target, shell=True)«SINK»
    return out
`,
  ],
  [
    'CWE-89',
    (r) => `

@app.route("/${word(r)}/lookup")
def lookup_${word(r)}():
    name = request.args.get("name", "")
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute(f"SELECT * FROM ${sid(r)} WHERE name = '{name}'").fetchall()«SINK»
    return jsonify(rows)
`,
  ],
  [
    'CWE-94',
    (r) => `

@app.route("/${word(r)}/formula", methods=["POST"])
def formula_${word(r)}():
    expr = request.form["formula"]
    return jsonify(value=eval(expr))«SINK»
`,
  ],
  [
    'CWE-918',
    (r) => `

@app.route("/${word(r)}/preview")
def preview_${word(r)}():
    url = request.args["url"]
    resp = requests.get(url, timeout=3)«SINK»
    return jsonify(status=resp.status_code)
`,
  ],
  [
    'CWE-22',
    (r) => `

@app.route("/${word(r)}/download")
def download_${word(r)}():
    name = request.args.get("file", "")
    return send_file(os.path.join("/srv/${word(r)}", name))«SINK»
`,
  ],
];

/** Flask blocks turned into FastAPI ones for the files that have the FastAPI head. */
function fastapiBlock(r: Rng): string {
  const t = sid(r);
  return `

@app.get("/${word(r)}s/{item_id}")
def ${fn(r, 'snake')}(item_id: int, ${t}: str = ""):
    with engine.connect() as conn:
        row = conn.execute(text("SELECT id, ${t} FROM ${t}s WHERE id = :id AND ${t} = :v"), {"id": item_id, "v": ${t}}).fetchone()
    if row is None:
        raise HTTPException(status_code=404)
    return {"id": row[0], "${t}": row[1]}
`;
}

function generateFile(r: Rng, kind: Kind, vuln: boolean): { text: string; sinkLine?: number; cwe?: string } {
  used = new Set();
  // Planted Python vulnerabilities are Flask handlers; a third of the other Python files are FastAPI apps.
  const fastapi = kind === 'py' && !vuln && r.chance(0.35);
  const head = kind === 'py' ? PY_HEAD(r, fastapi) : JS_HEAD(r, kind === 'ts');
  const blocks = kind === 'py' ? (fastapi ? [fastapiBlock, ...pyBlocks.slice(1)] : pyBlocks) : jsBlocks;
  const parts = [head];
  let lines = head.split('\n').length;
  const target = TARGET_LINES + r.int(-30, 30);
  let cwe: string | undefined;
  const vulnAt = vuln ? r.int(1, 4) : -1;
  for (let i = 0; lines < target; i++) {
    let b: string;
    if (i === vulnAt) {
      const [c, gen] = r.pick(kind === 'py' ? pyVulns : jsVulns);
      b = gen(r);
      cwe = c;
    } else b = r.pick(blocks)(r);
    parts.push(b);
    lines += b.split('\n').length - 1;
  }
  if (kind !== 'py')
    parts.push(kind === 'ts' ? '\nexport default router;\n' : '\nmodule.exports = router;\n');
  let text = parts.join('');
  if (!cwe) return { text };
  const at = text.indexOf('«SINK»');
  const sinkLine = text.slice(0, at).split('\n').length;
  text = text.replace('«SINK»', '');
  return { text, sinkLine, cwe };
}

function ensureTree(dir: string): Manifest {
  const manifestPath = `${dir}.manifest.json`;
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (m.version === GENERATOR_VERSION && m.files === FILES && m.seed === SEED && existsSync(dir)) return m;
  }
  log(`generating ${FILES} files into ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  const rng = new Rng(SEED);
  const m: Manifest = {
    version: GENERATOR_VERSION,
    files: FILES,
    seed: SEED,
    lines: 0,
    bytes: 0,
    byKind: { js: 0, ts: 0, py: 0 },
    planted: [],
  };
  for (let i = 0; i < FILES; i++) {
    const r = rng.fork(i);
    const kind: Kind = i % 5 < 2 ? 'py' : i % 5 < 4 ? 'js' : 'ts';
    const top = kind === 'py' ? 'python' : 'node';
    const folder = `${top}/${r.pick(['routes', 'services', 'api', 'handlers', 'lib'])}/${word(r)}`;
    const path = `${folder}/${snake(r, 2)}_${i}.${kind}`;
    const f = generateFile(r, kind, i % VULN_EVERY === VULN_EVERY - 1);
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), f.text);
    m.lines += f.text.split('\n').length;
    m.bytes += Buffer.byteLength(f.text);
    m.byKind[kind]++;
    if (f.sinkLine) m.planted.push({ path, line: f.sinkLine, cwe: f.cwe! });
  }
  writeFileSync(manifestPath, `${JSON.stringify(m, null, 1)}\n`);
  return m;
}

// ---------------------------------------------------------------- running

function newestMtime(dir: string, wanted: (path: string) => boolean): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p, wanted));
    else if (wanted(p)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** TypeScript the build compiles: not tests, not the annotated rule tests beside the rule YAML. */
const compiled = (p: string) =>
  /\.ts$/.test(p) && !/\.test\.ts$/.test(p) && !/[\\/]sast[\\/]rules[\\/]/.test(p);

/** Rebuilds dist/ when src/ is newer; when only rule YAML changed, copying it is enough. */
function ensureFreshBuild(): void {
  if (!existsSync(CLI)) {
    ensureBuilt();
    return;
  }
  const built = statSync(CLI).mtimeMs;
  if (newestMtime(join(ROOT, 'src'), compiled) > built) {
    try {
      ensureBuilt(true);
    } catch (e) {
      log(`build failed (${(e as Error).message}); measuring the existing dist/`);
    }
  } else if (newestMtime(join(ROOT, 'src'), (p) => /\.ya?ml$/.test(p)) > built) {
    log('rule YAML newer than dist/: copying it (scripts/copy-assets.mjs)');
    timed(process.execPath, [join(ROOT, 'scripts', 'copy-assets.mjs')]);
  }
}

function scanGatehouse(target: string, out: string): Timed {
  const r = timed(process.execPath, [
    CLI,
    'scan',
    target,
    '--scanners',
    'sast',
    '--format',
    'json',
    '--output',
    out,
  ]);
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`gatehouse scan exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return r;
}

function measure(label: string, target: string, out: string): { ms: number; cpuMs: number } {
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = scanGatehouse(target, out);
    times.push(r.ms);
    cpus.push(r.cpuMs);
    log(
      `  ${label} run ${i + 1}: ${(r.ms / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s cpu, ${loadNote()}`,
    );
  }
  return { ms: median(times), cpuMs: median(cpus) };
}

/**
 * In-process cost of each rule (the rules in src/), on the first PROFILE_FILES files of each
 * kind: all rules minus parsing alone, and each rule on its own minus parsing. Single thread.
 */
function profile(dir: string, m: Manifest): ResultRow[] {
  const rules = builtinRules();
  const rows: ResultRow[] = [];
  const paths = walkFiles(dir);
  for (const kind of ['py', 'js', 'ts'] as const) {
    const files = paths
      .filter((p) => p.endsWith(`.${kind}`))
      .slice(0, PROFILE_FILES)
      .map((p) => ({ text: readFileSync(p, 'utf8'), parser: sourceKindOf(p)!.parser }));
    const run = (rs: typeof rules) => {
      const t0 = performance.now();
      for (const f of files) analyseSource(f.text, f.parser, rs, { budgetMs: 60_000 });
      return performance.now() - t0;
    };
    const mine = rules.filter((r) => files[0] && r.compiled.has(files[0].parser));
    run(mine);
    const parse = run([]);
    const all = run(mine) - parse;
    const per = mine.map((r) => ({ id: r.id, ms: run([r]) - parse })).sort((a, b) => b.ms - a.ms);
    const perFile = (ms: number) => `${(ms / files.length).toFixed(1)} ms/file`;
    log(
      `profile ${kind} (${files.length} files, ${mine.length} rules): parse ${perFile(parse)}, all rules ${perFile(all)}; slowest: ${per
        .slice(0, 6)
        .map((x) => `${x.id} ${perFile(x.ms)}`)
        .join(', ')}`,
    );
    rows.push({
      case: `profile ${kind}: parse + ${mine.length} rules, ${files.length} of ${m.byKind[kind]} files`,
      seconds: (parse + all) / 1000,
      note: `parse ${perFile(parse)}, rules ${perFile(all)}; slowest ${per
        .slice(0, 3)
        .map((x) => `${x.id} ${perFile(x.ms)}`)
        .join(', ')}`,
    });
  }
  return rows;
}

function walkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? walkFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

function main(): void {
  ensureFreshBuild();
  const dir = join(WORK, `sast-${FILES}-s${SEED}`);
  const m = ensureTree(dir);
  log(
    `${dir}: ${m.files} files (${m.byKind.js} js, ${m.byKind.ts} ts, ${m.byKind.py} py), ${m.lines} lines, ${(m.bytes / MiB).toFixed(1)} MiB, ${m.planted.length} planted vulnerabilities; ${RUNS} runs`,
  );
  const reports = workDir('reports');
  const outAll = join(reports, `gatehouse-sast-${FILES}.json`);
  const all = measure('all', dir, outAll);
  const findings = readFindings(outAll);
  const at = new Set(findings.map((f) => `${f.location.path}:${f.location.startLine}`));
  const found = m.planted.filter((p) => at.has(`${p.path}:${p.line}`)).length;
  const s = all.ms / 1000;
  const rows: ResultRow[] = [
    {
      case: `gatehouse ${m.files} files`,
      seconds: s,
      cpuSeconds: all.cpuMs / 1000,
      mib: m.bytes / MiB,
      mibPerSec: m.bytes / MiB / s,
      findings: findings.length,
      note: `${(m.files / s).toFixed(0)} files/s, ${Math.round(m.lines / s)} lines/s; target < ${TARGET_S} s: ${s < TARGET_S ? 'met' : 'MISSED'}; planted found ${found}/${m.planted.length}; median of ${RUNS}`,
    },
  ];

  const pyDir = join(dir, 'python');
  const pyFiles = m.byKind.py;
  const outPy = join(reports, `gatehouse-sast-${FILES}-python.json`);
  const py = measure('python', pyDir, outPy);
  rows.push({
    case: `gatehouse python (${pyFiles} files)`,
    seconds: py.ms / 1000,
    cpuSeconds: py.cpuMs / 1000,
    findings: readFindings(outPy).length,
    note: `${(pyFiles / (py.ms / 1000)).toFixed(0)} files/s; median of ${RUNS}`,
  });
  if (commandExists('bandit')) {
    const version = timed('bandit', ['--version']).stdout.split('\n')[0];
    const outB = join(reports, `bandit-sast-${FILES}-python.json`);
    const r = timed('bandit', ['-r', '-f', 'json', '-q', '-o', outB, pyDir]);
    const results = existsSync(outB)
      ? (JSON.parse(readFileSync(outB, 'utf8')) as { results: unknown[] }).results.length
      : 0;
    log(
      `  bandit: ${(r.ms / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s cpu, exit ${r.status}, ${loadNote()}`,
    );
    rows.push({
      case: `bandit python (${pyFiles} files)`,
      seconds: r.ms / 1000,
      cpuSeconds: r.cpuMs / 1000,
      findings: results,
      ratio: `gatehouse ${(r.ms / py.ms).toFixed(1)}x`,
      note: `${version}; single-threaded; one run`,
    });
  } else
    rows.push({
      case: 'bandit python',
      note: 'skipped: bandit is not installed (apt-get install -y bandit)',
    });
  if (PROFILE_FILES > 0) rows.push(...profile(dir, m));
  emitResults('sast', rows);
}

main();
