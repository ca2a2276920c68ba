// bench: parse every .tf file of a folder; counts errors
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHcl } from '../src/scanners/iac/parsers/hcl/index.js';
import { loadTerraform } from '../src/scanners/iac/parsers/terraform/loader.js';
import { emitResults, log } from './lib/common.js';

/**
 * Usage: tsx bench/terraform-parse-corpus.ts <folder> (or BENCH_TF_CORPUS=<folder>).
 * Parses each `.tf` file alone (syntax), then loads the folder as Terraform (modules,
 * evaluation) and prints the failures, so each one can be looked at.
 */
const folder = process.argv[2] ?? process.env.BENCH_TF_CORPUS;

function tfFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === '.git' || name === 'node_modules') continue;
    const st = statSync(p);
    if (st.isDirectory()) tfFiles(p, out);
    else if (name.endsWith('.tf') || name.endsWith('.tfvars')) out.push(p);
  }
  return out;
}

function main(): void {
  if (!folder || !existsSync(folder)) {
    log(
      `skipped: no folder to parse (give one as an argument or BENCH_TF_CORPUS); got ${folder ?? 'nothing'}`,
    );
    return;
  }
  const files = tfFiles(folder).map((p) => ({ path: relative(folder, p), text: readFileSync(p, 'utf8') }));
  const tf = files.filter((f) => f.path.endsWith('.tf'));
  const bytes = tf.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  let failed = 0;
  const t0 = performance.now();
  for (const f of tf) {
    const r = parseHcl(f.text);
    if (r.error) {
      failed++;
      process.stdout.write(`FAIL ${f.path}:${r.error.line}:${r.error.col} ${r.error.message}\n`);
    }
  }
  const parseMs = performance.now() - t0;
  const t1 = performance.now();
  const loaded = loadTerraform(files);
  const loadMs = performance.now() - t1;
  const resources = loaded.documents.reduce((n, d) => n + d.resources.length, 0);
  const byCode = new Map<string, number>();
  for (const d of loaded.diagnostics) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
  log(`diagnostics by code: ${JSON.stringify(Object.fromEntries(byCode))}`);
  emitResults('terraform-parse-corpus', [
    {
      case: `parse ${tf.length} .tf files`,
      seconds: parseMs / 1000,
      mib: bytes / 1024 / 1024,
      note: `${tf.length - failed} parse, ${failed} syntax errors`,
    },
    {
      case: 'load as modules and evaluate',
      seconds: loadMs / 1000,
      note: `${loaded.documents.length} modules, ${resources} resources`,
    },
  ]);
}

main();
