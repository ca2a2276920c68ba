import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { licensesFromDisk, MAX_MANIFEST_BYTES } from './disk.js';
import { purlWithoutQualifiers } from './source.js';

const TREE = join(import.meta.dirname, '../../../../test/fixtures/sca/licenses/tree');
const FILES = readdirSync(TREE, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) =>
    join(e.parentPath, e.name)
      .slice(TREE.length + 1)
      .replaceAll('\\', '/'),
  )
  .sort();

function fromMemory(files: Record<string, string>) {
  const warnings: string[] = [];
  const found = licensesFromDisk('/nowhere', Object.keys(files), {
    readFile: (path) => files[path],
    onWarning: (path, message) => warnings.push(`${path}: ${message}`),
  });
  return { found: Object.fromEntries(found), warnings };
}

describe('licensesFromDisk', () => {
  it('reads every supported manifest in a tree, keyed by purl', () => {
    const warnings: string[] = [];
    const found = licensesFromDisk(TREE, FILES, { onWarning: (p, m) => warnings.push(`${p}: ${m}`) });
    expect(Object.fromEntries([...found].sort(([a], [b]) => (a < b ? -1 : 1)))).toEqual({
      'pkg:cargo/serde@1.0.197': ['MIT OR Apache-2.0'],
      'pkg:gem/rack@3.0.8': ['MIT'],
      'pkg:npm/%40babel/core@7.24.0': ['MIT'],
      'pkg:npm/b@2.0.0': ['BSD-3-Clause'],
      'pkg:npm/lodash@4.17.21': ['MIT'],
      'pkg:npm/old-style@1.0.0': ['MIT', 'Apache-2.0'],
      'pkg:npm/proprietary@3.1.0': ['SEE LICENSE IN EULA.txt'],
      'pkg:pypi/attrs@24.2.0': ['MIT'],
      'pkg:pypi/legacy-pkg@0.9': ['GPL-2.0-or-later'],
      'pkg:pypi/paste-deploy@3.1': ['Other/Proprietary License'],
      'pkg:pypi/requests@2.31.0': ['Apache-2.0'],
      'pkg:pypi/six@1.16.0': ['MIT'],
    });
    expect(warnings).toEqual([]);
  });

  it('ignores package.json files that are not a package root, and gemspecs that compute their version', () => {
    const found = licensesFromDisk(TREE, FILES);
    expect([...found.keys()].some((k) => k.includes('not-a-package-root') || k.includes('computed'))).toBe(
      false,
    );
  });

  it('prefers License-Expression, then a License naming an SPDX license, then classifiers', () => {
    const meta = (headers: string) => ({ 'x.dist-info/METADATA': `Name: x\nVersion: 1\n${headers}\n\nbody` });
    const classifier = 'Classifier: License :: OSI Approved :: BSD License';
    expect(fromMemory(meta(`License-Expression: MIT\nLicense: GPL\n${classifier}`)).found).toEqual({
      'pkg:pypi/x@1': ['MIT'],
    });
    expect(fromMemory(meta(`License: ISC\n${classifier}`)).found).toEqual({ 'pkg:pypi/x@1': ['ISC'] });
    expect(fromMemory(meta(`License: see below\n${classifier}`)).found).toEqual({
      'pkg:pypi/x@1': ['BSD-3-Clause'],
    });
    expect(fromMemory(meta('License: Acme EULA')).found).toEqual({ 'pkg:pypi/x@1': ['Acme EULA'] });
    expect(
      fromMemory(
        meta(
          'Classifier: License :: OSI Approved :: MIT License\nClassifier: License :: OSI Approved :: ISC License (ISCL)',
        ),
      ).found,
    ).toEqual({ 'pkg:pypi/x@1': ['MIT', 'ISC'] });
  });

  it('merges the licenses of two installed copies of the same version', () => {
    const pkg = (license: string) => JSON.stringify({ name: 'x', version: '1.0.0', license });
    const { found } = fromMemory({
      'node_modules/x/package.json': pkg('MIT'),
      'node_modules/y/node_modules/x/package.json': pkg('mit'),
      'packages/app/node_modules/x/package.json': pkg('ISC'),
    });
    expect(found).toEqual({ 'pkg:npm/x@1.0.0': ['MIT', 'ISC'] });
  });

  it('warns about unreadable manifests and goes on', () => {
    const good = JSON.stringify({ name: 'good', version: '1.0.0', license: 'MIT' });
    const { found, warnings } = fromMemory({
      'node_modules/truncated/package.json': '{"name": "truncated", "vers',
      'node_modules/array/package.json': '[1, 2]',
      'node_modules/huge/package.json': `{"name": "huge", "pad": "${'x'.repeat(MAX_MANIFEST_BYTES)}"}`,
      'vendor/deep/Cargo.toml': `[package]\nname = "deep"\nversion = "1.0.0"\nx = ${'['.repeat(100_000)}`,
      'site/bad.dist-info/METADATA': 'this is not a header\nName: x',
      'node_modules/good/package.json': good,
    });
    expect(found).toEqual({ 'pkg:npm/good@1.0.0': ['MIT'] });
    expect(warnings).toEqual([
      expect.stringMatching(/^node_modules\/truncated\/package\.json: npm package\.json: .*JSON/),
      'node_modules/array/package.json: npm package.json: package.json is not a JSON object',
      `node_modules/huge/package.json: npm package.json: larger than ${MAX_MANIFEST_BYTES} bytes`,
      expect.stringMatching(/^vendor\/deep\/Cargo\.toml: Cargo\.toml: .*nested/),
      'site/bad.dist-info/METADATA: Python METADATA: not a metadata header line: "this is not a header"',
    ]);
  });

  it('does not read outside the root', () => {
    const warnings: string[] = [];
    const found = licensesFromDisk(join(TREE, 'node_modules/lodash'), ['../@babel/core/package.json'], {
      onWarning: (p, m) => warnings.push(`${p}: ${m}`),
    });
    expect(found.size).toBe(0);
    expect(warnings).toEqual([]);
  });

  it('keys packages the way a lockfile purl is looked up', () => {
    const found = licensesFromDisk(TREE, FILES);
    for (const purl of [
      'pkg:npm/%40Babel/core@7.24.0',
      'pkg:pypi/Requests@2.31.0?extra=x',
      'pkg:gem/rack@3.0.8#lib',
    ]) {
      expect(found.get(purlWithoutQualifiers(purl)!), purl).toBeDefined();
    }
    expect(purlWithoutQualifiers('pkg:maven/org.a/b@1.0?type=jar&classifier=sources')).toBe(
      'pkg:maven/org.a/b@1.0',
    );
    expect(purlWithoutQualifiers('not a purl')).toBeUndefined();
  });
});
