import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPopularList, parsePopularList, popularFileName, popularList } from './popular.js';

describe('popular-package lists', () => {
  it('round-trips a list with its targets line and optional download counts', () => {
    const list = {
      ecosystem: 'npm' as const,
      packages: [
        { name: 'lodash', rank: 1, downloadsPerMonth: 500 },
        { name: 'loose', rank: 2 },
      ],
      targets: 1,
    };
    const text = formatPopularList(['a header'], list);
    expect(text).toBe('# a header\n# targets: 1\nlodash\t500\nloose\n');
    expect(parsePopularList('npm', text)).toEqual(list);
  });

  it('makes every package a target when the file does not say', () => {
    expect(parsePopularList('PyPI', '# no targets line\nrequests\nurllib3\n').targets).toBe(2);
  });

  it('names files after the ecosystem', () => {
    expect(popularFileName('crates.io')).toBe('crates-io.txt');
    expect(popularFileName('PyPI')).toBe('pypi.txt');
  });

  it('reads a list once per process, and has none for an ecosystem without a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gatehouse-popular-'));
    await writeFile(join(dir, 'npm.txt'), 'left-pad\t10\n');
    const first = popularList('npm', dir);
    await writeFile(join(dir, 'npm.txt'), 'changed\t10\n');
    expect(popularList('npm', dir)).toBe(first);
    expect(first?.packages[0]?.name).toBe('left-pad');
    expect(popularList('Go', dir)).toBeUndefined();
    await rm(dir, { recursive: true });
  });

  it('ships lists for npm and PyPI with targets and downloads', () => {
    const npm = popularList('npm')!;
    expect(npm.targets).toBeGreaterThanOrEqual(10_000);
    expect(npm.packages.find((p) => p.name === 'lodash')?.downloadsPerMonth).toBeGreaterThan(1_000_000);
    expect(
      popularList('PyPI')!
        .packages.slice(0, 50)
        .map((p) => p.name),
    ).toContain('requests');
  });
});
