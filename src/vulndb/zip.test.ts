import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTree } from '../../test/tmp.js';
import { DEFAULT_LIMITS, type ImportLimits } from './limits.js';
import { makeZip, type ZipSpec } from './test-zip.js';
import { type ZipItem, zipEntries } from './zip.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function zipFile(content: Buffer): string {
  const tree = makeTree({});
  cleanup = tree.cleanup;
  const path = join(tree.root, 'dump.zip');
  writeFileSync(path, content);
  return path;
}

async function readAll(path: string, limits: Partial<ImportLimits> = {}): Promise<ZipItem[]> {
  const items: ZipItem[] = [];
  for await (const item of zipEntries(path, { ...DEFAULT_LIMITS, ...limits }, (n) => n.endsWith('.json')))
    items.push(item);
  return items;
}

const record = (id: string) => JSON.stringify({ id, modified: '2024-01-01T00:00:00Z' });
const entries = (specs: ZipSpec[]) => zipFile(makeZip(specs));

describe('zipEntries', () => {
  it('reads deflated and stored entries, skipping the unwanted and folders', async () => {
    const items = await readAll(
      entries([
        { name: 'a/A-1.json', data: record('A-1') },
        { name: 'B-1.json', data: record('B-1'), method: 0 },
        { name: 'notes.txt', data: 'hello' },
        { name: 'a/', data: '', method: 0 },
      ]),
    );
    expect(items.map((i) => [i.kind, i.name])).toEqual([
      ['file', 'a/A-1.json'],
      ['file', 'B-1.json'],
      ['skipped', 'notes.txt'],
    ]);
    const first = items[0] as Extract<ZipItem, { kind: 'file' }>;
    expect(JSON.parse(first.bytes.toString())).toEqual({ id: 'A-1', modified: '2024-01-01T00:00:00Z' });
    expect(first.mtime.getFullYear()).toBe(2024);
  });

  it.each(['../evil.json', 'a/../../evil.json', '/etc/evil.json', 'C:/evil.json', 'a\\..\\evil.json'])(
    'refuses the whole archive for an entry named %j',
    async (name) => {
      const path = entries([
        { name: 'ok.json', data: record('A-1') },
        { name, data: record('A-2') },
      ]);
      await expect(readAll(path)).rejects.toThrow(/dump\.zip: .*(unsafe|invalid|absolute)/);
    },
  );

  it('refuses more entries than the limit', async () => {
    const path = entries([1, 2, 3].map((i) => ({ name: `${i}.json`, data: record(`A-${i}`) })));
    await expect(readAll(path, { maxZipEntries: 2 })).rejects.toThrow(/3 entries, more than the limit of 2/);
  });

  it('refuses a compression bomb before inflating it', async () => {
    const path = entries([{ name: 'bomb.json', data: Buffer.alloc(20 * 1024 * 1024) }]);
    await expect(readAll(path)).rejects.toThrow(/compresses \d+:1, a compression bomb/);
  });

  it('refuses an archive that expands past the total limit', async () => {
    const path = entries(
      [1, 2, 3].map((i) => ({ name: `${i}.json`, data: 'x'.repeat(1000), method: 0 as const })),
    );
    await expect(readAll(path, { maxZipBytes: 2500 })).rejects.toThrow(/expands to more than/);
  });

  it('skips, with a reason, a single entry over the per-file limit', async () => {
    const path = entries([
      { name: 'big.json', data: 'x'.repeat(5000), method: 0 },
      { name: 'ok.json', data: record('A-1') },
    ]);
    const items = await readAll(path, { maxFileBytes: 4000 });
    expect(items.map((i) => i.kind)).toEqual(['rejected', 'file']);
    expect(items[0]).toMatchObject({ reason: /more than the 3.9 KiB limit/ });
  });

  it('catches an entry whose real size exceeds its header', async () => {
    const path = entries([{ name: 'liar.json', data: Buffer.alloc(2 * 1024 * 1024), declaredSize: 100 }]);
    await expect(readAll(path)).rejects.toThrow(/liar\.json/);
  });

  it.each([
    ['garbage', Buffer.from('this is not a zip file at all')],
    ['an empty file', Buffer.alloc(0)],
    ['a truncated archive', makeZip([{ name: 'a.json', data: record('A-1') }]).subarray(0, 40)],
  ])('refuses %s with a clear error', async (_, content) => {
    await expect(readAll(zipFile(content))).rejects.toThrow(/dump\.zip: not a readable zip archive/);
  });

  it('reports a damaged entry body', async () => {
    const zip = makeZip([{ name: 'a.json', data: record('A-1').repeat(50) }]);
    zip.fill(0xff, 40, 60);
    await expect(readAll(zipFile(zip))).rejects.toThrow(/dump\.zip: .*a\.json|damaged/);
  });
});
