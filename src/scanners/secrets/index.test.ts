import { afterAll, describe, expect, it } from 'vitest';
import { makeTree } from '../../../test/tmp.js';
import { parseConfig } from '../../core/config.js';
import type { Finding } from '../../core/finding.js';
import { runScan } from '../../core/scan.js';
import { secretsScanner } from './index.js';

const AWS = 'AKIA4HXJ7QW2ZL5MPK3R';
const PW = 'Vq7#mK2p!xR9zL';
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const c of cleanups) c();
});

async function scan(
  files: Record<string, string | Buffer>,
  threads = 1,
  config: unknown = {},
): Promise<Finding[]> {
  const t = makeTree(files);
  cleanups.push(t.cleanup);
  const result = await runScan({
    root: t.root,
    scanners: [secretsScanner],
    config: parseConfig(config, 'test'),
    scan: { gitHistory: false, maxFileSize: 64 * 1024 * 1024, threads },
  });
  expect(result.scanners[0]!.status).toBe('ok');
  return result.findings;
}

const summary = (fs: Finding[]) =>
  fs.map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine} ${f.confidence}`);

describe('secrets scanner', () => {
  it('finds the same with worker threads as in-process on a tree over the pool threshold', async () => {
    const filler = 'function add(a, b) { return a + b; } // token handling lives elsewhere\n'.repeat(1500);
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`src/m${String(i).padStart(3, '0')}.js`] = filler;
    files['src/m100.js'] = `${filler}const k = "${AWS}";\n`;
    files['config/db.env'] = `DB_PASSWORD=${PW}\n`;
    const inProcess = summary(await scan(files, 1));
    const pooled = summary(await scan(files, 2));
    expect(pooled).toEqual(inProcess);
    expect(inProcess).toEqual([
      'secrets/generic-password config/db.env:1 medium',
      'secrets/aws-access-key-id src/m100.js:1501 high',
    ]);
  });

  it('keeps provider formats at low confidence in tests, and drops name-based guesses there', async () => {
    const found = summary(
      await scan({ 'test/fixtures/creds.env': `AWS_ACCESS_KEY_ID=${AWS}\nDB_PASSWORD=${PW}\n` }),
    );
    expect(found).toEqual(['secrets/aws-access-key-id test/fixtures/creds.env:1 low']);
  });

  it('applies secrets.disable, secrets.generic and secrets.allow_values', async () => {
    const files = { 'a.env': `AWS_ACCESS_KEY_ID=${AWS}\nDB_PASSWORD=${PW}\n` };
    expect(summary(await scan(files, 1, { secrets: { disable: ['secrets/aws-access-key-id'] } }))).toEqual([
      'secrets/generic-password a.env:2 medium',
    ]);
    expect(summary(await scan(files, 1, { secrets: { generic: false } }))).toEqual([
      'secrets/aws-access-key-id a.env:1 high',
    ]);
    expect(summary(await scan(files, 1, { secrets: { allow_values: ['^AKIA4HXJ'] } }))).toEqual([
      'secrets/generic-password a.env:2 medium',
    ]);
  });

  it('rejects unknown options with the key named', async () => {
    const t = makeTree({ 'a.txt': 'x' });
    cleanups.push(t.cleanup);
    const result = await runScan({
      root: t.root,
      scanners: [secretsScanner],
      config: parseConfig({ secrets: { generik: true } }, 'test'),
      scan: { gitHistory: false, maxFileSize: 1024, threads: 1 },
    });
    expect(result.scanners[0]!.status).toBe('failed');
    expect(result.scanners[0]!.error).toContain("secrets: unknown key(s) 'generik'");
  });

  it('reports one finding per secret and file, counting repeats', async () => {
    const found = await scan({ 'a.env': `A=${AWS}\nB=${AWS}\n` });
    expect(found).toHaveLength(1);
    expect(found[0]!.properties?.occurrences).toBe(2);
  });
});
