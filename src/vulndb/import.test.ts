import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTree } from '../../test/tmp.js';
import { UserError } from '../core/errors.js';
import { importAdvisories } from './import.js';
import { VulnStore } from './store.js';
import { makeZip } from './test-zip.js';

const CORPUS = fileURLToPath(new URL('../../test/fixtures/sca/vulndb/corpus', import.meta.url));
const NOW = new Date('2025-06-01T00:00:00Z');

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function workspace(files: Record<string, string | Buffer> = {}) {
  const tree = makeTree(files);
  cleanups.push(tree.cleanup);
  const dbPath = join(tree.root, 'cache', 'vulndb.sqlite');
  const store = VulnStore.open(dbPath);
  cleanups.unshift(() => store.close());
  return { root: tree.root, dbPath, store };
}

/** Every row of every table, to compare a database before and after. */
function dump(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  const tables = ['advisories', 'affected', 'aliases', 'sources'];
  const out = tables.map((t) =>
    db
      .prepare(`SELECT * FROM ${t}`)
      .raw()
      .all()
      .map((r) => JSON.stringify(r))
      .sort(),
  );
  db.close();
  return JSON.stringify(out);
}

const osv = (id: string, name: string, modified = '2024-01-01T00:00:00Z') =>
  JSON.stringify({ id, modified, affected: [{ package: { ecosystem: 'npm', name } }] });

function manyRecords(n: number): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`adv/A-${i}.json`, osv(`A-${i}`, `pkg-${i}`)]),
  );
}

describe('importAdvisories', () => {
  it('imports every supported format from a folder', async () => {
    const { store } = workspace();
    const r = await importAdvisories(store, [CORPUS], { now: NOW });
    expect(r).toMatchObject({ records: 18, inserted: 18, updated: 0, unchanged: 0, rejectedCount: 0 });
    expect(r.ecosystems).toEqual(['Alpine', 'Go', 'PyPI', 'crates.io', 'npm']);
    expect(r.skippedFiles).toBe(1); // the RustSec README
    expect(r.notes.map((n) => [n.reason, n.count])).toEqual([
      ['listed as never affected (fixed in "0")', 1],
      ['secfixes entry names no CVE or tracker id', 1],
      ['Node.js runtime advisory, no OSV package ecosystem', 1],
      ['Rust toolchain advisory, not a crates.io package', 1],
    ]);
    expect(store.recordsFor('npm', 'lodash').map((x) => x.id)).toEqual(['GHSA-p6mc-m468-83gw']);
    expect(store.recordsFor('PyPI', 'ZSTD').map((x) => x.id)).toEqual(['PYSEC-2023-121']);
    expect(store.recordsFor('crates.io', 'aes_gcm').map((x) => x.id)).toEqual(['RUSTSEC-2023-0096']);
    expect(store.recordsFor('npm', 'mqtt-packet').map((x) => x.id)).toEqual(['NSWG-ECO-500']);
    expect(store.recordsFor('Alpine:v3.11', 'tcpdump')).toHaveLength(3);
    expect(store.status().find((s) => s.ecosystem === 'npm')).toMatchObject({
      advisories: 5,
      origin: CORPUS,
    });
  });

  it('is incremental: a second import of the same data changes nothing', async () => {
    const { store, dbPath } = workspace();
    await importAdvisories(store, [CORPUS], { now: NOW });
    const before = dump(dbPath);
    const r = await importAdvisories(store, [CORPUS], { now: NOW });
    expect(r).toMatchObject({ inserted: 0, updated: 0, unchanged: 18 });
    expect(dump(dbPath)).toBe(before);
  });

  it('replaces a record only with a newer version', async () => {
    const { root, store } = workspace({
      'new/A-1.json': osv('A-1', 'renamed', '2024-05-01T00:00:00Z'),
      'old/A-1.json': osv('A-1', 'original', '2024-01-01T00:00:00Z'),
    });
    await importAdvisories(store, [join(root, 'old')]);
    expect((await importAdvisories(store, [join(root, 'new')])).updated).toBe(1);
    expect((await importAdvisories(store, [join(root, 'old')])).unchanged).toBe(1);
    expect(store.recordsFor('npm', 'renamed')).toHaveLength(1);
    expect(store.recordsFor('npm', 'original')).toHaveLength(0);
  });

  it('imports zip dumps, nested in folders or given directly', async () => {
    const zip = makeZip([
      { name: 'A-1.json', data: osv('A-1', 'a') },
      { name: 'A-2.json', data: osv('A-2', 'b') },
      { name: 'README.txt', data: 'not an advisory' },
    ]);
    const { root, store } = workspace({ 'dumps/npm/all.zip': zip });
    const r = await importAdvisories(store, [join(root, 'dumps')]);
    expect(r).toMatchObject({ files: 2, records: 2, skippedFiles: 1 });
    expect(store.status()[0]).toMatchObject({ ecosystem: 'npm', advisories: 2 });
    expect((await importAdvisories(store, [join(root, 'dumps/npm/all.zip')])).unchanged).toBe(2);
  });

  it('skips bad records and files, naming each, and imports the rest', async () => {
    const { root, store } = workspace({
      'a/good.json': osv('A-1', 'a'),
      'a/truncated.json': '{"id": "A-2", "modif',
      'a/no-modified.json': JSON.stringify({ id: 'A-3', affected: [] }),
      'a/bad-id.json': osv('../../x', 'a'),
      'a/bomb.yaml':
        'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n',
      'a/list.json': JSON.stringify([JSON.parse(osv('A-4', 'b')), { id: 'A-5', modified: 'later' }]),
    });
    const r = await importAdvisories(store, [join(root, 'a')]);
    expect(r.records).toBe(2);
    expect(r.rejected.map((d) => [d.file.replace(`${root}/a/`, ''), d.reason])).toEqual([
      ['bad-id.json', expect.stringMatching(/id: not an OSV id/)],
      ['bomb.yaml', expect.stringMatching(/not valid YAML.*(alias|exhaustion)/i)],
      ['list.json', expect.stringMatching(/A-5: modified: not an RFC 3339 time/)],
      ['no-modified.json', expect.stringMatching(/modified/)],
      ['truncated.json', expect.stringMatching(/not valid JSON/)],
    ]);
    expect(r.rejectedCount).toBe(5);
  });

  it('refuses files over the size limit without reading them', async () => {
    const { root, store } = workspace({
      'big.json': `{"id": "A-1", "modified": "2024-01-01T00:00:00Z", "x": "${'y'.repeat(5000)}"}`,
    });
    const r = await importAdvisories(store, [join(root, 'big.json')], { limits: { maxFileBytes: 1000 } });
    expect(r.rejected).toEqual([
      { file: join(root, 'big.json'), reason: expect.stringMatching(/limit for one advisory/) },
    ]);
  });

  it('with --strict, imports nothing when anything is wrong', async () => {
    const { root, store, dbPath } = workspace({ ...manyRecords(5), 'adv/zz-bad.json': '{' });
    await importAdvisories(store, [join(root, 'adv/A-0.json')]);
    const before = dump(dbPath);
    await expect(importAdvisories(store, [join(root, 'adv')], { strict: true })).rejects.toThrow(
      /zz-bad\.json: not valid JSON/,
    );
    expect(dump(dbPath)).toBe(before);
  });

  it('leaves the database unchanged when an import fails half-way', async () => {
    const { root, store, dbPath } = workspace(manyRecords(50));
    await importAdvisories(store, [join(root, 'adv/A-0.json')]);
    const before = dump(dbPath);
    const boom = (r: { records: number }) => {
      if (r.records === 20) throw new Error('disk on fire');
    };
    await expect(importAdvisories(store, [join(root, 'adv')], { onProgress: boom })).rejects.toThrow(
      'disk on fire',
    );
    expect(dump(dbPath)).toBe(before);
    expect(store.recordsFor('npm', 'pkg-10')).toEqual([]);
    // And the store still works afterwards.
    expect((await importAdvisories(store, [join(root, 'adv')])).inserted).toBe(49);
  });

  it('rolls back cleanly when the disk fills up', async () => {
    const { root, store, dbPath } = workspace(manyRecords(300));
    await importAdvisories(store, [join(root, 'adv/A-0.json')]);
    const before = dump(dbPath);
    // A page limit just above the current size makes SQLite report a full disk mid-import.
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages + 2}`);
    await expect(importAdvisories(store, [join(root, 'adv')])).rejects.toThrow(
      /the disk is full: the import was rolled back/,
    );
    store.db.pragma('max_page_count = 1073741823');
    expect(dump(dbPath)).toBe(before);
  });

  it('imports nothing from any path when one zip is hostile', async () => {
    const evil = makeZip([{ name: '../escape.json', data: osv('A-9', 'x') }]);
    const { root, store, dbPath } = workspace({ ...manyRecords(3), 'evil.zip': evil });
    const before = dump(dbPath);
    const err = await importAdvisories(store, [join(root, 'adv'), join(root, 'evil.zip')]).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(
      /evil\.zip: damaged or unsafe archive \(invalid relative path: \.\.\/escape\.json\)/,
    );
    expect(dump(dbPath)).toBe(before);
  });

  it('says which path does not exist', async () => {
    const { root, store } = workspace();
    await expect(importAdvisories(store, [join(root, 'nope')])).rejects.toThrow(
      /nope: no such file or directory/,
    );
  });

  it('survives the process being killed in the middle of an import', async () => {
    const { root, store, dbPath } = workspace(manyRecords(400));
    mkdirSync(join(root, 'seed'));
    cpSync(join(root, 'adv/A-0.json'), join(root, 'seed/A-0.json'));
    await importAdvisories(store, [join(root, 'seed')]);
    store.close();
    const before = dump(dbPath);
    const child = join(root, 'child.mts');
    writeFileSync(
      child,
      `import { importAdvisories } from ${JSON.stringify(fileURLToPath(new URL('./import.ts', import.meta.url)))};
       import { VulnStore } from ${JSON.stringify(fileURLToPath(new URL('./store.ts', import.meta.url)))};
       const store = VulnStore.open(${JSON.stringify(dbPath)});
       await importAdvisories(store, [${JSON.stringify(join(root, 'adv'))}], {
         onProgress: (r) => { if (r.records === 200) process.kill(process.pid, 'SIGKILL'); },
       });`,
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', child], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.signal).toBe('SIGKILL');
    expect(dump(dbPath)).toBe(before);
    const reopened = VulnStore.open(dbPath);
    cleanups.unshift(() => reopened.close());
    expect(reopened.recordsFor('npm', 'pkg-0')).toHaveLength(1);
    expect(reopened.recordsFor('npm', 'pkg-100')).toHaveLength(0);
  });
});
