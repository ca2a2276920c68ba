import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTree } from '../../../../test/tmp.js';
import type { Package } from '../../../core/package.js';
import { parserFor } from '../lockfiles/index.js';
import { packageLicenses } from './lookup.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function tree(files: Record<string, string>): string {
  const t = makeTree(files);
  cleanups.push(t.cleanup);
  return t.root;
}

/** What the scanner parses: every lockfile of the tree, through the real parsers. */
function lockfilePackages(files: Record<string, string>, paths: string[]): Package[] {
  return paths.flatMap(
    (path) => parserFor(path)!.parse({ path, text: files[path]!, readFile: () => undefined }).packages,
  );
}

const manifest = (name: string, version: string, license: string) =>
  JSON.stringify({ name, version, license });

const PACKAGE_LOCK = JSON.stringify({
  lockfileVersion: 3,
  packages: {
    '': { name: 'app', dependencies: { lodash: '^4', '@babel/core': '^7', a: '^1' } },
    'node_modules/lodash': { version: '4.17.21' },
    'node_modules/@babel/core': { version: '7.24.0' },
    'node_modules/a': { version: '1.0.0', dependencies: { b: '^2' } },
    'node_modules/a/node_modules/b': { version: '2.0.0' },
    'node_modules/b': { version: '1.0.0' },
    'node_modules/no-manifest': { version: '1.0.0' },
  },
});

describe('packageLicenses', () => {
  it('reads node_modules manifests at the install paths a package-lock.json names, gitignored or not', () => {
    const files = {
      '.gitignore': 'node_modules/\n',
      'web/package-lock.json': PACKAGE_LOCK,
      'web/node_modules/lodash/package.json': manifest('lodash', '4.17.21', 'MIT'),
      'web/node_modules/@babel/core/package.json': manifest('@babel/core', '7.24.0', 'MIT'),
      'web/node_modules/a/package.json': manifest('a', '1.0.0', 'ISC'),
      'web/node_modules/a/node_modules/b/package.json': manifest('b', '2.0.0', 'Apache-2.0'),
      'web/node_modules/b/package.json': manifest('b', '1.0.0', 'GPL-3.0-only'),
    };
    const root = tree(files);
    const found = packageLicenses(root, [], lockfilePackages(files, ['web/package-lock.json']));
    expect(Object.fromEntries(found)).toEqual({
      'pkg:npm/lodash@4.17.21': ['MIT'],
      'pkg:npm/%40babel/core@7.24.0': ['MIT'],
      'pkg:npm/a@1.0.0': ['ISC'],
      'pkg:npm/b@2.0.0': ['Apache-2.0'],
      'pkg:npm/b@1.0.0': ['GPL-3.0-only'],
    });
  });

  it('takes a hoisted manifest only when it is the locked version, and finds pnpm store folders', () => {
    const yarn = '"left-pad@^1.0.0":\n  version "1.3.0"\n\n"uuid@^8.0.0":\n  version "8.3.2"\n';
    const files = {
      'yarn.lock': yarn,
      'node_modules/left-pad/package.json': manifest('left-pad', '1.1.0', 'WTFPL'),
      'node_modules/.pnpm/uuid@8.3.2/node_modules/uuid/package.json': manifest('uuid', '8.3.2', 'MIT'),
    };
    const found = packageLicenses(tree(files), [], lockfilePackages(files, ['yarn.lock']));
    expect(Object.fromEntries(found)).toEqual({ 'pkg:npm/uuid@8.3.2': ['MIT'] });
  });

  it('reads the METADATA of a virtualenv beside a Python lockfile, whatever the folder name spelling', () => {
    const metadata = (name: string, version: string, license: string) =>
      `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\nLicense: ${license}\n\nbody`;
    const files = {
      'svc/requirements.txt': 'requests==2.31.0\nPaste-Deploy==3.1\nsix==1.16.0\nold==0.9\nabsent==1.0\n',
      'svc/.venv/lib/python3.12/site-packages/requests-2.31.0.dist-info/METADATA': metadata(
        'requests',
        '2.31.0',
        'Apache-2.0',
      ),
      'svc/.venv/lib/python3.12/site-packages/paste_deploy-3.1.dist-info/METADATA': metadata(
        'Paste-Deploy',
        '3.1',
        'MIT',
      ),
      'svc/.venv/lib/python3.12/site-packages/six-1.15.0.dist-info/METADATA': metadata(
        'six',
        '1.15.0',
        'MIT',
      ),
      'svc/venv/Lib/site-packages/old-0.9-py3.8.egg-info/PKG-INFO': metadata('old', '0.9', 'BSD-3-Clause'),
    };
    const found = packageLicenses(tree(files), [], lockfilePackages(files, ['svc/requirements.txt']));
    expect(Object.fromEntries(found)).toEqual({
      'pkg:pypi/requests@2.31.0': ['Apache-2.0'],
      'pkg:pypi/paste-deploy@3.1': ['MIT'],
      'pkg:pypi/old@0.9': ['BSD-3-Clause'],
    });
  });

  it('keeps what the lockfile or a discovered manifest says, and reads no more than a few paths a package', () => {
    const files = { 'package-lock.json': PACKAGE_LOCK };
    const packages = lockfilePackages(files, ['package-lock.json']);
    packages[0]!.licenses = ['0BSD'];
    const reads: string[] = [];
    const listed: string[] = [];
    const found = packageLicenses('/nowhere', ['node_modules/a/package.json'], packages, {
      readFile: (path) => {
        reads.push(path);
        return path === 'node_modules/a/package.json' ? manifest('a', '1.0.0', 'ISC') : undefined;
      },
      listDir: (path) => {
        listed.push(path);
        return path === 'node_modules' ? ['a', 'b', 'lodash'] : undefined;
      },
    });
    expect(Object.fromEntries(found)).toEqual({ 'pkg:npm/a@1.0.0': ['ISC'] });
    expect(reads.filter((p) => p.includes('lodash'))).toEqual([]);
    expect(reads.filter((p) => p.endsWith('/a/package.json'))).toEqual(['node_modules/a/package.json']);
    expect(reads.length).toBeLessThanOrEqual(3 * packages.length);
    // One look at whether node_modules exists; never a walk of it.
    expect(listed).toEqual(['node_modules']);
  });

  it('reads nothing hoisted where nothing was installed', () => {
    const files = { 'yarn.lock': '"left-pad@^1.0.0":\n  version "1.3.0"\n' };
    const reads: string[] = [];
    packageLicenses('/nowhere', [], lockfilePackages(files, ['yarn.lock']), {
      readFile: (path) => void reads.push(path),
      listDir: () => undefined,
    });
    expect(reads).toEqual([]);
  });

  it('never follows a link out of the tree, and reports unreadable manifests', () => {
    const outside = tree({ 'evil/package.json': manifest('evil', '1.0.0', 'MIT') });
    const files = {
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: { 'node_modules/evil': { version: '1.0.0' }, 'node_modules/broken': { version: '1.0.0' } },
      }),
      'node_modules/broken/package.json': '{"name": "broken", "vers',
    };
    const root = tree(files);
    mkdirSync(join(root, 'node_modules'), { recursive: true });
    symlinkSync(join(outside, 'evil'), join(root, 'node_modules', 'evil'));
    writeFileSync(join(root, 'node_modules', '.keep'), '');
    const warnings: string[] = [];
    const found = packageLicenses(root, [], lockfilePackages(files, ['package-lock.json']), {
      onWarning: (path, message) => warnings.push(`${path}: ${message}`),
    });
    expect(found.size).toBe(0);
    expect(warnings).toEqual([
      expect.stringMatching(/^node_modules\/broken\/package\.json: npm package\.json: /),
    ]);
  });
});
